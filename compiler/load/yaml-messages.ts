// Messages for the yaml library's syntax errors: what went wrong in words, a hint, and for an unclosed
// quote or bracket where it opened.
import { isMap, isScalar, isSeq, type Pair } from 'yaml';
import { firstLine, type YamlNode } from './yaml-positions';

/**
 * For a "missing closing quote" or "flow collection must end with ]/}" error at `pos`: the quote or
 * bracket that opened the value the library gave up on (the innermost not yet named), if found.
 */
export function unclosedOpening(root: YamlNode, text: string, message: string, pos: number, used: Set<number>): { char: string; offset: number } | undefined {
  const quote = /Missing closing (["'])quote/.exec(message)?.[1];
  const bracket = /end with a ([\]}])/.exec(message)?.[1];
  if (!quote && !bracket) return undefined;
  const opener = quote ?? (bracket === ']' ? '[' : '{');
  let best: number | undefined;
  const stack: YamlNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) continue;
    const [start, end] = node.range ?? [-1, -1];
    const candidate = quote ? isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') : (isMap(node) || isSeq(node)) && node.flow === true;
    if (candidate && end === pos && text[start] === opener && !used.has(start) && (best === undefined || start > best)) best = start;
    if (isMap(node)) for (const pair of node.items as Pair[]) stack.push(pair.key as YamlNode, pair.value as YamlNode);
    else if (isSeq(node)) for (const item of node.items) stack.push(item as YamlNode);
  }
  if (best === undefined) return undefined;
  used.add(best);
  return { char: opener, offset: best };
}

export function yamlErrorMessage(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return 'this key appears twice in the same mapping';
  if (code === 'MULTIPLE_DOCS') return 'the file holds more than one YAML document (`---`)';
  return `invalid YAML: ${firstLine(message)}`;
}

export function yamlErrorHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'keys of a mapping must be unique: merge the two entries or rename one';
    case 'MULTIPLE_DOCS':
      return 'put each document in its own file';
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'check the indentation and the brackets and quotes around this position';
    default:
      return 'fix the YAML syntax at this position (quotes, brackets, indentation, `key: value` pairs)';
  }
}
