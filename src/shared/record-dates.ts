// The range of dates a record may hold, stated once: imports refuse anything outside it, so no
// backup can plant a date that breaks views or sorts (a `createdAt` of 9e15 once blanked the
// library). Trailmark did not exist before 2000; nothing can have happened more than a day from
// now (the day allows for a clock that was a little ahead on the device that wrote the file).

const DAY_MS = 24 * 60 * 60 * 1000;

/** 2000-01-01, UTC. */
export const EARLIEST_DATE = Date.UTC(2000, 0, 1);

/** Things that happened: creation, visits, edits, reviews, the backup itself. */
export const latestPastDate = (now: number): number => now + DAY_MS;

/** Things planned ahead (a review due, a goal's target day) may lie up to a century ahead. */
export const latestPlannedDate = (now: number): number => now + 100 * 365 * DAY_MS;

/** Whether `time` is a whole millisecond time from EARLIEST_DATE to `latest`. */
export const isDateWithin = (time: number, latest: number): boolean =>
  Number.isSafeInteger(time) && time >= EARLIEST_DATE && time <= latest;
