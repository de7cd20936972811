// Email templates are Handlebars: a template that does not parse is ER3034. Handlebars' own parse
// error is several lines (a line excerpt, a caret and the expected tokens); this says where and what
// was expected in one line.
const TOKEN_WORDS: Record<string, string> = {
  CLOSE: '"}}"',
  CLOSE_UNESCAPED: '"}}}"',
  CLOSE_RAW_BLOCK: '"}}}}"',
  OPEN_ENDBLOCK: 'a closing "{{/...}}"',
  ID: 'a name',
  EOF: 'the end of the template',
  INVALID: 'an invalid character',
};

const word = (token: string): string => TOKEN_WORDS[token] ?? `'${token}'`;

/** One line from a Handlebars parse error: where, and what was expected and found. */
export function describeHandlebarsError(message: string): string {
  const parse = /^Parse error on line (\d+):\n(.*)\n(-*)\^\nExpecting (.*), got '([^']*)'/s.exec(message);
  if (!parse) return message.replace(/\s*\n\s*/g, ' ');
  const [, line, excerpt, dashes, expecting, got] = parse;
  const expected = [...expecting.matchAll(/'([^']*)'/g)].map((m) => m[1]);
  // The most telling expectation first: how the tag or block should have ended, then a name.
  const shown = ['CLOSE', 'OPEN_ENDBLOCK', 'ID'].filter((t) => expected.includes(t));
  const what = shown.length > 0 ? shown.map(word).join(' or ') : expected.slice(0, 4).map(word).join(', ');
  return `at line ${line}, column ${dashes.length + 1} (after "${excerpt.slice(Math.max(0, dashes.length - 30), dashes.length)}"): expected ${what}, found ${word(got)}`;
}

/** The problem of a template, or undefined when it parses. Loads Handlebars on first use. */
export function handlebarsProblem(template: string): string | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Handlebars = require('handlebars') as typeof import('handlebars');
  try {
    Handlebars.parse(template);
    return undefined;
  } catch (err) {
    return describeHandlebarsError((err as Error).message);
  }
}
