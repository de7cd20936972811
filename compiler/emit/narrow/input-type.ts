// What a target receives when it has an `input` (EventBridge Input, InputPath, InputTransformer): its
// type, derived from the event type the route lets through, and a sample built from a sample event.
//   constant    → the literal type of the JSON;
//   path        → the type at that path (runtime.At<Event, [...]>);
//   transformer → the template's JSON with each placeholder typed: an unquoted one holds the value
//                 at its path (as JSON), a quoted one is text (a template literal type with holes).
// A path that may be missing gives `undefined` (AWS leaves the variable unset). A template that is not
// JSON is delivered as text: `string`. Reserved variables: aws.events.event(.json) is the event,
// aws.events.rule-name, aws.events.rule-arn, aws.events.event.ingestion-time are strings.
import type { InputSpec, JsonObject, JsonValue } from '../../model/types';
import { literalType, propertyKey, stringLiteral, templateLiteralType, type TemplatePart } from '../ts/names';
import { RUNTIME_NS } from './render';

export type PathSegment = string | number;

const EVENT_VARS = new Set(['aws.events.event', 'aws.events.event.json']);
const TEXT_VARS = new Set(['aws.events.rule-name', 'aws.events.rule-arn', 'aws.events.event.ingestion-time']);
const SENTINEL = /^__eventroutes_placeholder_(\d+)__$/;

/** `$.detail.items[0].sku` → ['detail', 'items', 0, 'sku']; undefined for wildcards or other syntax. */
export function parseJsonPath(path: string): PathSegment[] | undefined {
  if (path === '$') return [];
  if (!path.startsWith('$')) return undefined;
  const out: PathSegment[] = [];
  const re = /\.([^.[\]*]+)|\[(\d+)\]/y;
  re.lastIndex = 1;
  while (re.lastIndex < path.length) {
    const m = re.exec(path);
    if (!m) return undefined;
    out.push(m[1] !== undefined ? m[1] : Number(m[2]));
  }
  return out;
}

function pathType(eventType: string, path: string): string {
  const segments = parseJsonPath(path);
  if (!segments) return 'unknown';
  if (segments.length === 0) return eventType;
  return `${RUNTIME_NS}.At<${eventType}, [${segments.map((s) => (typeof s === 'number' ? String(s) : stringLiteral(s))).join(', ')}]>`;
}

/** The value at a path of a JSON value; undefined when missing. */
export function valueAt(value: JsonValue | undefined, path: string): JsonValue | undefined {
  const segments = parseJsonPath(path);
  if (!segments) return undefined;
  let at: JsonValue | undefined = value;
  for (const s of segments) {
    if (typeof s === 'number') at = Array.isArray(at) ? at[s] : undefined;
    else at = at !== null && typeof at === 'object' && !Array.isArray(at) && Object.hasOwn(at, s) ? at[s] : undefined;
    if (at === undefined) return undefined;
  }
  return at;
}

interface ParsedTemplate {
  /** The template's JSON with each unquoted placeholder replaced by a sentinel string; undefined: not JSON. */
  json: JsonValue | undefined;
  /** Placeholder names, by sentinel index. */
  names: string[];
}

