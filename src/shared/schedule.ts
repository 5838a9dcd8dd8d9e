// The resurfacing schedule: when a highlight comes back for another look. A reader who answers
// "good" sees it again later and later (1, 3, then about 2.5× the last gap, in days); "again"
// brings it back tomorrow and makes its gaps grow more slowly; "done" retires it for good.
export const REVIEW_ANSWERS = ['again', 'good', 'done'] as const;
export type ReviewAnswer = (typeof REVIEW_ANSWERS)[number];

/** Where a highlight stands in the schedule; its id is the highlight's. */
export interface ReviewRecord {
  id: string;
  /** Start of the local day it is due on (ms); NEVER once done. */
  dueAt: number;
  intervalDays: number;
  ease: number;
  /** Good answers in a row. */
  reps: number;
  lastReviewedAt: number;
  /** The first answer: counts the highlight among the day's new ones. */
  firstReviewedAt: number;
  done: boolean;
}

export const DAY_MS = 24 * 3600e3;
/** The latest time JavaScript dates can hold: a retired highlight is due never. */
export const NEVER = 8.64e15;
export const START_EASE = 2.5;
const MIN_EASE = 1.3;
const EASE_PENALTY = 0.2;
/** New highlights brought into the queue per day, so a large library does not flood it. */
export const NEW_PER_DAY = 10;

/** Local midnight of the day `time` falls on. */
export function startOfDay(time: number): number {
  const day = new Date(time);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

/** Local midnight `days` days after the day of `time` (daylight saving safe). */
export function addDays(time: number, days: number): number {
  const day = new Date(startOfDay(time));
  day.setDate(day.getDate() + days);
  return day.getTime();
}

const nextInterval = (previous: ReviewRecord | undefined): number => {
  const reps = previous?.reps ?? 0;
  if (reps === 0) return 1;
  if (reps === 1) return 3;
  return Math.round((previous?.intervalDays ?? 1) * (previous?.ease ?? START_EASE));
};

/** The record after the reader answers, `now` being the moment of the answer. */
export function answer(
  id: string,
  previous: ReviewRecord | undefined,
  reply: ReviewAnswer,
  now: number,
): ReviewRecord {
  const ease = previous?.ease ?? START_EASE;
  const seen = { id, lastReviewedAt: now, firstReviewedAt: previous?.firstReviewedAt ?? now };
  if (reply === 'done') {
    return { ...seen, dueAt: NEVER, intervalDays: 0, ease, reps: previous?.reps ?? 0, done: true };
  }
  if (reply === 'again') {
    const slower = Math.max(MIN_EASE, ease - EASE_PENALTY);
    return { ...seen, dueAt: addDays(now, 1), intervalDays: 1, ease: slower, reps: 0, done: false };
  }
  const intervalDays = nextInterval(previous);
  const reps = (previous?.reps ?? 0) + 1;
  return { ...seen, dueAt: addDays(now, intervalDays), intervalDays, ease, reps, done: false };
}

/** Whether a record is due at `now`: on or after the start of its day. */
export const isDue = (review: ReviewRecord, now: number): boolean =>
  !review.done && review.dueAt <= now;

/** What the toolbar badge says for a number of due highlights: nothing at zero. */
export const badgeText = (due: number): string => (due === 0 ? '' : due > 99 ? '99+' : String(due));

/** The badge's colour: dark enough for its white text in both themes. */
export const BADGE_COLOR = '#1f3a60';
