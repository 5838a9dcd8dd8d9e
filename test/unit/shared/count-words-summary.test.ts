import { describe, expect, it } from 'vitest';
import { countWord, countWords } from '../../../src/shared/count-words';

describe('countWords', () => {
  it('names each kind with its number, one and many, in a fixed order', () => {
    expect(countWords({ articles: 1, highlights: 4 })).toBe('4 highlights · 1 article');
    expect(countWords({ highlights: 1, articles: 2 })).toBe('1 highlight · 2 articles');
  });

  it('leaves out a kind at zero, but never says nothing at all', () => {
    expect(countWords({ highlights: 0, articles: 3 })).toBe('3 articles');
    expect(countWords({ highlights: 0, articles: 0 })).toBe('0 highlights');
    expect(countWords({ articles: 0 })).toBe('0 articles');
  });

  it('writes big numbers the reader’s way', () => {
    expect(countWord(1, 'goal')).toBe('1 goal');
    expect(countWords({ highlights: 1200 })).toBe(`${(1200).toLocaleString()} highlights`);
  });
});
