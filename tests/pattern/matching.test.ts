// Matching semantics, table-driven: { given: [pattern JSON, event JSON], want }. Both are JSON text so
// that number literals (300.0, 20-digit ids) reach the engine as written. Each case also runs through the
// reference matcher where the case does not depend on a literal JSON.parse would lose.
import { describe, expect, it } from 'vitest';
import { valueOfNode, type JsonNode } from '../../compiler/pattern/ast';
import { parsePatternText } from '../../compiler/pattern/json-text';
import { compileRules, matchesPattern } from '../../compiler/pattern/matcher';
import { referenceMatches, type Json } from './reference-matcher';

function node(text: string): JsonNode {
  const parsed = parsePatternText(text);
  if (!parsed.node) throw new Error(`bad test JSON ${text}: ${parsed.error?.reason}`);
  return parsed.node;
}

interface Case {
  given: [pattern: string, event: string];
  want: boolean;
  /** The case depends on a number literal that JSON.parse would change (skip the reference). */
  literal?: boolean;
}

const groups: Record<string, Case[]> = {
  'exact values': [
    { given: ['{"a":["x"]}', '{"a":"x"}'], want: true },
    { given: ['{"a":["x"]}', '{"a":"X"}'], want: false },
    { given: ['{"a":["x","y"]}', '{"a":"y"}'], want: true },
    { given: ['{"a":[""]}', '{"a":""}'], want: true },
    { given: ['{"a":[""]}', '{"a":null}'], want: false },
    { given: ['{"a":[null]}', '{"a":null}'], want: true },
    { given: ['{"a":[null]}', '{"a":"null"}'], want: false },
    { given: ['{"a":[null]}', '{}'], want: false },
    { given: ['{"a":[false]}', '{"a":false}'], want: true },
    { given: ['{"a":[false]}', '{"a":"false"}'], want: false },
    { given: ['{"a":[true]}', '{"a":1}'], want: false },
    { given: ['{"a":["300"]}', '{"a":300}'], want: false },
    { given: ['{"a":[300]}', '{"a":"300"}'], want: false },
    { given: ['{"a":["x"]}', '{"a":{"x":1}}'], want: false },
    { given: ['{"a":["x"]}', '{"b":"x"}'], want: false },
    { given: ['{"a":["🚀 x "]}', '{"a":"🚀 x "}'], want: true },
  ],
  numbers: [
    { given: ['{"a":[300]}', '{"a":300.0}'], want: true, literal: true },
    { given: ['{"a":[300]}', '{"a":3.0e2}'], want: true, literal: true },
    { given: ['{"a":[300.0]}', '{"a":300}'], want: true, literal: true },
    { given: ['{"a":[0.1]}', '{"a":0.10}'], want: true, literal: true },
    { given: ['{"a":[123456789012345678901]}', '{"a":123456789012345678901}'], want: true, literal: true },
    { given: ['{"a":[123456789012345678901]}', '{"a":123456789012345678900}'], want: false, literal: true },
    { given: ['{"a":[12345678901234567000]}', '{"a":12345678901234567000}'], want: true, literal: true },
    { given: ['{"a":[0.3]}', '{"a":0.30000000000000001}'], want: false, literal: true },
    { given: ['{"a":[{"numeric":[">",100]}]}', '{"a":101.0}'], want: true, literal: true },
    { given: ['{"a":[{"numeric":[">",100]}]}', '{"a":"300"}'], want: false },
    { given: ['{"a":[{"numeric":[">",100]}]}', '{"a":null}'], want: false },
    { given: ['{"a":[{"numeric":[">",0,"<=",5]}]}', '{"a":5}'], want: true },
    { given: ['{"a":[{"numeric":[">",0,"<=",5]}]}', '{"a":0}'], want: false },
    { given: ['{"a":[{"numeric":[">=",0,"<",5]}]}', '{"a":5}'], want: false },
    { given: ['{"a":[{"numeric":["=",301.8]}]}', '{"a":3.018e2}'], want: true, literal: true },
    { given: ['{"a":[{"numeric":["<",-1e300]}]}', '{"a":-1e301}'], want: true, literal: true },
    { given: ['{"a":[{"numeric":[">",0]}]}', '{"a":123456789012345678901}'], want: false, literal: true },
    { given: ['{"a":[{"numeric":[">",0]}]}', '{"a":[-1,"x",7]}'], want: true },
  ],
  'prefix, suffix, equals-ignore-case': [
    { given: ['{"a":[{"prefix":""}]}', '{"a":"anything"}'], want: true },
    { given: ['{"a":[{"prefix":""}]}', '{"a":5}'], want: false },
    { given: ['{"a":[{"prefix":"ab"}]}', '{"a":"abc"}'], want: true },
    { given: ['{"a":[{"prefix":"ab"}]}', '{"a":"xabc"}'], want: false },
    { given: ['{"a":[{"prefix":"1"}]}', '{"a":123}'], want: false },
    // event-ruler matches the quoted value: a `"` in a prefix lines up with the value's closing quote.
    { given: ['{"a":[{"prefix":"a\\""}]}', '{"a":"a"}'], want: true },
    { given: ['{"a":[{"suffix":"\\"a"}]}', '{"a":"a"}'], want: true },
    { given: ['{"a":[{"suffix":".png"}]}', '{"a":"image.png"}'], want: true },
    { given: ['{"a":[{"suffix":".PNG"}]}', '{"a":"image.png"}'], want: false },
    { given: ['{"a":[{"suffix":{"equals-ignore-case":".png"}}]}', '{"a":"IMAGE.PNG"}'], want: true },
    { given: ['{"a":[{"prefix":{"equals-ignore-case":"eventb"}}]}', '{"a":"EvEnTbridge"}'], want: true },
    { given: ['{"a":[{"prefix":{"equals-ignore-case":"eventb"}}]}', '{"a":"Event"}'], want: false },
    { given: ['{"a":[{"equals-ignore-case":"ec2 instance"}]}', '{"a":"EC2 Instance"}'], want: true },
    { given: ['{"a":[{"equals-ignore-case":"ec2"}]}', '{"a":"ec2 "}'], want: false },
    { given: ['{"a":[{"equals-ignore-case":""}]}', '{"a":""}'], want: true },
    { given: ['{"a":[{"equals-ignore-case":"straße"}]}', '{"a":"STRASSE"}'], want: true },
    { given: ['{"a":[{"equals-ignore-case":"Σa"}]}', '{"a":"ΣA"}'], want: true },
    // The Kelvin sign lower-cases to k but is neither spelling of k.
    { given: ['{"a":[{"equals-ignore-case":"k"}]}', '{"a":"\\u212A"}'], want: false },
    { given: ['{"a":[{"equals-ignore-case":"k"}]}', '{"a":"K"}'], want: true },
    // Title-case ǅ is neither its lower (ǆ) nor its upper (Ǆ) case, and Java encodes a lone surrogate as `?`.
    { given: ['{"a":[{"equals-ignore-case":"ǅ"}]}', '{"a":"ǅ"}'], want: false },
    { given: ['{"a":[{"equals-ignore-case":"🚀"}]}', '{"a":"??"}'], want: true },
    { given: ['{"a":[{"equals-ignore-case":"x"}]}', '{"a":["Y","X"]}'], want: true },
  ],
  wildcard: [
    { given: ['{"a":[{"wildcard":"*"}]}', '{"a":""}'], want: true },
    { given: ['{"a":[{"wildcard":""}]}', '{"a":""}'], want: true },
    { given: ['{"a":[{"wildcard":""}]}', '{"a":"x"}'], want: false },
    { given: ['{"a":[{"wildcard":"a*b*c"}]}', '{"a":"abbbc"}'], want: true },
    { given: ['{"a":[{"wildcard":"a*b*c"}]}', '{"a":"acb"}'], want: false },
    { given: ['{"a":[{"wildcard":"*.png"}]}', '{"a":"x.png.bak"}'], want: false },
    { given: ['{"a":[{"wildcard":"a\\\\*b"}]}', '{"a":"a*b"}'], want: true },
    { given: ['{"a":[{"wildcard":"a\\\\*b"}]}', '{"a":"axb"}'], want: false },
    { given: ['{"a":[{"wildcard":"a\\\\\\\\b"}]}', '{"a":"a\\\\b"}'], want: true },
    { given: ['{"a":[{"wildcard":"x*"}]}', '{"a":5}'], want: false },
  ],
  'anything-but': [
    { given: ['{"a":[{"anything-but":"x"}]}', '{"a":"y"}'], want: true },
    { given: ['{"a":[{"anything-but":"x"}]}', '{"a":"x"}'], want: false },
    { given: ['{"a":[{"anything-but":"x"}]}', '{}'], want: false },
    { given: ['{"a":[{"anything-but":"x"}]}', '{"a":null}'], want: true },
    { given: ['{"a":[{"anything-but":"5"}]}', '{"a":5}'], want: true },
    { given: ['{"a":[{"anything-but":[100,200]}]}', '{"a":100.0}'], want: false, literal: true },
    { given: ['{"a":[{"anything-but":[100,200]}]}', '{"a":"100"}'], want: true },
    { given: ['{"a":[{"anything-but":"x"}]}', '{"a":["x","y"]}'], want: true },
    { given: ['{"a":[{"anything-but":"x"}]}', '{"a":["x"]}'], want: false },
    { given: ['{"a":[{"anything-but":"x"}]}', '{"a":[]}'], want: false },
    { given: ['{"a":[{"anything-but":{"prefix":"init"}}]}', '{"a":12}'], want: true },
    { given: ['{"a":[{"anything-but":{"prefix":"init"}}]}', '{"a":"initial"}'], want: false },
    { given: ['{"a":[{"anything-but":{"suffix":[".txt",".jpg"]}}]}', '{"a":"f.jpg"}'], want: false },
    { given: ['{"a":[{"anything-but":{"equals-ignore-case":["stopped"]}}]}', '{"a":"Stopped"}'], want: false },
    { given: ['{"a":[{"anything-but":{"wildcard":"*/init/*"}}]}', '{"a":"x/init/y"}'], want: false },
    { given: ['{"a":[{"anything-but":{"wildcard":"*/init/*"}}]}', '{"a":true}'], want: true },
    { given: ['{"a":[{"anything-but":{"prefix":[]}}]}', '{"a":"x"}'], want: true },
  ],
  exists: [
    { given: ['{"a":[{"exists":true}]}', '{"a":null}'], want: true },
    { given: ['{"a":[{"exists":true}]}', '{"a":{"b":1}}'], want: false },
    { given: ['{"a":[{"exists":true}]}', '{"a":[]}'], want: false },
    { given: ['{"a":[{"exists":true}]}', '{"a":{}}'], want: false },
    { given: ['{"a":[{"exists":true}]}', '{"a":[{"b":1}]}'], want: false },
    { given: ['{"a":[{"exists":false}]}', '{}'], want: true },
    { given: ['{"a":[{"exists":false}]}', '{"a":[]}'], want: true },
    { given: ['{"a":{"b":[{"exists":false}]}}', '{"x":1}'], want: true },
    { given: ['{"a":{"b":[{"exists":false}]}}', '{"a":{"b":null}}'], want: false },
    { given: ['{"a":{"b":[{"exists":false}]}}', '{"a":{"b":{"c":1}}}'], want: true },
    { given: ['{"a":["x",{"exists":false}]}', '{"a":"y"}'], want: false },
    { given: ['{"a":["x",{"exists":false}]}', '{"b":"y"}'], want: true },
  ],
  'cidr and IP values': [
    { given: ['{"a":[{"cidr":"10.0.0.0/24"}]}', '{"a":"10.0.0.255"}'], want: true },
    { given: ['{"a":[{"cidr":"10.0.0.0/24"}]}', '{"a":"10.0.1.0"}'], want: false },
    { given: ['{"a":[{"cidr":"10.0.0.0/24"}]}', '{"a":"10.0.0.256"}'], want: false },
    { given: ['{"a":[{"cidr":"10.0.0.5/24"}]}', '{"a":"10.0.0.1"}'], want: true },
    { given: ['{"a":[{"cidr":"10.0.0.0/24"}]}', '{"a":123}'], want: false },
    { given: ['{"a":[{"cidr":"2001:db8:1234:1a00::/64"}]}', '{"a":"2001:0db8:1234:1a00:0000:0000:0000:0000"}'], want: true },
    { given: ['{"a":[{"cidr":"2001:db8::/32"}]}', '{"a":"10.0.0.1"}'], want: false },
    { given: ['{"a":[{"cidr":"10.0.0.0/8"}]}', '{"a":"::ffff:a00:1"}'], want: true },
    { given: ['{"a":["10.0.0.1"]}', '{"a":"010.0.0.1"}'], want: true },
    { given: ['{"a":["2001:db8::1"]}', '{"a":"2001:0DB8:0:0:0:0:0:1"}'], want: true },
    { given: ['{"a":["1.2.3.999"]}', '{"a":"1.2.3.999"}'], want: true },
  ],
  'paths, dotted keys and arrays': [
    { given: ['{"a":{"b":["x"]}}', '{"a.b":"x"}'], want: true },
    { given: ['{"a.b":["x"]}', '{"a":{"b":"x"}}'], want: true },
    { given: ['{"a.b":{"b":["x"]}}', '{"a":{"b":"x"}}'], want: false },
    { given: ['{"a":{"b":["x"]}}', '{"a":"{\\"b\\":\\"x\\"}"}'], want: false },
    { given: ['{"a":["x"]}', '{"a":["y","x"]}'], want: true },
    { given: ['{"a":[null]}', '{"a":[]}'], want: false },
    { given: ['{"a":["x"]}', '{"a":[["x"]]}'], want: true },
    { given: ['{"a":{"b":["x"],"c":["y"]}}', '{"a":[{"b":"x","c":"z"},{"b":"w","c":"y"}]}'], want: false },
    { given: ['{"a":{"b":["x"],"c":["y"]}}', '{"a":[{"b":"x","c":"z"},{"b":"x","c":"y"}]}'], want: true },
    { given: ['{"a":{"b":["x"]},"d":["y"]}', '{"a":[{"b":"x"}],"d":["q","y"]}'], want: true },
    { given: ['{"a":{"b":[{"exists":true}],"c":[{"exists":false}]}}', '{"a":[{"b":1},{"c":2}]}'], want: true },
    { given: ['{"a":{"b":[{"exists":true}],"c":[{"exists":false}]}}', '{"a":[{"b":1,"c":2}]}'], want: false },
  ],
  $or: [
    { given: ['{"$or":[{"a":["1"]},{"b":["2"]}]}', '{"b":"2"}'], want: true },
    { given: ['{"$or":[{"a":["1"]},{"b":["2"]}]}', '{"c":"2"}'], want: false },
    { given: ['{"x":["1"],"$or":[{"a":["1"]},{"b":["2"]}]}', '{"x":"1","a":"1"}'], want: true },
    { given: ['{"x":["1"],"$or":[{"a":["1"]},{"b":["2"]}]}', '{"a":"1"}'], want: false },
    { given: ['{"d":{"$or":[{"a":["1"]},{"b":{"$or":[{"c":["3"]},{"e":["4"]}]}}]}}', '{"d":{"b":{"e":"4"}}}'], want: true },
    { given: ['{"a":["1"],"$or":[{"a":["2"]},{"b":["3"]}]}', '{"a":"2"}'], want: true },
  ],
};

