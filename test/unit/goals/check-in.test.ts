import { describe, expect, it } from 'vitest';
import {
  checkInFormOf,
  latestCheckIn,
  nowMix,
  parseCheckInForm,
  parseShare,
  type CheckIn,
} from '../../../src/shared/check-in';
import { gapRows, gapSentence, gapWords, mostMissing } from '../../../src/shared/gaps';

const TL = 'archetype-tech-lead';
const AR = 'archetype-architect';
const SO = 'archetype-solver';
const RH = 'archetype-right-hand';
const blank = { [TL]: '', [AR]: '', [SO]: '', [RH]: '' };

describe('parseShare', () => {
  it.each([
    ['70', { low: 70, high: 70 }],
    ['70-80', { low: 70, high: 80 }],
    ['70–80', { low: 70, high: 80 }],
    [' 20 — 30 % ', { low: 20, high: 30 }],
    ['0', { low: 0, high: 0 }],
    ['100%', { low: 100, high: 100 }],
  ])('reads %j', (raw, range) => expect(parseShare(raw)).toEqual(range));

  it.each(['80-70', '101', '70-101', 'seventy', '7.5', '-5', '70-'])('refuses %j', (raw) =>
    expect(parseShare(raw)).toBeNull(),
  );
});

describe('parseCheckInForm', () => {
  it('takes ranges by their midpoints, which must add up to 100', () => {
    const parsed = parseCheckInForm(
      { date: '2026-06-01', shares: { ...blank, [SO]: '70–80', [RH]: '20-30' } },
      '2026-12-06',
    );
    expect(parsed).toEqual({
      ok: true,
      draft: {
        date: '2026-06-01',
        shares: { [SO]: { low: 70, high: 80 }, [RH]: { low: 20, high: 30 } },
      },
    });
    if (parsed.ok) expect(nowMix(parsed.draft)).toEqual({ [SO]: 75, [RH]: 25 });
  });

  it('fills a blank date with today', () => {
    const parsed = parseCheckInForm({ date: ' ', shares: { ...blank, [TL]: '100' } }, '2026-12-06');
    expect(parsed.ok && parsed.draft.date).toBe('2026-12-06');
  });

  it.each([
    [{ ...blank, [SO]: '70', [RH]: '20' }, /add up to 90 % \(a range counts by its midpoint\)/],
    [{ ...blank, [SO]: '70-90', [RH]: '25' }, /add up to 105 %/],
    [{ ...blank, [SO]: 'lots' }, /for Solver/],
    [blank, /at least one/],
  ])('says what is wrong with %j', (shares, message) => {
    const parsed = parseCheckInForm({ date: '', shares }, '2026-12-06');
    expect(parsed).toEqual({ ok: false, error: expect.stringMatching(message) });
  });

  it('refuses an impossible date', () => {
    const parsed = parseCheckInForm(
      { date: '2026-13-45', shares: { ...blank, [TL]: '100' } },
      '2026-12-06',
    );
    expect(parsed).toEqual({ ok: false, error: expect.stringMatching(/date like/) });
  });

  it('gives back the form it was read from', () => {
    const form = { date: '2026-06-01', shares: { ...blank, [SO]: '70–80', [RH]: '25' } };
    const parsed = parseCheckInForm(form, '2026-12-06');
    expect(parsed.ok && checkInFormOf(parsed.draft)).toEqual(form);
  });
});

describe('latestCheckIn', () => {
  const at = (id: string, date: string, createdAt: number): CheckIn => ({
    id,
    date,
    createdAt,
    shares: {},
  });
  it('is the one of the latest date, then the one made last', () => {
    expect(latestCheckIn([])).toBeNull();
    expect(
      latestCheckIn([at('a', '2026-06-01', 5), at('b', '2026-09-01', 1), at('c', '2026-09-01', 2)])
        ?.id,
    ).toBe('c');
    expect(latestCheckIn([at('b', '2026-09-01', 9), at('a', '2026-06-01', 10)])?.id).toBe('b');
  });
});

describe('gaps', () => {
  const target = { [TL]: 60, [SO]: 30, [RH]: 10 };
  const now = { [SO]: 75, [RH]: 25 };

  it('words each archetype against the target, from the check-in', () => {
    const rows = gapRows(target, now, null);
    expect(rows.map(gapSentence)).toEqual([
      'Tech Lead: now 0 %, target 60 % — 60 points to go',
      'Solver: now 75 %, target 30 % — 45 points over',
      'Right Hand: now 25 %, target 10 % — 15 points over',
    ]);
  });

  it('falls back on the evidence when there is no check-in, and leaves out archetypes nobody mentions', () => {
    const rows = gapRows(target, null, { [TL]: 50, [SO]: 50 });
    expect(rows.map((r) => r.name)).toEqual(['Tech Lead', 'Solver', 'Right Hand']);
    expect(rows.map(gapSentence)[0]).toBe(
      'Tech Lead: evidence 50 %, target 60 % — 10 points to go',
    );
  });

  it('says one point, half points and on target plainly', () => {
    expect(gapWords(59, 60)).toBe('1 point to go');
    expect(gapWords(72.5, 70)).toBe('2.5 points over');
    expect(gapWords(60, 60)).toBe('on target');
  });

  it('orders what is missing by how far the evidence is below target', () => {
    expect(mostMissing(target, { [SO]: 100 })).toEqual([
      { id: TL, points: 60 },
      { id: RH, points: 10 },
    ]);
    expect(mostMissing(null, { [SO]: 100 })).toEqual([]);
    expect(mostMissing(target, null).map((g) => g.id)).toEqual([TL, SO, RH]);
  });
});
