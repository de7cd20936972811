// JSON pointers for pattern positions: the same RFC 6901 text as compiler/diagnostics/pointer.ts, with a
// fast path for the common token that needs no escaping (the compiler builds one per pattern value).

export function childPointer(base: string, token: string | number): string {
  if (typeof token === 'number') return `${base}/${token}`;
  if (token.indexOf('~') === -1 && token.indexOf('/') === -1) return `${base}/${token}`;
  return `${base}/${token.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
