import { describe, expect, it } from 'vitest';
import { ARCHETYPES } from '../../../src/shared/archetypes';
import { actualMix } from '../../../src/shared/mix';
import {
  actualBasis,
  actualFigures,
  barFractions,
  figureText,
  figuresLine,
  percentFigures,
  shownArchetypes,
} from '../../../src/shared/mix-figures';

const IDS = ARCHETYPES.map((a) => a.id);
const [LEAD, , SOLVER] = IDS as [string, string, string, string];
const evidence = (...tags: string[][]) => tags.map((tagIds) => ({ tagIds }));

describe('mix figures', () => {
  it('counts instead of percents under five tagged items, and says what they are based on', () => {
    const mix = actualMix(
      [...evidence([SOLVER], [SOLVER], [LEAD]), { tagIds: [], article: true }],
      IDS,
    );
    const figures = actualFigures(mix);
    const shown = shownArchetypes([figures]);
    expect(figuresLine(figures, shown)).toBe('Tech Lead 1 · Solver 2');
    expect(actualBasis(mix)).toBe('3 highlights (1 without an archetype not counted)');
  });

  it('gives percents from five tagged items on, equal shares equal', () => {
    const mix = actualMix(evidence([SOLVER], [SOLVER], [LEAD], [LEAD], [SOLVER, LEAD]), IDS);
    expect(figuresLine(actualFigures(mix), shownArchetypes([actualFigures(mix)]))).toBe(
      'Tech Lead 50 % · Solver 50 %',
    );
  });

  it('writes a zero like any other figure where the other mix has that archetype', () => {
    const target = percentFigures({ [LEAD]: 40, [SOLVER]: 60 });
    const actual = actualFigures(actualMix(evidence([SOLVER]), IDS));
    const shown = shownArchetypes([target, actual]);
    expect(shown.map((a) => a.name)).toEqual(['Tech Lead', 'Solver']);
    expect(figuresLine(target, shown)).toBe('Tech Lead 40 % · Solver 60 %');
    expect(figuresLine(actual, shown)).toBe('Tech Lead 0 · Solver 1');
    expect(figureText(percentFigures({ [LEAD]: 0, [SOLVER]: 100 }), LEAD)).toBe('0 %');
  });

  it('says so when nothing carries an archetype', () => {
    const none = actualFigures(actualMix(evidence([]), IDS));
    expect(figureText(none, SOLVER)).toBe('—');
    expect(figuresLine(none, [])).toBe('Nothing tagged with an archetype yet');
    expect(percentFigures(null)).toEqual({ kind: 'none' });
  });

  it('fills the bar even when equal shares round to 99 in all', () => {
    const bar = barFractions({ [IDS[0] as string]: 33, [IDS[1] as string]: 33, [SOLVER]: 33 });
    expect(bar.map((b) => b.fraction)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(barFractions(null)).toEqual([]);
  });
});
