// The `route` event reader: both readers (JSON.parse walk and exact scanner) must yield the fields the
// exact tree flattening yields, on the paths the rules use, for awkward JSON; the skim pass must stop
// early without losing anchor values; malformed lines are refused.
import { describe, expect, it } from 'vitest';
import { compilePatternValue } from '../../compiler/pattern/compile-pattern';
import { flattenEventNode, type EventField } from '../../compiler/pattern/event-fields';
import { EventScanner } from '../../compiler/pattern/event-scanner';
import { parsePatternText } from '../../compiler/pattern/json-text';
import { RuleSet } from '../../compiler/pattern/rule-set';

const rules = new RuleSet([
  {
    name: 'r',
    subRules: compilePatternValue({
      source: ['s'],
      'detail-type': ['t'],
      detail: { 'a.b': ['x'], c: { d: [{ exists: true }] }, n: [{ numeric: ['>', 0] }], list: { k: ['v'] }, 'k"q': ['x'] },
    }).subRules,
  },
]);

/**
 * A comparable number is identified by its value (the JSON.parse walk does not keep `1e2` as written,
 * and need not: numeric equality decides); other values by their text.
 */
function view(fields: readonly EventField[]): string[] {
  return fields
    .map((f) => `${f.path}|${f.kind}|${f.kind === 'number' && !Number.isNaN(f.num) ? `=${f.num}` : f.text}|${f.arrays.join(',')}`)
    .sort();
}

function expected(line: string): string[] {
  const node = parsePatternText(line).node;
  if (!node) throw new Error('bad line');
  return view(flattenEventNode(node, { wants: (p) => rules.pathIds.has(p), descends: (p) => rules.descends(p) }));
}

const lines = [
  '{"source":"s","detail-type":"t","detail":{"a":{"b":"x"},"c":{"d":null},"n":5}}',
  '{ "source" : "s" , "detail" : { "a.b" : "x\\"y" , "n" : 1e2 , "c" : { "d" : [ 1 , [ 2 , { "z" : 3 } ] ] } } }',
  '{"detail":{"n":123456789012345678901,"list":[{"k":"v"},{"k":["w","v"]},{"q":{"k":1}}]}}',
  '{"detail":{"n":0.30000000000000004,"a":{"b":"\\u00e9\\n"},"k\\"q":"x"}}',
  '{"detail":{"n":-1.5E-3,"skip":{"x":[1,"]}",{"y":"\\\\"}]},"c":{"d":true}}}',
  '{"detail":{"n":[1,2,3],"a.b":["x",null,false]},"other":{"deep":[[[]]]}}',
  '{"detail":{"a":[{"b":"x"},{"b":"y"}],"c":{}}, "source":["s","t"]}',
];

describe('EventScanner', () => {
  for (const mode of ['JSON.parse walk', 'exact scanner'] as const) {
    const scanner = new EventScanner(rules, { exactOnly: mode === 'exact scanner' });
    describe(mode, () => {
      for (const line of lines) {
        it(line, () => {
          expect(scanner.read(line, rules.root)).toBe(true);
          expect(view(scanner.fields)).toEqual(expected(line));
          expect(scanner.pathIds).toEqual(scanner.fields.map((f) => rules.pathIds.get(f.path)));
        });
      }
    });
  }

  it('skims only the anchor paths and stops once they are read', () => {
    const scanner = new EventScanner(rules);
    // The skim must not reach the broken tail: it has read detail-type already.
    expect(scanner.read('{"detail-type":"t","detail":{"n":1}, BROKEN', rules.anchorRoot, true)).toBe(true);
    expect(view(scanner.fields)).toEqual(['detail-type|string|t|']);
    // An anchor inside an array is read in full: later elements may hold other values.
    const arrays = new RuleSet([{ name: 'a', subRules: compilePatternValue({ items: { k: ['v'] } }).subRules }]);
    const skim = new EventScanner(arrays);
    expect(skim.read('{"items":[{"k":"x"},{"k":"v"}]}', arrays.anchorRoot, true)).toBe(true);
    expect(skim.fields.map((f) => f.text)).toEqual(['x', 'v']);
  });

  const broken = ['', 'null', '[{"source":"s"}]', '{"source":"s"', '{"source":"s",}', '{"source":s}', '{"source":"s"} x', '{"detail":{"n":01}}'];
  for (const line of broken) {
    it(`refuses ${JSON.stringify(line)}`, () => {
      expect(new EventScanner(rules).read(line, rules.root)).toBe(false);
      expect(new EventScanner(rules, { exactOnly: true }).read(line, rules.root)).toBe(false);
    });
  }
});
