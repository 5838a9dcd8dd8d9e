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

  it('rounds thirds to 33/33/33: no one of equal shares looks bigger', () => {
    expect(
      toPercents(
        new Map([
          ['a', 1],
          ['b', 1],
          ['c', 1],
        ]),
      ),
    ).toEqual({ a: 33, b: 33, c: 33 });
  });

  it('still gives missing points to unequal shares when the equal ones can all have one', () => {
    // 1:1:4 is 16.67/16.67/66.67: two points missing, both equal shares take one.
    expect(
      toPercents(
        new Map([
          ['a', 1],
          ['b', 1],
          ['c', 4],
        ]),
      ),
    ).toEqual({ a: 17, b: 17, c: 66 });
    // 2:2:2:1 is 28.57 ×3 and 14.29: the thirds cannot all rise, and 14.29 may not either.
    expect(
      toPercents(
        new Map([
          ['a', 2],
          ['b', 2],
          ['c', 2],
          ['d', 1],
        ]),
      ),
    ).toEqual({ a: 28, b: 28, c: 28, d: 14 });
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

  it('stays within 1 of each exact share, keeps equal shares equal and the order of unequal ones', () => {
    // Small integer weights make ties common, as archetype counts do.
    const weightLists = fc.oneof(
      fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 8 }),
      fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 12 }),
    );
    fc.assert(
      fc.property(weightLists, (ws) => {
        fc.pre(ws.some((w) => w > 0));
        const mix = toPercents(new Map(ws.map((w, i) => [`k${i}`, w])));
        const total = ws.reduce((s, w) => s + w, 0);
        const pct = (i: number) => mix[`k${i}`] ?? 0;
        ws.forEach((w, i) => {
          expect(Math.abs(pct(i) - (w / total) * 100)).toBeLessThan(1);
          ws.forEach((v, j) => {
            if (w === v) expect(pct(i)).toBe(pct(j));
            if (w < v) expect(pct(i)).toBeLessThanOrEqual(pct(j));
          });
        });
        expect(sum(mix)).toBeLessThanOrEqual(100);
        expect(sum(mix)).toBeGreaterThan(100 - ws.length);
      }),
    );
  });

  it('adds up to exactly 100 whenever no shares are equal', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 1 }), (ws) => {
        expect(sum(toPercents(new Map(ws.map((w, i) => [`k${i}`, w]))))).toBe(100);
      }),
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
    // tl 1.5, so 1.5, ar 1 of 4: tl and so are equal, so neither takes the missing point
    expect(mix).toEqual({
      shares: { tl: 37, ar: 25, so: 37, rh: 0 },
      counts: { tl: 2, ar: 1, so: 2, rh: 0 },
      tagged: 4,
      basis: { highlights: 4, articles: 0 },
      untagged: 0,
    });
  });

  it('leaves evidence without archetype tags out of the mix but counts it', () => {
    const mix = actualMix(
      [{ tagIds: ['so'], article: true }, { tagIds: [] }, { tagIds: ['custom'] }],
      A,
    );
    expect(mix).toEqual({
      shares: { tl: 0, ar: 0, so: 100, rh: 0 },
      counts: { tl: 0, ar: 0, so: 1, rh: 0 },
      tagged: 1,
      basis: { highlights: 0, articles: 1 },
      untagged: 2,
    });
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
    expect(actualMix([], A)).toEqual({
      shares: {},
      counts: {},
      tagged: 0,
      basis: { highlights: 0, articles: 0 },
      untagged: 0,
    });
  });

  it('adds up to 100 (97 to 100 with equal shares) whenever something is tagged', () => {
    const tagSets = fc.array(fc.subarray([...A, 'x', 'y']), { maxLength: 40 });
    fc.assert(
      fc.property(tagSets, (sets) => {
        const mix = actualMix(
          sets.map((tagIds) => ({ tagIds })),
          A,
        );
        expect(sum(mix.shares)).toBeLessThanOrEqual(mix.tagged > 0 ? 100 : 0);
        expect(sum(mix.shares)).toBeGreaterThan(mix.tagged > 0 ? 96 : -1);
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
