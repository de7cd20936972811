// Loads the conformance data: ../shared/conformance beside the repository when it exists, else the
// vendored copy in tests/fixtures/conformance (a clean clone in CI). A missing folder throws, so the
// conformance tests fail loudly instead of being skipped.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonNode } from '../../compiler/pattern/ast';
import { parsePatternText } from '../../compiler/pattern/json-text';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const sharedConformanceDir = resolve(repoRoot, '../shared/conformance');
export const vendoredConformanceDir = resolve(repoRoot, 'tests/fixtures/conformance');
export const conformanceDir = existsSync(sharedConformanceDir) ? sharedConformanceDir : vendoredConformanceDir;

export function requireConformanceDir(): string {
  if (!existsSync(conformanceDir)) {
    throw new Error(`conformance data not found at ${conformanceDir}: neither ../shared/conformance nor tests/fixtures/conformance exists`);
  }
  return conformanceDir;
}

/** The JSON5 subset the LocalStack templates use: // and /* *\/ comments, trailing commas. */
export function stripJson5(src: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (inString) {
      out += c;
      if (c === '\\') out += src[++i];
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && src[i + 1] === '*') {
      i = src.indexOf('*/', i + 2) + 1;
    } else {
      out += c;
    }
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}

export interface LocalStackCase {
  name: string;
  expect: true | false | 'invalid';
  /** Tree of the pattern: keeps number literals such as 300.0 (number_comparison_float). */
  pattern: JsonNode;
  event: JsonNode;
  /** AWS's reason for _EXC cases, from the snapshot. */
  reason?: string;
}

function member(node: JsonNode, key: string): JsonNode {
  if (node.kind !== 'object') throw new Error('not an object');
  const found = node.entries.find((e) => e.key === key);
  if (!found) throw new Error(`missing ${key}`);
  return found.value;
}

export function localStackCases(): LocalStackCase[] {
  const dir = join(requireConformanceDir(), 'localstack-event-patterns');
  const snapshot = JSON.parse(readFileSync(join(dir, 'test_events_patterns.snapshot.json'), 'utf8')) as Record<
    string,
    { 'recorded-content': Record<string, { exception_message?: { Error?: { Message?: string } } }> }
  >;
  const reasons = new Map<string, string>();
  for (const entry of Object.values(snapshot)) {
    for (const [stem, content] of Object.entries(entry['recorded-content'])) {
      const message = content.exception_message?.Error?.Message;
      if (message) reasons.set(stem, message.replace(/^Event pattern is not valid\. Reason: /, ''));
    }
  }
  const templates = join(dir, 'event_pattern_templates');
  return readdirSync(templates)
    .filter((f) => f.endsWith('.json5'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.json5$/, '');
      const parsed = parsePatternText(stripJson5(readFileSync(join(templates, file), 'utf8')));
      if (!parsed.node) throw new Error(`${file}: ${parsed.error?.reason}`);
      const expect = name.endsWith('_EXC') ? 'invalid' : name.endsWith('_NEG') ? false : true;
      return { name, expect, pattern: member(parsed.node, 'EventPattern'), event: member(parsed.node, 'Event'), reason: reasons.get(name) };
    });
}

export function readShared(...parts: string[]): string {
  return readFileSync(join(requireConformanceDir(), ...parts), 'utf8');
}