function parseTemplate(template: string, known: ReadonlySet<string>): ParsedTemplate {
  const names: string[] = [];
  let out = '';
  let inString = false;
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (c === '\\' && inString) {
      out += c + (template[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') inString = !inString;
    if (c === '<' && !inString) {
      const end = template.indexOf('>', i + 1);
      const name = end > i ? template.slice(i + 1, end) : '';
      if (known.has(name)) {
        out += `"__eventroutes_placeholder_${names.length}__"`;
        names.push(name);
        i = end;
        continue;
      }
    }
    out += c;
  }
  try {
    return { json: JSON.parse(out) as JsonValue, names };
  } catch {
    return { json: undefined, names };
  }
}

/** Splits text at the known placeholders it contains. */
function textParts(text: string, known: ReadonlySet<string>): (string | { name: string })[] {
  const parts: (string | { name: string })[] = [];
  let last = 0;
  for (const m of text.matchAll(/<([^<>]+)>/g)) {
    if (!known.has(m[1]!)) continue;
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push({ name: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

function knownNames(paths: Record<string, string>): Set<string> {
  return new Set([...Object.keys(paths), ...EVENT_VARS, ...TEXT_VARS]);
}

/** The TypeScript type of what a target with this input receives, for events of type `eventType`. */
export function inputType(input: InputSpec, eventType: string): string {
  if (input.kind === 'constant') {
    try {
      return jsonType(JSON.parse(input.json) as JsonValue, () => 'unknown', () => 'string');
    } catch {
      return 'string';
    }
  }
  if (input.kind === 'path') return pathType(eventType, input.path);
  const known = knownNames(input.paths);
  const parsed = parseTemplate(input.template, known);
  if (parsed.json === undefined) return 'string';
  const unquoted = (index: number): string => {
    const name = parsed.names[index]!;
    if (EVENT_VARS.has(name)) return eventType;
    if (TEXT_VARS.has(name)) return 'string';
    return pathType(eventType, input.paths[name]!);
  };
  const quoted = (text: string): string => {
    const parts = textParts(text, known);
    if (parts.every((p) => typeof p === 'string')) return literalType(text);
    const template: TemplatePart[] = parts.map((p) => {
      if (typeof p === 'string') return { text: p };
      if (EVENT_VARS.has(p.name) || TEXT_VARS.has(p.name)) return { hole: 'string' };
      return { hole: `${RUNTIME_NS}.Stringable<${pathType(eventType, input.paths[p.name]!)}>` };
    });
    return template.length === 1 && 'hole' in template[0]! && template[0].hole === 'string' ? 'string' : templateLiteralType(template);
  };
  return jsonType(parsed.json, unquoted, quoted);
}

function jsonType(value: JsonValue, unquoted: (index: number) => string, quoted: (text: string) => string): string {
  if (typeof value === 'string') {
    const m = SENTINEL.exec(value);
    return m ? unquoted(Number(m[1])) : quoted(value);
  }
  if (value === null || typeof value !== 'object') return literalType(value);
  if (Array.isArray(value)) return `[${value.map((v) => jsonType(v, unquoted, quoted)).join(', ')}]`;
  const members = Object.entries(value).map(([k, v]) => `${propertyKey(k)}: ${jsonType(v, unquoted, quoted)};`);
  return members.length === 0 ? 'Record<string, never>' : `{\n${members.join('\n')}\n}`;
}

/** Facts about the rule a sample input is built for. */
export interface RuleFacts {
  ruleName: string;
  ruleArn: string;
}

function asText(value: JsonValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') return String(value);
  return JSON.stringify(value);
}

/** What the target receives for this sample event (undefined where a path misses). */
export function inputSample(input: InputSpec, event: JsonObject, rule: RuleFacts): unknown {
  if (input.kind === 'constant') {
    try {
      return JSON.parse(input.json) as JsonValue;
    } catch {
      return input.json;
    }
  }
  if (input.kind === 'path') return valueAt(event, input.path);
  const known = knownNames(input.paths);
  const valueOf = (name: string): JsonValue | undefined => {
    if (EVENT_VARS.has(name)) return event;
    if (name === 'aws.events.rule-name') return rule.ruleName;
    if (name === 'aws.events.rule-arn') return rule.ruleArn;
    if (name === 'aws.events.event.ingestion-time') return typeof event.time === 'string' ? event.time : '2026-01-01T00:00:00Z';
    return valueAt(event, input.paths[name]!);
  };
  const fill = (text: string): string => textParts(text, known).map((p) => (typeof p === 'string' ? p : asText(valueOf(p.name)))).join('');
  const parsed = parseTemplate(input.template, known);
  if (parsed.json === undefined) return fill(input.template);
  const walk = (value: JsonValue): unknown => {
    if (typeof value === 'string') {
      const m = SENTINEL.exec(value);
      return m ? valueOf(parsed.names[Number(m[1])]!) : fill(value);
    }
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map(walk);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
  };
  return walk(parsed.json);
}
