// The printer: indentation by brackets, semicolons for type members and aliases, collapsed empty
// bodies, redundant parentheses, comments and strings left alone; idempotent.
import { describe, expect, it } from 'vitest';
import { brackets, printTs } from '../../../compiler/emit/ts/printer';
import { seededInts } from '../../support/random';

const cases: { name: string; given: string; want: string }[] = [
  {
    name: 'an interface from jstt (format: false)',
    given: 'export interface A {\n/**\n * Doc { with braces }.\n */\nid: string\ntier?: ("a" | "b")\nmeta: {\nx: number\n}\n}\n',
    want: 'export interface A {\n  /**\n   * Doc { with braces }.\n   */\n  id: string;\n  tier?: "a" | "b";\n  meta: {\n    x: number;\n  };\n}\n',
  },
  {
    name: 'brackets opened together indent once',
    given: 'export interface A {\nitems: [{\nsku: string\n}, ...({\nsku: string\n})[]]\n}\n',
    want: 'export interface A {\n  items: [{\n    sku: string;\n  }, ...({\n    sku: string;\n  })[]];\n}\n',
  },
  { name: 'empty bodies collapse', given: 'export interface A {\nb?: {\n\n}\nc?: ({\n\n} | null)\n}\n', want: 'export interface A {\n  b?: {};\n  c?: {} | null;\n}\n' },
  { name: 'an empty interface', given: 'export interface A {\n\n}\n', want: 'export interface A {}\n' },
  {
    name: 'type aliases get a semicolon, declarations a blank line between them',
    given: 'export interface A {\nx: string\n}\nexport type B = (A | null)\nexport type C = {\ny: "}"\n}\n',
    want: 'export interface A {\n  x: string;\n}\n\nexport type B = A | null;\nexport type C = {\n  y: "}";\n};\n',
  },
  { name: 'parentheses that are not around the whole type stay', given: 'export interface A {\nx: ("a") | ("b")\ny: ("a")[]\n}\n', want: 'export interface A {\n  x: ("a") | ("b");\n  y: ("a")[];\n}\n' },
  {
    name: 'object literals and function bodies keep their own punctuation',
    given: "export const x = {\na: (d: D) => f(d, '{'),\nb: `${'}'}`,\n};\nexport function p(r: R): M {\ntry {\nreturn g(r);\n} catch (err) {\nthrow err;\n}\n}\n",
    want: "export const x = {\n  a: (d: D) => f(d, '{'),\n  b: `${'}'}`,\n};\n\nexport function p(r: R): M {\n  try {\n    return g(r);\n  } catch (err) {\n    throw err;\n  }\n}\n",
  },
  {
    // Found with a schema whose properties were named `class` and `enum`: no `;`, parentheses kept.
    name: 'members named like statement keywords',
    given: 'export interface A {\nclass: string\nenum?: ("a" | "b")\nfunction: {\nif: number\n}\ndo?: string\n}\n',
    want: 'export interface A {\n  class: string;\n  enum?: "a" | "b";\n  function: {\n    if: number;\n  };\n  do?: string;\n}\n',
  },
  { name: 'quoted keys and index signatures', given: 'export interface A {\n"instance-id": string\n[k: string]: unknown\n}\n', want: 'export interface A {\n  "instance-id": string;\n  [k: string]: unknown;\n}\n' },
  {
    name: 'generic arguments spanning lines',
    given: "export type E = runtime.Envelope<'s', 'd', runtime.Without<D, 'a'> & {\na: 'x';\n}>;\n",
    want: "export type E = runtime.Envelope<'s', 'd', runtime.Without<D, 'a'> & {\n  a: 'x';\n}>;\n",
  },
];

describe('printTs', () => {
  for (const { name, given, want } of cases) {
    it(name, () => {
      expect(printTs(given)).toBe(want);
      expect(printTs(want), 'idempotent').toBe(want);
    });
  }
});

// brackets() scans a line once; it must agree with the definition it replaced: remove the matches of
// this expression, then every character that is not a bracket.
const NOT_CODE = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`|\/\*.*?\*\/|\/\/.*$/g;
const byExpression = (line: string): string => line.replace(NOT_CODE, '').replace(/[^{}[\]()]/g, '');

describe('brackets', () => {
  it.each([
    ['a: { b: (c) }', '{()}'],
    ["x: '{' | \"}\" | `(`", ''],
    ["x: 'it\\'s {' }", '}'],
    ['/* { */ } // {', '}'],
    ['/*/ { */ (', '('],
    ["'unclosed { (", '{('],
    ['a // b\u2028 {', '{'],
    ["'a\\\u2028' {", '{'],
  ])('%j has the brackets %j', (line, want) => {
    expect(brackets(line)).toBe(want);
    expect(byExpression(line)).toBe(want);
  });

  it('agrees with the expression on random lines', () => {
    const alphabet = ['{', '}', '[', ']', '(', ')', "'", '"', '`', '/', '*', '\\', ' ', 'a', '\r', '\u2028'];
    const int = seededInts(7);
    for (let k = 0; k < 20000; k++) {
      let line = '';
      const length = int(24);
      for (let i = 0; i < length; i++) line += alphabet[int(alphabet.length)];
      expect(brackets(line), JSON.stringify(line)).toBe(byExpression(line));
    }
  });
});
