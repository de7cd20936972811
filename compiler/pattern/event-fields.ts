// Events as event-ruler sees them (its Event class): a list of leaf fields, each with its flattened path
// (keys joined with `.`, so `{"a":{"b":1}}` and `{"a.b":1}` give the same path; conformance
// dot_joining_event/dot_joining_pattern), its value, and the arrays it sits in. Only elements that are
// objects or arrays record an array membership — primitive elements of an array are plain alternatives —
// and empty arrays and objects yield no field at all (so `exists` does not see them; conformance
// exists_list_empty_NEG). Two fields are array-consistent when they agree on every array they share.
import type { JsonNode } from './ast';
import { comparableValue } from './numbers';

export type FieldKind = 'string' | 'number' | 'boolean' | 'null';

export interface EventField {
  path: string;
  kind: FieldKind;
  /** The string's value; a number's literal text; `true`, `false` or `null`. */
  text: string;
  /** For numbers that EventBridge can compare numerically, their value; NaN otherwise. */
  num: number;
  /** Array memberships as flat pairs [arrayId, index, arrayId, index, ...]; empty when none. */
  arrays: readonly number[];
}

/** Which paths to collect: `wants(path)` for leaves, `descends(path)` for objects and arrays. */
export interface PathFilter {
  wants(path: string): boolean;
  descends(path: string): boolean;
}

const ALL: PathFilter = { wants: () => true, descends: () => true };

/** The value a number field is compared by: its double when the literal is exactly one, else NaN. */
export function numberField(text: string): number {
  return comparableValue(text);
}

class Flattener {
  readonly fields: EventField[] = [];
  private arrayCount = 0;
  private readonly membership: number[] = [];

  constructor(private readonly filter: PathFilter) {}

  add(path: string, kind: FieldKind, text: string, num: number): void {
    if (this.filter.wants(path)) this.fields.push({ path, kind, text, num, arrays: this.membership.slice() });
  }

  value(path: string, value: unknown): void {
    switch (typeof value) {
      case 'string':
        this.add(path, 'string', value, Number.NaN);
        return;
      case 'number': {
        if (!Number.isFinite(value)) return;
        const text = JSON.stringify(value);
        this.add(path, 'number', text, numberField(text));
        return;
      }
      case 'boolean':
        this.add(path, 'boolean', value ? 'true' : 'false', Number.NaN);
        return;
      case 'object':
        if (value === null) {
          this.add(path, 'null', 'null', Number.NaN);
        } else if (Array.isArray(value)) {
          if (this.filter.wants(path) || this.filter.descends(path)) this.array(path, value);
        } else if (this.filter.descends(path)) {
          this.object(path, value as Record<string, unknown>);
        }
        return;
      default:
        return; // undefined, functions, symbols: not JSON, ignored as JSON.stringify would
    }
  }

  object(prefix: string, obj: Record<string, unknown>): void {
    for (const key of Object.keys(obj)) this.value(prefix === '' ? key : `${prefix}.${key}`, obj[key]);
  }

  array(path: string, items: readonly unknown[]): void {
    const id = this.arrayCount++;
    items.forEach((item, index) => {
      if (typeof item === 'object' && item !== null) {
        this.membership.push(id, index);
        this.value(path, item);
        this.membership.length -= 2;
      } else {
        this.value(path, item);
      }
    });
  }

  node(path: string, node: JsonNode): void {
    switch (node.kind) {
      case 'string':
        this.add(path, 'string', node.value, Number.NaN);
        return;
      case 'number':
        this.add(path, 'number', node.text, numberField(node.text));
        return;
      case 'boolean':
        this.add(path, 'boolean', node.value ? 'true' : 'false', Number.NaN);
        return;
      case 'null':
        this.add(path, 'null', 'null', Number.NaN);
        return;
      case 'object':
        if (path === '' || this.filter.descends(path)) {
          for (const entry of node.entries) this.node(path === '' ? entry.key : `${path}.${entry.key}`, entry.value);
        }
        return;
      case 'array': {
        if (!this.filter.wants(path) && !this.filter.descends(path)) return;
        const id = this.arrayCount++;
        node.items.forEach((item, index) => {
          if (item.kind === 'object' || item.kind === 'array') {
            this.membership.push(id, index);
            this.node(path, item);
            this.membership.length -= 2;
          } else {
            this.node(path, item);
          }
        });
      }
    }
  }
}

/** Flattens an event value (a plain object) into its leaf fields. */
export function flattenEvent(event: Record<string, unknown>, filter: PathFilter = ALL): EventField[] {
  const f = new Flattener(filter);
  f.object('', event);
  return f.fields;
}

/** Flattens an event tree (numbers keep their literal text). The root must be an object. */
export function flattenEventNode(event: JsonNode, filter: PathFilter = ALL): EventField[] {
  const f = new Flattener(filter);
  f.node('', event);
  return f.fields;
}

/** event-ruler ArrayMembership.checkArrayConsistency: merged memberships, or null on a conflict. */
export function mergeMembership(soFar: readonly number[], field: readonly number[]): readonly number[] | null {
  if (field.length === 0) return soFar;
  if (soFar.length === 0) return field;
  let merged: number[] | null = null;
  for (let i = 0; i < field.length; i += 2) {
    const id = field[i];
    let found = -1;
    for (let j = 0; j < soFar.length; j += 2) {
      if (soFar[j] === id) {
        found = soFar[j + 1];
        break;
      }
    }
    if (found === -1) {
      merged ??= soFar.slice();
      merged.push(id, field[i + 1]);
    } else if (found !== field[i + 1]) {
      return null;
    }
  }
  return merged ?? soFar;
}
