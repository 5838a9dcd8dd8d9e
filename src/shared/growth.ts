// How a goal's evidence grew: counts per week (Monday first) or per month, with the empty
// buckets in between, so a chart of them shows gaps as gaps.
import { isShownTime } from './shown-date';

export type GrowthUnit = 'week' | 'month';

export interface GrowthBucket {
  /** Local midnight the bucket starts at. */
  start: number;
  count: number;
}

export function bucketStart(time: number, unit: GrowthUnit): number {
  const d = new Date(time);
  d.setHours(0, 0, 0, 0);
  if (unit === 'month') d.setDate(1);
  else d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d.getTime();
}

function nextBucket(start: number, unit: GrowthUnit): number {
  const d = new Date(start);
  if (unit === 'month') d.setMonth(d.getMonth() + 1);
  else d.setDate(d.getDate() + 7);
  return d.getTime();
}

/** Buckets from the first time to `until`, each with how many times fall in it. */
export function growth(
  allTimes: readonly number[],
  unit: GrowthUnit,
  until: number,
): GrowthBucket[] {
  // A time that is no date has no bucket.
  const times = allTimes.filter(isShownTime);
  if (times.length === 0) return [];
  const counts = new Map<number, number>();
  for (const t of times) {
    const start = bucketStart(t, unit);
    counts.set(start, (counts.get(start) ?? 0) + 1);
  }
  const buckets: GrowthBucket[] = [];
  const first = times.reduce((a, b) => Math.min(a, b));
  const last = bucketStart(
    times.reduce((a, b) => Math.max(a, b), until),
    unit,
  );
  for (let start = bucketStart(first, unit); start <= last; start = nextBucket(start, unit)) {
    buckets.push({ start, count: counts.get(start) ?? 0 });
  }
  return buckets;
}

/** Weeks for a short history, months once it would make too many bars. */
export const unitFor = (firstTime: number, until: number): GrowthUnit =>
  until - firstTime > 26 * 7 * 24 * 3600e3 ? 'month' : 'week';
