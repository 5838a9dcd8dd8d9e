import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actualMix, compactMix, toPercents } from '../../../src/shared/mix';

const A = ['tl', 'ar', 'so', 'rh'];
const sum = (mix: Record<string, number>) => Object.values(mix).reduce((s, v) => s + v, 0);

describe('toPercents', () => {
  it('gives exact shares unchanged', () => {
    expect(
      toPercents(
        new Map([
          ['a', 3],
          ['b', 1],
        ]),
      ),
    ).toEqual({ a: 75, b: 25 });
  });

  it('rounds thirds to 34/33/33, the largest remainder first and ties to the first key', () => {
    expect(
      toPercents(
        new Map([
          ['a', 1],
          ['b', 1],
          ['c', 1],
        ]),
      ),
    ).toEqual({ a: 34, b: 33, c: 33 });
  });

  it('gives the missing percent to the largest remainder, not to the largest share', () => {
    // 14.29 / 28.57 / 57.14 floors to 14 / 28 / 57: the one missing point goes to 28.57
    expect(
      toPercents(
        new Map([
          ['a', 1],
          ['b', 2],
          ['c', 4],
        ]),
      ),
    ).toEqual({ a: 14, b: 29, c: 57 });
  });

  it('keeps zero weights at 0 and ignores negative ones', () => {
    expect(
      toPercents(
        new Map([
          ['a', 0],
          ['b', 2],
          ['c', -5],
        ]),
      ),
    ).toEqual({ a: 0, b: 100, c: 0 });
  });

  it('gives an empty mix when nothing weighs anything', () => {
    expect(toPercents(new Map([['a', 0]]))).toEqual({});
    expect(toPercents(new Map())).toEqual({});
  });

  it('always adds up to exactly 100 and stays within 1 of the exact share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 12 }),
        (ws) => {
          fc.pre(ws.some((w) => w > 0));
          const weights = new Map(ws.map((w, i) => [`k${i}`, w]));
          const mix = toPercents(weights);
          expect(sum(mix)).toBe(100);
          const total = ws.reduce((s, w) => s + w, 0);
          ws.forEach((w, i) => {
            expect(Math.abs((mix[`k${i}`] ?? 0) - (w / total) * 100)).toBeLessThan(1);
          });
        },
      ),
    );
  });
});

describe('actualMix', () => {
  it('counts each piece of evidence once, split over its archetype tags', () => {
    const mix = actualMix(
      [
        { tagIds: ['tl'] },
        { tagIds: ['tl', 'so'] },
        { tagIds: ['so', 'custom'] },
        { tagIds: ['ar'] },
      ],
      A,
    );
    // tl 1.5, so 1.5, ar 1 of 4
    expect(mix).toEqual({ shares: { tl: 38, ar: 25, so: 37, rh: 0 }, tagged: 4, untagged: 0 });
  });

  it('leaves evidence without archetype tags out of the mix but counts it', () => {
    const mix = actualMix([{ tagIds: ['so'] }, { tagIds: [] }, { tagIds: ['custom'] }], A);
    expect(mix).toEqual({ shares: { tl: 0, ar: 0, so: 100, rh: 0 }, tagged: 1, untagged: 2 });
  });

  it('does not count a tag listed twice as two', () => {
    expect(actualMix([{ tagIds: ['so', 'so', 'tl'] }], A).shares).toEqual({
      tl: 50,
      ar: 0,
      so: 50,
      rh: 0,
    });
  });

  it('is empty with no tagged evidence', () => {
    expect(actualMix([], A)).toEqual({ shares: {}, tagged: 0, untagged: 0 });
  });

  it('adds up to 100 whenever something is tagged', () => {
    const tagSets = fc.array(fc.subarray([...A, 'x', 'y']), { maxLength: 40 });
    fc.assert(
      fc.property(tagSets, (sets) => {
        const mix = actualMix(
          sets.map((tagIds) => ({ tagIds })),
          A,
        );
        expect(sum(mix.shares)).toBe(mix.tagged > 0 ? 100 : 0);
        expect(mix.tagged + mix.untagged).toBe(sets.length);
      }),
    );
  });
});

describe('compactMix', () => {
  it('drops zero shares and gives null for an all-zero mix', () => {
    expect(compactMix({ tl: 60, ar: 0, so: 40 })).toEqual({ tl: 60, so: 40 });
    expect(compactMix({ tl: 0 })).toBeNull();
  });
});