describe('matching', () => {
  for (const [name, cases] of Object.entries(groups)) {
    describe(name, () => {
      for (const { given, want, literal } of cases) {
        it(`${given[0]} on ${given[1]} → ${want}`, () => {
          const pattern = node(given[0]);
          const event = node(given[1]);
          expect(matchesPattern(pattern, event)).toBe(want);
          expect(compileRules({ r: pattern }).match(event)).toEqual(want ? ['r'] : []);
          if (!literal) expect(referenceMatches(valueOfNode(pattern) as Json, valueOfNode(event) as Json)).toBe(want);
        });
      }
    });
  }
});

describe('compileRules', () => {
  const rules = compileRules({
    'z-last': { source: ['a'] },
    'a-first': { source: ['a'], 'detail-type': ['t'] },
    other: { source: ['b'] },
    'or-rule': { $or: [{ source: ['a'] }, { source: ['b'] }] },
  });

  it('returns the matching rule names sorted, once each', () => {
    expect(rules.match({ source: 'a', 'detail-type': 't' })).toEqual(['a-first', 'or-rule', 'z-last']);
    expect(rules.match({ source: 'b' })).toEqual(['or-rule', 'other']);
    expect(rules.match({ source: 'c' })).toEqual([]);
  });

  it('matches nothing for an event that is not an object', () => {
    expect(rules.match('x')).toEqual([]);
    expect(rules.match([{ source: 'a' }])).toEqual([]);
  });

  it('lists every invalid rule', () => {
    expect(() => compileRules({ good: { a: ['x'] }, bad1: { a: [] }, bad2: 'x' })).toThrowError(
      /2 invalid event pattern\(s\): bad1: Empty arrays are not allowed; bad2: Filter is not an object/,
    );
  });
});
