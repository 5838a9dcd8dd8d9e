// Whitespace normalisation against a naive, character-by-character model of the same rules.
import fc from 'fast-check';
import { describe as suite, expect, it } from 'vitest';
import { runToEnd } from '../../../src/anchoring/steps';
import { normalise, normalisedOffset, rawOffset } from '../../../src/anchoring/whitespace';

/** For each raw offset, the normalised index of the character there (-1 if dropped). */
function naive(raw: string): { text: string; indexOf: number[] } {
  const isSpace = (c: string) => ' \t\n\r\f'.includes(c);
  const indexOf: number[] = [];
  let text = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charAt(i);
    const dropped = isSpace(c) && (text.length === 0 || text.endsWith(' '));
    indexOf.push(dropped ? -1 : text.length);
    if (!dropped) text += isSpace(c) ? ' ' : c;
  }
  const trimmed = text.endsWith(' ') ? text.slice(0, -1) : text;
  return { text: trimmed, indexOf: indexOf.map((i) => (i >= trimmed.length ? -1 : i)) };
}

const rawText = fc
  .array(fc.constantFrom('a', 'b', ' ', '\n', '\t', 'xyz', '  '), { maxLength: 200 })
  .map((parts) => parts.join(''));

suite('whitespace normalisation', () => {
  it('collapses runs, trims both ends and maps offsets both ways', () => {
    fc.assert(
      fc.property(rawText, (raw) => {
        const n = runToEnd(normalise(raw));
        const model = naive(raw);
        expect(n.text).toBe(model.text);
        model.indexOf.forEach((index, at) => {
          if (index < 0) return;
          expect(normalisedOffset(n, at)).toBe(index);
          expect(rawOffset(n, index)).toBe(at);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('collapses runs that straddle the slices a long text is processed in', () => {
    const raw = ('word' + ' \n '.repeat(7)).repeat(30000) + 'end';
    const n = runToEnd(normalise(raw));
    expect(n.text).toBe(raw.replace(/[ \t\n\r\f]+/g, ' '));
    expect(rawOffset(n, n.text.length - 1)).toBe(raw.length - 1);
    expect(normalisedOffset(n, raw.length - 3)).toBe(n.text.length - 3);
  });

  it('maps offsets at the very end of a text whose length is a multiple of 64', () => {
    const n = runToEnd(normalise('word '.repeat(12) + 'four'));
    expect(n.raw.length).toBe(64);
    expect(rawOffset(n, n.text.length - 1)).toBe(63);
    expect(normalisedOffset(n, 64)).toBe(n.text.length);
  });
});
