// What every model builder shares: the route files, the diagnostics reporter and the declared names.
import type { UnlocatedDiagnostic } from '../diagnostics/diagnostic';
import { codeInfo } from '../diagnostics/codes';
import type { RouteFile } from '../language/route-file.types';
import { routeFileSchema } from '../language/route-file.schema';

export interface RouteFileInput {
  /** Path relative to the project root, e.g. "routes/orders.yaml". */
  path: string;
  /** The parsed file, as written. */
  value: RouteFile;
  /**
   * JSON pointers of the values with shape errors. A declaration containing one is untrusted: it only
   * contributes its name (so that references to it do not cascade into more errors).
   */
  shapeErrors: string[];
  /** Its event schemas hold no `$ref` (known from its parse): they are used as they are, unscanned. */
  noSchemaRefs?: boolean;
}

/**
 * Whether the value at `pointer` (and everything under it) passed the shape checks. A key the language
 * does not define (a typo such as `descripton:`, ER2001) does not count: builders never read it, so
 * the declaration's other fields are still checked and one run reports every problem.
 */
export function isTrusted(file: RouteFileInput, pointer: string): boolean {
  const index = trustIndex(file.shapeErrors);
  if (index.root || index.errors.has(pointer) || index.below.has(pointer)) return false;
  for (let i = pointer.lastIndexOf('/'); i > 0; i = pointer.lastIndexOf('/', i - 1)) {
    if (index.errors.has(pointer.slice(0, i))) return false; // an error on a value that holds this one
  }
  return true;
}

/**
 * For a declaration with shape errors: the items of its lists (`<pointer>/<list>/<index>`, e.g. one
 * target of a route) that hold every one of them, so that the rest of the declaration is still checked
 * in the same run; undefined when an error is elsewhere (the declaration is untrusted as a whole).
 */
export function untrustedItems(file: RouteFileInput, pointer: string, lists: readonly string[]): Set<string> | undefined {
  const index = trustIndex(file.shapeErrors);
  if (index.root || index.errors.has(pointer)) return undefined;
  for (let i = pointer.lastIndexOf('/'); i > 0; i = pointer.lastIndexOf('/', i - 1)) {
    if (index.errors.has(pointer.slice(0, i))) return undefined;
  }
  const items = new Set<string>();
  for (const p of index.errors) {
    if (!p.startsWith(`${pointer}/`)) continue;
    const [list, item] = p.slice(pointer.length + 1).split('/');
    if (!lists.includes(list!) || item === undefined || !/^(0|[1-9][0-9]*)$/.test(item)) return undefined;
    items.add(`${pointer}/${list}/${item}`);
  }
  return items;
}

/** A file's shape errors arranged for isTrusted (which builders call per declaration): linear, not quadratic. */
interface TrustIndex {
  /** The whole file has a shape error. */
  root: boolean;
  /** Pointers of the values with shape errors (unknown keys left out). */
  errors: Set<string>;
  /** Pointers of values that hold one of them. */
  below: Set<string>;
}

const trustIndexes = new WeakMap<readonly string[], TrustIndex>();

function trustIndex(shapeErrors: readonly string[]): TrustIndex {
  let index = trustIndexes.get(shapeErrors);
  if (!index) {
    index = { root: false, errors: new Set(), below: new Set() };
    for (const p of shapeErrors) {
      if (isUnknownKey(p)) continue;
      if (p === '') {
        index.root = true;
        continue;
      }
      index.errors.add(p);
      for (let i = p.lastIndexOf('/'); i >= 0; i = p.lastIndexOf('/', i - 1)) {
        index.below.add(p.slice(0, i));
        if (i === 0) break;
      }
    }
    trustIndexes.set(shapeErrors, index);
  }
  return index;
}

type SchemaNode = Record<string, unknown>;

function resolveRef(node: SchemaNode): SchemaNode {
  const ref = node.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/definitions/')) return node;
  return ((routeFileSchema.definitions as Record<string, SchemaNode>)[ref.slice('#/definitions/'.length)] ?? {}) as SchemaNode;
}

/** The schemas a node stands for: itself, or its `anyOf` branches. */
function alternatives(node: SchemaNode): SchemaNode[] {
  const resolved = resolveRef(node);
  return Array.isArray(resolved.anyOf) ? (resolved.anyOf as SchemaNode[]).flatMap(alternatives) : [resolved];
}

/** Whether the pointer names a key that no closed mapping of the route-file schema defines there. */
function isUnknownKey(pointer: string): boolean {
  if (pointer === '') return false;
  const tokens = pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  let nodes: SchemaNode[] = [routeFileSchema];
  for (const token of tokens.slice(0, -1)) {
    nodes = nodes.flatMap(alternatives).flatMap((n) => {
      const properties = n.properties as Record<string, SchemaNode> | undefined;
      if (properties && Object.hasOwn(properties, token)) return [properties[token]];
      if (n.items && typeof n.items === 'object' && /^(0|[1-9][0-9]*)$/.test(token)) return [n.items as SchemaNode];
      if (n.additionalProperties && typeof n.additionalProperties === 'object') return [n.additionalProperties as SchemaNode];
      return [];
    });
    if (nodes.length === 0) return false;
  }
  const last = tokens[tokens.length - 1];
  const objects = nodes.flatMap(alternatives).filter((n) => n.type === 'object');
  return objects.length > 0 && objects.every((n) => n.additionalProperties === false && !Object.hasOwn((n.properties as object | undefined) ?? {}, last));
}

export interface ReportedDiagnostic {
  file: string;
  diagnostic: UnlocatedDiagnostic;
}

/**
 * Collects diagnostics. A problem found again at the same place (a file-level `source:` used by several
 * events, a route-level `deadLetter` applied to each target) is kept once: same file, pointer, code and
 * message.
 */
export class Reporter {
  readonly items: ReportedDiagnostic[] = [];
  private readonly seen = new Set<string>();

  report(file: string, pointer: string, code: string, message: string, hint?: string, options: { atKey?: boolean } = {}): void {
    const { severity } = codeInfo(code);
    this.add(file, { code, severity, pointer, message, hint, atKey: options.atKey });
  }

  add(file: string, diagnostic: UnlocatedDiagnostic): void {
    const key = `${file}\u0000${diagnostic.pointer}\u0000${diagnostic.code}\u0000${diagnostic.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push({ file, diagnostic });
  }

  get errorCount(): number {
    return this.items.filter((i) => i.diagnostic.severity === 'error').length;
  }
}

/** A named declaration: where it is, and its value as written. */
export interface Declaration<T> {
  name: string;
  file: string;
  /** JSON pointer of the entry, e.g. "/routes/large-order-alert". */
  pointer: string;
  value: T;
  /** The declaring file passed shape checks (its value can be trusted). */
  trusted: boolean;
  /**
   * Items of a trusted declaration's lists that did not pass them (pointers, e.g. "/routes/r/targets/1"):
   * left out, while the rest is checked (see untrustedItems).
   */
  skip?: ReadonlySet<string>;
}
