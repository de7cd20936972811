// The `route` command (DESIGN.md section 4): loads RULES.json (an object of rule name → pattern, the
// pattern as an object or a JSON string), validates every rule (all invalid ones are listed, exit 1),
// compiles them into one matching structure, then streams EVENTS.jsonl and writes, for each event line,
// the JSON array of matching rule names, sorted. Memory stays constant in the number of events; output is
// written in large chunks. Blank lines are skipped; a line that is not a JSON object gives [] and is
// reported on stderr at the end (exit 1). `-` reads from stdin.
import { createReadStream, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { JsonNode } from '../../pattern/ast';
import { compilePatternNode } from '../../pattern/compile-pattern';
import { EventScanner } from '../../pattern/event-scanner';
import { parseJsonTree } from '../../pattern/json-text';
import { LineSplitter } from '../../pattern/line-splitter';
import { RuleSet, type NamedSubRules } from '../../pattern/rule-set';
import { parseArgs } from '../args';
import { EXIT, UsageError, type CliIO, type Command } from '../io';

const OUTPUT_CHUNK = 1 << 20;

function readText(path: string, io: CliIO, what: string): string {
  try {
    return readFileSync(resolve(io.cwd, path), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`cannot read ${what} ${path}: ${code}`);
  }
}

/** Parses and validates the rules file; returns the compiled rules or writes every problem to stderr. */
export function loadRules(text: string, io: CliIO, file: string): NamedSubRules[] | null {
  const parsed = parseJsonTree(text);
  if (!parsed.node) {
    io.stderr(`${file}: not JSON: ${parsed.error?.reason ?? ''} (offset ${parsed.error?.offset ?? 0})\n`);
    return null;
  }
  if (parsed.node.kind !== 'object') {
    io.stderr(`${file}: must be a JSON object of rule name to event pattern\n`);
    return null;
  }
  const rules: NamedSubRules[] = [];
  const seen = new Set<string>();
  let errors = 0;
  for (const { key: name, value } of parsed.node.entries) {
    if (seen.has(name)) {
      io.stderr(`${file}: rule "${name}" is defined more than once; the last definition is used\n`);
      const i = rules.findIndex((r) => r.name === name);
      if (i !== -1) rules.splice(i, 1);
    }
    seen.add(name);
    let node: JsonNode = value;
    let patternText: string | undefined;
    if (value.kind === 'string') {
      const inner = parseJsonTree(value.value);
      if (!inner.node) {
        io.stderr(`${file}: rule "${name}": pattern text is not JSON: ${inner.error?.reason ?? ''}\n`);
        errors++;
        continue;
      }
      node = inner.node;
      patternText = value.value;
      for (const dup of inner.duplicates) io.stderr(`${file}: rule "${name}": warning: duplicate key at ${dup.pointer}; the last one is used\n`);
    }
    const compiled = compilePatternNode(node, patternText !== undefined ? { text: patternText } : {});
    for (const issue of compiled.issues) {
      if (issue.severity === 'error') errors++;
      const at = issue.pointer === '' ? '' : ` at ${issue.pointer}`;
      io.stderr(`${file}: rule "${name}"${at}: ${issue.severity} ${issue.code} ${issue.reason}\n`);
    }
    if (compiled.ok) rules.push({ name, subRules: compiled.subRules });
  }
  if (errors > 0) {
    io.stderr(`${file}: ${errors} error(s); no events were routed\n`);
    return null;
  }
  return rules;
}

export const routeCommand: Command = async (args, io) => {
  const { flags, positionals } = parseArgs('route', args, { rules: 'string', events: 'string' });
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}' (usage: eventroutes route --rules RULES.json --events EVENTS.jsonl|-)`);
  if (flags.rules === undefined) throw new UsageError('missing --rules RULES.json (an object of rule name to event pattern)');
  if (flags.events === undefined) throw new UsageError('missing --events EVENTS.jsonl (one JSON event per line; - for stdin)');
  if (flags.rules === '-' && flags.events === '-') throw new UsageError('--rules and --events cannot both be read from stdin');
  const rulesText = flags.rules === '-' ? readFileSync(0, 'utf8') : readText(flags.rules, io, 'rules file');
  const rules = loadRules(rulesText, io, flags.rules);
  if (!rules) return EXIT.inputErrors;

  const ruleSet = new RuleSet(rules);
  const scanner = new EventScanner(ruleSet);
  const names = ruleSet.nameJson;
  let out = '';
  let lineNumber = 0;
  let bad = 0;
  const badLines: number[] = [];
  const onLine = (line: string): void => {
    lineNumber++;
    if (line.length === 0 || (line.charCodeAt(0) <= 0x20 && line.trim() === '')) return;
    if (!scanner.read(line, ruleSet.anchorRoot, true)) {
      bad++;
      if (badLines.length < 5) badLines.push(lineNumber);
      out += '[]\n';
    } else if (!ruleSet.activate(scanner.fields, scanner.pathIds)) {
      out += '[]\n';
    } else {
      if (!scanner.read(line, ruleSet.root)) {
        // The anchor pass reads only part of a line; the full read can still find it malformed.
        bad++;
        if (badLines.length < 5) badLines.push(lineNumber);
        out += '[]\n';
        return flush();
      }
      const ids = ruleSet.confirmActive(scanner.fields, scanner.pathIds);
      if (ids.length === 0) out += '[]\n';
      else if (ids.length === 1) out += '[' + names[ids[0]] + ']\n';
      else {
        let s = '[' + names[ids[0]];
        for (let i = 1; i < ids.length; i++) s += ',' + names[ids[i]];
        out += s + ']\n';
      }
    }
    flush();
  };
  const flush = (): void => {
    if (out.length >= OUTPUT_CHUNK) {
      io.stdout(out);
      out = '';
    }
  };
  const source = flags.events === '-' ? process.stdin : createReadStream(resolve(io.cwd, flags.events), { highWaterMark: 1 << 20 });
  const decoder = new StringDecoder('utf8');
  const splitter = new LineSplitter();
  try {
    for await (const chunk of source) splitter.push(decoder.write(chunk as Buffer), onLine);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      io.stderr(`eventroutes route: cannot read events file ${flags.events}: ${code}\n`);
      return EXIT.usage;
    }
    throw err;
  }
  splitter.push(decoder.end(), onLine);
  splitter.end(onLine);
  if (out.length > 0) io.stdout(out);
  if (bad > 0) {
    io.stderr(`eventroutes route: ${bad} event line(s) were not JSON objects and matched nothing (lines ${badLines.join(', ')}${bad > badLines.length ? ', ...' : ''})\n`);
    return EXIT.inputErrors;
  }
  return EXIT.ok;
};
