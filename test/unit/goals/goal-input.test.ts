import { describe, expect, it } from 'vitest';
import {
  draftProblems,
  formOf,
  mixProblem,
  parseGoalForm,
  tallyMix,
  type GoalForm,
} from '../../../src/shared/goal-input';

const TL = 'archetype-tech-lead';
const AR = 'archetype-architect';
const SO = 'archetype-solver';
const RH = 'archetype-right-hand';

const form = (overrides: Partial<GoalForm> = {}): GoalForm => ({
  title: 'Reach staff engineer by 2028',
  why: 'Bigger scope',
  targetDate: '2028-06-30',
  mix: { [TL]: '60', [AR]: '', [SO]: '30', [RH]: '10' },
  ...overrides,
});

describe('parseGoalForm', () => {
  it('reads a valid form, trimming text and dropping blank shares', () => {
    expect(parseGoalForm(form({ title: '  Reach staff  ' }))).toEqual({
      ok: true,
      draft: {
        title: 'Reach staff',
        why: 'Bigger scope',
        targetDate: '2028-06-30',
        targetMix: { [TL]: 60, [SO]: 30, [RH]: 10 },
      },
    });
  });

  it('allows a goal without date and without mix', () => {
    const parsed = parseGoalForm(form({ targetDate: '', mix: { [TL]: '', [SO]: ' ' } }));
    expect(parsed).toMatchObject({ ok: true, draft: { targetDate: null, targetMix: null } });
  });

  it('refuses an all-zero mix: zeros add up to 0, not 100', () => {
    const parsed = parseGoalForm(form({ mix: { [TL]: '0' } }));
    expect(parsed).toEqual({
      ok: false,
      errors: { mix: 'The shares add up to 0 %, not 100 % (100 % still to place).' },
    });
  });

  it('says how far a mix is from 100, in both directions', () => {
    expect(parseGoalForm(form({ mix: { [TL]: '60', [SO]: '30' } }))).toEqual({
      ok: false,
      errors: { mix: 'The shares add up to 90 %, not 100 % (10 % still to place).' },
    });
    expect(parseGoalForm(form({ mix: { [TL]: '60', [SO]: '50' } }))).toEqual({
      ok: false,
      errors: { mix: 'The shares add up to 110 %, not 100 % (10 % too many).' },
    });
  });

  it('names the archetypes whose share is not a whole percent from 0 to 100', () => {
    const parsed = parseGoalForm(
      form({ mix: { [TL]: '12.5', [SO]: '-3', [RH]: '101', [AR]: 'x' } }),
    );
    expect(parsed).toEqual({
      ok: false,
      errors: {
        mix: 'Use whole percents from 0 to 100 for Tech Lead, Solver, Right Hand, Architect.',
      },
    });
  });

  it('refuses shares for tags that are not archetypes', () => {
    expect(parseGoalForm(form({ mix: { mentoring: '100' } }))).toEqual({
      ok: false,
      errors: { mix: 'Not an archetype: mentoring.' },
    });
  });

  it('reports every field at once', () => {
    const parsed = parseGoalForm(
      form({
        title: '   ',
        why: 'x'.repeat(10_001),
        targetDate: '2028-02-30',
        mix: { [TL]: '50' },
      }),
    );
    expect(parsed.ok).toBe(false);
    expect(Object.keys(parsed.ok ? {} : parsed.errors).sort()).toEqual([
      'mix',
      'targetDate',
      'title',
      'why',
    ]);
  });

  it('accepts real dates only', () => {
    expect(parseGoalForm(form({ targetDate: '2028-02-29' })).ok).toBe(true);
    expect(parseGoalForm(form({ targetDate: '2027-02-29' })).ok).toBe(false);
    expect(parseGoalForm(form({ targetDate: '30/06/2028' })).ok).toBe(false);
  });
});

describe('tallyMix and mixProblem', () => {
  it('totals the whole-percent shares as the reader types', () => {
    expect(tallyMix({ [TL]: '60', [SO]: '3', [AR]: 'abc' })).toEqual({
      total: 63,
      invalid: ['Architect'],
      empty: false,
    });
    expect(mixProblem(tallyMix({ [TL]: '100' }))).toBeNull();
    expect(mixProblem(tallyMix({ [TL]: '' }))).toBeNull();
  });
});

describe('formOf and draftProblems', () => {
  it('round-trips a draft through the form', () => {
    const parsed = parseGoalForm(form());
    if (!parsed.ok) throw new Error('expected a valid form');
    const again = parseGoalForm(formOf(parsed.draft));
    expect(again).toEqual(parsed);
  });

  it('finds the same problems in a draft from any caller', () => {
    expect(
      draftProblems({ title: 'T', why: '', targetDate: null, targetMix: { [TL]: 70 } }),
    ).toEqual({ mix: 'The shares add up to 70 %, not 100 % (30 % still to place).' });
    expect(draftProblems({ title: 'T', why: '', targetDate: null, targetMix: null })).toEqual({});
  });
});
