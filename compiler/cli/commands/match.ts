// The `match` command (DESIGN.md section 4): evaluates JSON-lines cases {"name", "pattern", "event"} and
// writes one line per case, in order: {"name", "result": true | false | "invalid", "error"?}. `pattern`
// may be an object or a JSON string; a string is parsed with the duplicate-aware parser, so repeated keys
// behave as in EventBridge (the last wins). An invalid pattern gives EventBridge's reason; an event that
// is not a JSON object, or lacks one of the envelope fields TestEventPattern requires (id, account,
// source, time, region, detail-type), gives "Parameter Event is not valid." (its answer). A line that is
// not JSON, or not an object, gives result "invalid" with the reason and makes the exit code 1.
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { valueOfNode, type JsonNode, type JsonValue } from '../../pattern/ast';
import { compilePatternNode } from '../../pattern/compile-pattern';
import { flattenEventNode } from '../../pattern/event-fields';
import { parseJsonTree } from '../../pattern/json-text';
import { LineSplitter } from '../../pattern/line-splitter';
import { RuleSet } from '../../pattern/rule-set';
import { parseArgs } from '../args';
import { EXIT, UsageError, type Command } from '../io';

const INVALID_EVENT = 'Parameter Event is not valid.';

/** The fields TestEventPattern requires of an event (AWS-validated; see eventbridge-facts.md 1.1). */
export const REQUIRED_EVENT_FIELDS = ['id', 'account', 'source', 'time', 'region', 'detail-type'] as const;

interface CaseResult {
  name: JsonValue;
  result: boolean | 'invalid';
  error?: string;
}

function entry(node: JsonNode, key: string): JsonNode | undefined {
  if (node.kind !== 'object') return undefined;
  let found: JsonNode | undefined;
  for (const e of node.entries) if (e.key === key) found = e.value; // last occurrence wins
  return found;
}

/** A pattern or event given either as JSON or as a string holding JSON. */
function fromMaybeText(node: JsonNode): { node?: JsonNode; text?: string; error?: string } {
  if (node.kind !== 'string') return { node };
  const parsed = parseJsonTree(node.value);
  if (parsed.error || !parsed.node) return { error: parsed.error?.reason ?? 'not JSON' };
  return { node: parsed.node, text: node.value };
}

export function evaluateCase(line: string, lineNumber: number): { result: CaseResult; malformed: boolean } {
  const parsed = parseJsonTree(line);
  if (parsed.error || !parsed.node) {
    return { result: { name: null, result: 'invalid', error: `line ${lineNumber} is not JSON: ${parsed.error?.reason ?? ''}` }, malformed: true };
  }
  const root = parsed.node;
  if (root.kind !== 'object') {
    return { result: { name: null, result: 'invalid', error: `line ${lineNumber} is not a JSON object` }, malformed: true };
  }
  const nameNode = entry(root, 'name');
  const name = nameNode ? valueOfNode(nameNode) : null;
  const patternNode = entry(root, 'pattern');
  if (!patternNode) return { result: { name, result: 'invalid', error: `line ${lineNumber} has no "pattern"` }, malformed: true };
  const pattern = fromMaybeText(patternNode);
  if (!pattern.node) return { result: { name, result: 'invalid', error: pattern.error ?? 'pattern is not JSON' }, malformed: false };
  const compiled = compilePatternNode(pattern.node, pattern.text !== undefined ? { text: pattern.text } : {});
  if (compiled.reason !== undefined) return { result: { name, result: 'invalid', error: compiled.reason }, malformed: false };
  const eventNode = entry(root, 'event');
  const event = eventNode ? fromMaybeText(eventNode) : {};
  if (!event.node || event.node.kind !== 'object' || REQUIRED_EVENT_FIELDS.some((field) => entry(event.node!, field) === undefined)) {
    return { result: { name, result: 'invalid', error: INVALID_EVENT }, malformed: false };
  }
  const rules = new RuleSet([{ name: 'case', subRules: compiled.subRules }]);
  const filter = { wants: (p: string) => rules.pathIds.has(p), descends: (p: string) => rules.descends(p) };
  const fields = flattenEventNode(event.node, filter);
  const matched = rules.matchFields(fields, fields.map((f) => rules.pathIds.get(f.path) as number)).length > 0;
  return { result: { name, result: matched }, malformed: false };
}

export const matchCommand: Command = async (args, io) => {
  const { flags, positionals } = parseArgs('match', args, { cases: 'string' });
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}' (usage: eventroutes match --cases FILE|-)`);
  if (flags.cases === undefined) throw new UsageError('missing --cases FILE (JSON lines {"name","pattern","event"}; - for stdin)');
  const source = flags.cases === '-' ? process.stdin : createReadStream(resolve(io.cwd, flags.cases));
  const decoder = new StringDecoder('utf8');
  const splitter = new LineSplitter();
  let out: string[] = [];
  let lineNumber = 0;
  let malformed = 0;
  const onLine = (line: string): void => {
    lineNumber++;
    if (line.trim() === '') return;
    const { result, malformed: bad } = evaluateCase(line, lineNumber);
    if (bad) malformed++;
    out.push(JSON.stringify(result));
    if (out.length >= 1000) {
      io.stdout(out.join('\n') + '\n');
      out = [];
    }
  };
  try {
    for await (const chunk of source) splitter.push(decoder.write(chunk as Buffer), onLine);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT' || e.code === 'EISDIR' || e.code === 'EACCES') {
      io.stderr(`eventroutes match: cannot read ${flags.cases}: ${e.code}\n`);
      return EXIT.usage;
    }
    throw err;
  }
  splitter.push(decoder.end(), onLine);
  splitter.end(onLine);
  if (out.length > 0) io.stdout(out.join('\n') + '\n');
  if (malformed > 0) {
    io.stderr(`eventroutes match: ${malformed} line(s) were not valid cases\n`);
    return EXIT.inputErrors;
  }
  return EXIT.ok;
};
