// Checks of a parsed document's structure before it becomes data: duplicate keys (in one pass),
// unsupported tags, and keys that are not plain names.
import { isAlias, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { yamlErrorHint } from './yaml-messages';
import { MAX_DEPTH } from './yaml-nesting';
import type { Position, PositionedDiagnostic, YamlNode } from './yaml-positions';

const PLAIN_TAGS = new Set(['tag:yaml.org,2002:str', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:float', 'tag:yaml.org,2002:bool', 'tag:yaml.org,2002:null', 'tag:yaml.org,2002:map', 'tag:yaml.org,2002:seq']);

/** ER1002 for every key that repeats an earlier key of its mapping (scalar keys, compared as written names). */
export function duplicateKeys(root: YamlNode, text: string, at: (offset: number) => Position): PositionedDiagnostic[] {
  const out: PositionedDiagnostic[] = [];
  const stack: YamlNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Map<string, Node>();
      for (const pair of node.items as Pair[]) {
        const key = pair.key as YamlNode;
        if (isScalar(key) && key.range) {
          const name = String(key.value);
          const first = seen.get(name);
          if (first?.range) {
            const written = text.slice(key.range[0], key.range[1]);
            const firstWritten = text.slice(first.range[0], first.range[1]);
            const { line, column } = at(first.range[0]);
            const same = firstWritten === written ? '' : ` (${firstWritten} and ${written} are the same name)`;
            out.push({
              code: 'ER1002',
              severity: 'error',
              pointer: '',
              position: at(key.range[0]),
              message: `the key ${written} appears twice in the same mapping: first at line ${line}, column ${column}${same}`,
              hint: yamlErrorHint('DUPLICATE_KEY'),
            });
          } else seen.set(name, key);
        }
        stack.push(pair.value as YamlNode);
      }
    } else if (isSeq(node)) for (const item of node.items) stack.push(item as YamlNode);
  }
  return out;
}

/**
 * One iterative walk over the AST: nesting depth, tags, non-string, empty and merge keys. Iterative so
 * that a hostile file of 100,000 nested brackets is a diagnostic, not a stack overflow.
 */
export function checkStructure(root: YamlNode, text: string, at: (offset: number) => Position): PositionedDiagnostic[] {
  const out: PositionedDiagnostic[] = [];
  const unsupportedTag = (node: Node, onKey: boolean): PositionedDiagnostic => {
    const start = node.range?.[0] ?? 0;
    const tag = tagBefore(text, start);
    const name = tag?.text ?? shortTag(node.tag!);
    return {
      code: 'ER1013',
      severity: 'error',
      pointer: '',
      position: at(tag?.offset ?? start),
      message: onKey ? `the key ${JSON.stringify(text.slice(start, node.range?.[1] ?? start))} has the tag ${name}, which is not supported` : `the tag ${name} is not supported`,
      hint: onKey
        ? 'keys are plain names: remove the tag (quote the key if it must keep special characters)'
        : 'use plain YAML values (strings, numbers, booleans, null, lists and mappings) without tags',
    };
  };
  const stack: { node: YamlNode; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0 && out.length < 20) {
    const { node, depth } = stack.pop()!;
    if (!node) continue;
    if (depth > MAX_DEPTH) {
      out.push({
        code: 'ER1004',
        severity: 'error',
        pointer: '',
        position: at(node.range?.[0] ?? 0),
        message: `values are nested more than ${MAX_DEPTH} levels deep`,
        hint: `keep nesting within ${MAX_DEPTH} levels; route files never need more`,
      });
      break;
    }
    if (node.tag && !PLAIN_TAGS.has(node.tag)) out.push(unsupportedTag(node, false));
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as YamlNode;
        const keyProblem = key === null || key === undefined ? undefined : keyDiagnostic(key, text, at, unsupportedTag);
        if (keyProblem) out.push(keyProblem);
        else if (key === null || key === undefined) {
          const start = (pair.value as YamlNode)?.range?.[0] ?? node.range?.[0] ?? 0;
          out.push(emptyKey(at(start), ''));
        }
        stack.push({ node: pair.value as YamlNode, depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i] as YamlNode, depth: depth + 1 });
    }
  }
  return out;
}

/** What is wrong with a mapping key, if anything: keys are names, written as plain or quoted strings. */
function keyDiagnostic(key: Node, text: string, at: (offset: number) => Position, unsupportedTag: (node: Node, onKey: boolean) => PositionedDiagnostic): PositionedDiagnostic | undefined {
  const start = key.range?.[0] ?? 0;
  if (isAlias(key)) {
    return {
      code: 'ER1013',
      severity: 'error',
      pointer: '',
      position: at(start),
      message: `the alias *${key.source} is used as a mapping key`,
      hint: 'write the key out as a plain name; aliases are only allowed as values',
    };
  }
  if (!isScalar(key)) {
    return {
      code: 'ER1013',
      severity: 'error',
      pointer: '',
      position: at(start),
      message: `a mapping key is a ${isSeq(key) ? 'list' : 'mapping'}, not a plain string`,
      hint: 'use plain string keys',
    };
  }
  if (key.tag && key.tag !== 'tag:yaml.org,2002:str') return unsupportedTag(key, true);
  if (key.type === 'PLAIN' && (key.value === '' || key.value === '~')) {
    // An empty key sits where the entry starts: point at its colon.
    const colon = key.value === '' ? /^\s*:/.exec(text.slice(start, start + 256)) : null;
    return emptyKey(at(colon ? start + colon[0].length - 1 : start), String(key.value));
  }
  if (key.type === 'PLAIN' && key.value === '<<') {
    return {
      code: 'ER1013',
      severity: 'error',
      pointer: '',
      position: at(start),
      message: 'merge keys (`<<: *anchor`) are not supported',
      hint: 'write the merged entries out (or quote the key if you mean the literal "<<")',
    };
  }
  return undefined;
}

function emptyKey(position: Position, written: string): PositionedDiagnostic {
  return {
    code: 'ER1013',
    severity: 'error',
    pointer: '',
    position,
    message: written === '' ? 'a mapping key is missing (the entry starts with `:`)' : 'a mapping key is `~` (null), not a name',
    hint: written === '' ? 'write the name before the colon (`name: value`)' : "write the name of the entry; quote it ('~') if you mean the character",
  };
}

/** The tag written just before the node starting at `start` (possibly with an anchor between), if any. */
function tagBefore(text: string, start: number): { text: string; offset: number } | undefined {
  const from = Math.max(0, start - 512);
  const match = /(?:^|[\s[{,])(![^\s,[\]{}]*)(?:[ \t]+&[^\s,[\]{}]+)?\s+$/.exec(text.slice(from, start));
  if (!match) return undefined;
  return { text: match[1], offset: from + match.index + match[0].indexOf(match[1]) };
}

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}
