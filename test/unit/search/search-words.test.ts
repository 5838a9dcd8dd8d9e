import { describe, expect, it } from 'vitest';
import {
  markMatches,
  MAX_WORD_LENGTH,
  queryTerms,
  wordsOf,
} from '../../../src/shared/search-words';

describe('wordsOf', () => {
  it('folds case and accents, keeps each word once, splits on anything but letters and digits', () => {
    expect(wordsOf('Résumé: the résumé, RESUME — v2.0', 'Übung')).toEqual([
      'resume',
      'the',
      'v2',
      '0',
      'ubung',
    ]);
  });

  it('cuts very long words so index keys stay small', () => {
    expect(wordsOf('x'.repeat(500))[0]).toHaveLength(MAX_WORD_LENGTH);
  });
});

describe('markMatches', () => {
  it('marks the words a term starts, keeping the text around them', () => {
    const parts = markMatches('The Solver solves it.', queryTerms('solv'));
    expect(parts).toEqual([
      { text: 'The ', match: false },
      { text: 'Solver', match: true },
      { text: ' ', match: false },
      { text: 'solves', match: true },
      { text: ' it.', match: false },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe('The Solver solves it.');
  });

  it('returns the whole text unmarked without terms', () => {
    expect(markMatches('abc', [])).toEqual([{ text: 'abc', match: false }]);
  });
});
