// Where the reader stands now: a dated check-in of their current mix of work, per archetype a
// whole percent or a range when they are unsure ("Solver 70–80"). A range counts by its midpoint,
// and the midpoints add up to 100, so a check-in compares with the target mix point for point.
import { ARCHETYPES } from './archetypes';

/** One archetype's share in a check-in; `low === high` when the reader gave one number. */
export interface ShareRange {
  low: number;
  high: number;
}

export interface CheckIn {
  id: string;
  /** The day it describes, YYYY-MM-DD. */
  date: string;
  /** Per archetype id; archetypes left blank are absent (0 %). */
  shares: Record<string, ShareRange>;
  createdAt: number;
}

export type CheckInDraft = Pick<CheckIn, 'date' | 'shares'>;

export interface CheckInForm {
  date: string;
  /** As typed, per archetype id: "70", "70-80", "70–80", or blank. */
  shares: Record<string, string>;
}

export type CheckInParse = { ok: true; draft: CheckInDraft } | { ok: false; error: string };

// A hyphen, en dash, em dash or "to" between the two ends; a trailing % is allowed.
const SHARE = /^(\d{1,3})\s*(?:(?:-|–|—|to)\s*(\d{1,3}))?\s*%?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const nameOf = (id: string): string => ARCHETYPES.find((a) => a.id === id)?.name ?? id;

/** A typed share as a range, or null when it is not one (blank is handled by the caller). */
export function parseShare(raw: string): ShareRange | null {
  const match = SHARE.exec(raw.trim());
  if (!match) return null;
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : Number(match[2]);
  if (high > 100 || low > high) return null;
  return { low, high };
}

export const midpoint = (range: ShareRange): number => (range.low + range.high) / 2;

/** The midpoints of a check-in, per archetype id: where the reader stands, as one mix. */
export function nowMix(checkIn: Pick<CheckIn, 'shares'>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(checkIn.shares).map(([id, range]) => [id, midpoint(range)]),
  );
}

/**
 * One archetype's cell under "Now": its range, "0 %" when a check-in leaves it out, "—" before
 * the first check-in.
 */
export function nowShareText(checkIn: Pick<CheckIn, 'shares'> | null, id: string): string {
  const range = checkIn?.shares[id];
  if (range) return formatRange(range);
  return checkIn ? '0 %' : '—';
}

/** "70 %" or "70–80 %". */
export const formatRange = (range: ShareRange): string =>
  range.low === range.high ? `${range.low} %` : `${range.low}–${range.high} %`;

/** Problems of the typed shares: which are not numbers or ranges, or a total that is not 100. */
function sharesProblem(parsed: [string, string, ShareRange | null][]): string | null {
  const bad = parsed.filter(([, , range]) => range === null).map(([id]) => nameOf(id));
  if (bad.length > 0) return `Use a percent like 70 or a range like 70–80 for ${bad.join(', ')}.`;
  if (parsed.length === 0) return 'Give at least one archetype a share.';
  const total = parsed.reduce((sum, [, , range]) => sum + midpoint(range as ShareRange), 0);
  if (total === 100) return null;
  return `The shares add up to ${total} % (a range counts by its midpoint), not 100 %.`;
}

/** Reads the check-in form, or says in one sentence what is wrong. `today` fills a blank date. */
export function parseCheckInForm(form: CheckInForm, today: string): CheckInParse {
  const date = form.date.trim() || today;
  if (!ISO_DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    return { ok: false, error: 'Use a date like 2026-12-06, or leave it empty for today.' };
  }
  const parsed = Object.entries(form.shares)
    .map(([id, raw]) => [id, raw.trim()] as const)
    .filter(([, raw]) => raw !== '')
    .map(([id, raw]) => [id, raw, parseShare(raw)] as [string, string, ShareRange | null]);
  const problem = sharesProblem(parsed);
  if (problem) return { ok: false, error: problem };
  const shares = Object.fromEntries(parsed.map(([id, , range]) => [id, range as ShareRange]));
  return { ok: true, draft: { date, shares } };
}

/** The form that edits an existing check-in. */
export function checkInFormOf(checkIn: CheckInDraft): CheckInForm {
  const shares = Object.fromEntries(
    ARCHETYPES.map((a) => {
      const range = checkIn.shares[a.id];
      if (!range) return [a.id, ''];
      return [a.id, range.low === range.high ? `${range.low}` : `${range.low}–${range.high}`];
    }),
  );
  return { date: checkIn.date, shares };
}

/** The latest check-in by its date (then by when it was made), or null. */
export function latestCheckIn(checkIns: readonly CheckIn[]): CheckIn | null {
  let latest: CheckIn | null = null;
  for (const c of checkIns) {
    if (
      !latest ||
      c.date > latest.date ||
      (c.date === latest.date && c.createdAt > latest.createdAt)
    ) {
      latest = c;
    }
  }
  return latest;
}
