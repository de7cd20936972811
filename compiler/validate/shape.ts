// Shape checks of a route file: runs the route-file JSON Schema (ajv) and turns ajv's errors into
// diagnostics in our four-part style (what is wrong, the bad value, what is allowed, how to fix).
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { UnlocatedDiagnostic } from '../diagnostics/diagnostic';
import { escapePointerToken } from '../diagnostics/pointer';
import { didYouMean, listWords } from '../diagnostics/suggest';

type Schema = Record<string, unknown>;

export function checkShape(value: unknown, validate: ValidateFunction): UnlocatedDiagnostic[] {
  if (validate(value)) return [];
  const errors = (validate.errors ?? []).slice();
  const out = convert(errors);
  const seen = new Set<string>();
  return out.filter((d) => {
    const key = `${d.code}|${d.pointer}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Resolve `anyOf` groups first (keep the branch that fits the value's type), then convert the rest. */
function convert(errors: ErrorObject[]): UnlocatedDiagnostic[] {
  const out: UnlocatedDiagnostic[] = [];
  const consumed = new Set<ErrorObject>();
  // Outermost anyOf first: a shorter schema path is further out.
  const groups = errors.filter((e) => e.keyword === 'anyOf').sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const group of groups) {
    if (consumed.has(group)) continue;
    consumed.add(group);
    const prefix = group.schemaPath + '/';
    const branches = new Map<number, ErrorObject[]>();
    for (const e of errors) {
      if (consumed.has(e) || !e.schemaPath.startsWith(prefix)) continue;
      const index = Number(e.schemaPath.slice(prefix.length).split('/')[0]);
      consumed.add(e);
      branches.set(index, [...(branches.get(index) ?? []), e]);
    }
    const fitting = [...branches.entries()]
      .sort((a, b) => a[0] - b[0])
      .find(([, list]) => !list.some((e) => isTypeLevelError(e, group.instancePath)));
    if (fitting) out.push(...convert(fitting[1]));
    else out.push(anyOfMismatch(group));
  }
  for (const e of errors) {
    if (consumed.has(e) || e.keyword === 'propertyNames' || e.keyword === 'if') continue;
    const d = convertOne(e);
    if (d) out.push(d);
  }
  return out;
}

function isTypeLevelError(e: ErrorObject, instancePath: string): boolean {
  return e.instancePath === instancePath && (e.keyword === 'type' || e.keyword === 'enum' || e.keyword === 'anyOf');
}

function describeValue(data: unknown): string {
  if (data === null) return 'null';
  if (Array.isArray(data)) return 'a list';
  if (typeof data === 'object') return 'a mapping';
  if (typeof data === 'string') return `the string ${JSON.stringify(data.length > 60 ? data.slice(0, 57) + '...' : data)}`;
  if (typeof data === 'boolean') return `the boolean ${data}`;
  return `the number ${String(data)}`;
}

function typeWord(type: unknown): string {
  const words: Record<string, string> = {
    object: 'a mapping',
    array: 'a list',
    string: 'a string',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
    null: 'null',
  };
  if (Array.isArray(type)) return type.map(typeWord).join(' or ');
  return words[String(type)] ?? String(type);
}

/** The name of the thing a schema path describes: "route", "target", "retry", ... */
function label(schemaPath: string, instancePath: string): string {
  const names: Record<string, string> = {
    defaults: 'defaults',
    bus: 'bus',
    eventType: 'event type',
    source: 'source',
    route: 'route',
    target: 'target',
    routeTest: 'route test',
    notification: 'notification topic',
    queue: 'queue',
    logGroup: 'log group',
    apiDestination: 'API destination',
    table: 'table',
    bucket: 'bucket',
  };
  const parts = schemaPath.split('/');
  const props = parts.flatMap((p, i) => (parts[i - 1] === 'properties' ? [p] : []));
  const definition = parts[1] === 'definitions' ? parts[2] : undefined;
  // The innermost named object: the last `properties/x` that has nested properties after it.
  const tail = props.length > 0 && parts.at(-2) !== 'properties' ? props.at(-1) : undefined;
  if (tail && !(definition && parts.at(-3) === definition)) return `\`${tail}\``;
  if (definition) return names[definition] ?? definition;
  return instancePath === '' ? 'the route file' : 'this section';
}

function anyOfMismatch(e: ErrorObject): UnlocatedDiagnostic {
  const schema = (e.parentSchema ?? {}) as Schema;
  const description = typeof schema.description === 'string' ? schema.description : undefined;
  const branches = Array.isArray(schema.anyOf) ? (schema.anyOf as Schema[]) : [];
  const wantsWhole = typeof e.data === 'number' && !Number.isInteger(e.data) && branches.some((b) => b.type === 'integer');
  return {
    code: 'ER2002',
    severity: 'error',
    pointer: e.instancePath,
    message: wantsWhole ? `${describeValue(e.data)} is not a whole number` : `${describeValue(e.data)} is not a valid value here`,
    hint: description ? `expected: ${description}` : 'see routes/README.md for the allowed forms',
  };
}

function convertOne(e: ErrorObject): UnlocatedDiagnostic | undefined {
  const parent = (e.parentSchema ?? {}) as Schema;
  const what = label(e.schemaPath, e.instancePath);
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String((e.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys((parent.properties as Schema | undefined) ?? {});
      return {
        code: 'ER2001',
        severity: 'error',
        pointer: `${e.instancePath}/${escapePointerToken(name)}`,
        atKey: true,
        message: `unknown property "${name}" in ${what}`,
        hint: allowed.length === 0 ? `remove "${name}": ${what} takes no settings` : `${didYouMean(name, allowed)}allowed properties: ${allowed.join(', ')}`,
      };
    }
    case 'required': {
      const name = String((e.params as { missingProperty: string }).missingProperty);
      const sub = ((parent.properties as Schema | undefined)?.[name] ?? {}) as Schema;
      return {
        code: 'ER2003',
        severity: 'error',
        pointer: e.instancePath,
        atKey: true,
        message: `${what} is missing the required property "${name}"`,
        hint: `add \`${name}:\`${typeof sub.description === 'string' ? ` (${sub.description})` : ''}`,
      };
    }
    case 'type': {
      const expected = (e.params as { type: unknown }).type;
      return {
        code: 'ER2002',
        severity: 'error',
        pointer: e.instancePath,
        message: `${describeValue(e.data)} is not allowed here: ${e.instancePath === '' ? 'the file' : 'this value'} must be ${typeWord(expected)}`,
        hint: typeof parent.description === 'string' ? `expected: ${parent.description}` : `write ${typeWord(expected)}`,
      };
    }
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      return {
        code: 'ER2004',
        severity: 'error',
        pointer: e.instancePath,
        message: `${describeValue(e.data)} is not one of the allowed values`,
        hint: `${typeof e.data === 'string' ? didYouMean(e.data, allowed) : ''}allowed: ${listWords(allowed)}`,
      };
    }
    case 'pattern': {
      const hint = typeof parent['x-hint'] === 'string' ? parent['x-hint'] : `text matching ${String(parent.pattern)}`;
      if (e.propertyName !== undefined) {
        return {
          code: 'ER2005',
          severity: 'error',
          pointer: `${e.instancePath}/${escapePointerToken(e.propertyName)}`,
          atKey: true,
          message: `the name "${e.propertyName}" is not a valid name here`,
          hint: `use ${hint}`,
        };
      }
      return {
        code: 'ER2005',
        severity: 'error',
        pointer: e.instancePath,
        message: `${describeValue(e.data)} is not well-formed`,
        hint: `write ${hint}`,
      };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const limit = (e.params as { limit: number }).limit;
      const min = e.keyword.toLowerCase().includes('min');
      return {
        code: 'ER2006',
        severity: 'error',
        pointer: e.instancePath,
        message: `${describeValue(e.data)} is ${min ? 'below the minimum' : 'above the maximum'} of ${limit}`,
        hint: typeof parent.description === 'string' ? String(parent.description) : `use a value ${min ? 'of at least' : 'of at most'} ${limit}`,
      };
    }
    case 'minItems': {
      const limit = (e.params as { limit: number }).limit;
      return {
        code: 'ER2008',
        severity: 'error',
        pointer: e.instancePath,
        message: `the list has ${Array.isArray(e.data) ? e.data.length : 0} item(s); at least ${limit} required`,
        hint: typeof parent.description === 'string' ? String(parent.description) : `add at least ${limit} item(s)`,
      };
    }
    case 'dependencies': {
      const params = e.params as { property: string; missingProperty: string };
      return {
        code: 'ER2007',
        severity: 'error',
        pointer: `${e.instancePath}/${escapePointerToken(params.property)}`,
        atKey: true,
        message: `"${params.property}" applies only to a target with "${params.missingProperty}", and this target has none`,
        hint: `remove "${params.property}", or move it to a \`${params.missingProperty}\` target`,
      };
    }
    default:
      return {
        code: 'ER2002',
        severity: 'error',
        pointer: e.instancePath,
        message: `${describeValue(e.data)} is not valid here: ${e.message ?? e.keyword}`,
        hint: typeof parent.description === 'string' ? String(parent.description) : 'see routes/README.md',
      };
  }
}
