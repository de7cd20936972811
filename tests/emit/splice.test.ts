// Spliced files (model.json, publish.ts): built from pieces against the outline of the last file, they
// are that file's bytes wherever the pieces follow on as they did, and the same text as made anew.
import { describe, expect, it } from 'vitest';
import { SpliceBuilder, formatOutline, joinParts, parseOutline, type OutlineIndex } from '../../compiler/emit/splice';

/** A document: text pieces and pieces known by id, in order. */
type Doc = ({ text: string } | { id: string; body: string })[];

function build(doc: Doc, previous?: OutlineIndex): { parts: ReturnType<SpliceBuilder['finish']>['parts']; index: OutlineIndex; made: string[] } {
  const builder = new SpliceBuilder(previous);
  const made: string[] = [];
  for (const p of doc) {
    if ('text' in p) builder.text(p.text);
    else
      builder.piece(p.id, () => {
        made.push(p.id);
        return p.body;
      });
  }
  return { ...builder.finish(), made };
}

const full = (doc: Doc): string => doc.map((p) => ('text' in p ? p.text : p.body)).join('');

/** A small deterministic random generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('SpliceBuilder', () => {
  it('without a last file, gives the whole text', () => {
    const doc: Doc = [{ text: '[' }, { id: 'e:a', body: '"a"' }, { text: ',' }, { id: 'e:b', body: '"ü"' }, { text: ']' }];
    const { parts, index, made } = build(doc);
    expect(parts).toEqual(['["a","ü"]']);
    expect(made).toEqual(['e:a', 'e:b']);
    expect(index.outline).toEqual([['s:[', 1], ['e:a', 3], ['s:,', 1], ['e:b', 4], ['s:]', 1]]);
  });

  it('takes unchanged runs from the last file as one range each, and makes only the new pieces', () => {
    const old: Doc = [{ text: '[' }, { id: 'e:a', body: 'A' }, { text: ',' }, { id: 'e:b', body: 'B' }, { text: ',' }, { id: 'e:c', body: 'C' }, { text: ']' }];
    const first = build(old);
    const changed: Doc = [{ text: '[' }, { id: 'e:a', body: 'A' }, { text: ',' }, { id: 'e:x', body: 'XX' }, { text: ',' }, { id: 'e:c', body: 'C' }, { text: ']' }];
    const { parts, made, index } = build(changed, first.index);
    expect(made).toEqual(['e:x']);
    expect(parts).toEqual(['[', [1, 2], 'XX,', [5, 2]]); // texts only extend ranges; pieces known by id start them
    expect(joinParts(parts, Buffer.from(full(old)))).toBe(full(changed));
    expect(index.key).toBe(build(changed).index.key);
  });

  it('has a key that changes with the pieces, long texts included', () => {
    const long = 'x'.repeat(100);
    const a = build([{ text: long }, { id: 'e:a', body: 'A' }]).index.key;
    expect(build([{ text: long }, { id: 'e:a', body: 'A' }]).index.key).toBe(a);
    expect(build([{ text: `${long}y` }, { id: 'e:a', body: 'A' }]).index.key).not.toBe(a);
    expect(build([{ text: long }, { id: 'e:b', body: 'A' }]).index.key).not.toBe(a);
  });

  it('gives the text made anew for random edits of random documents (property)', () => {
    const next = random(42);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    const bodies = ['a', 'bb', 'ccc', 'é', '✓✓', '', 'long '.repeat(20)];
    const texts = [',', '\n', '[', ']', '', 'between '.repeat(15)];
    // A piece's body follows from its id, as for real pieces.
    const randomDoc = (): Doc =>
      Array.from({ length: 1 + Math.floor(next() * 12) }, () => {
        if (next() < 0.5) return { text: pick(texts) };
        const id = `e:${pick(bodies)}-${Math.floor(next() * 5)}`;
        return { id, body: `<${id}>` };
      });
    for (let i = 0; i < 500; i++) {
      const old = randomDoc();
      const edited = next() < 0.3 ? randomDoc() : old.flatMap((p) => (next() < 0.2 ? [] : next() < 0.2 ? [p, { text: pick(texts) }] : [p]));
      const first = build(old);
      const { parts, index } = build(edited, first.index);
      expect(joinParts(parts, Buffer.from(full(old)))).toBe(full(edited));
      expect(index).toEqual(build(edited).index);
    }
  });
});

describe('outlines in the memo', () => {
  it('read back as written, line breaks and quotes in ids included', () => {
    const { index } = build([{ text: 'a\nb' }, { id: 'e:x', body: 'ü' }, { text: '"q"\\' }, { text: 'x'.repeat(80) }]);
    const size = Buffer.byteLength(`a\nbü"q"\\${'x'.repeat(80)}`);
    expect(parseOutline(formatOutline(index), index.key, size)).toEqual(index);
    // The builder gives the same text, its key a hash of it.
    const builder = new SpliceBuilder();
    builder.text('a\nb');
    builder.piece('e:x', () => 'ü');
    builder.text('"q"\\');
    builder.text('x'.repeat(80));
    expect(builder.finish().text).toBe(formatOutline(index));
  });

  it('are used only for a file of that key and size, and never damaged', () => {
    const { index } = build([{ text: 'ab' }, { id: 'e:x', body: 'ü' }]);
    const text = formatOutline(index);
    expect(parseOutline(text, index.key, 4)).toEqual(index);
    expect(parseOutline(text, 'other', 4)).toBeUndefined();
    expect(parseOutline(text, index.key, 5)).toBeUndefined();
    for (const damaged of [text.replace('\n2 ', '\n-2 '), text.replace('\n2 ', '\n2.5 '), text.replace('\n2 ', '\nx '), `${text}\n`, `${text}\n0 "unterminated`, text.replace('\n2 ', '\n2')]) {
      expect(parseOutline(damaged, index.key, 4)).toBeUndefined();
    }
  });
});
