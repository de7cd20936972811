// Construct ids and statement ids from model names: "raw-uploads" -> "RawUploads". They depend on the
// name only, so they change only when the name changes.
export function constructIdOf(name: string): string {
  const id = name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p[0].toUpperCase() + p.slice(1))
    .join('');
  return /^[0-9]/.test(id) ? `N${id}` : id || 'Unnamed';
}

/**
 * The construct id of a bus. CDK leaves a path component named "Default" out of logical ids, so the
 * account's default bus gets "Default.Bus" (no model id contains a dot, so it cannot clash).
 */
export function busConstructId(bus: { id: string; kind: 'custom' | 'default' }): string {
  return bus.kind === 'default' ? 'Default.Bus' : bus.id;
}
