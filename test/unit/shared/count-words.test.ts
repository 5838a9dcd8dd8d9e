import { describe, expect, it } from 'vitest';
import { countOf, countsLine } from '../../../src/shared/count-words';

describe('countOf', () => {
  it('says one in the singular and every other number in the plural', () => {
    expect(countOf(1, 'highlight')).toBe('1 highlight');
    expect(countOf(0, 'highlight')).toBe('0 highlights');
    expect(countOf(4, 'article')).toBe('4 articles');
  });
  it('groups the digits of large numbers', () => {
    expect(countOf(12400, 'highlight')).toBe('12,400 highlights');
  });
});

describe('countsLine', () => {
  it('joins counts with a middle dot', () => {
    expect(
      countsLine([
        [4, 'highlight'],
        [1, 'article'],
      ]),
    ).toBe('4 highlights · 1 article');
  });
  it('leaves zeros out, but says the first count when everything is zero', () => {
    expect(
      countsLine([
        [3, 'highlight'],
        [0, 'article'],
      ]),
    ).toBe('3 highlights');
    expect(
      countsLine([
        [0, 'highlight'],
        [0, 'article'],
      ]),
    ).toBe('0 highlights');
  });
});
