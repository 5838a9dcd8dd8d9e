// Dates as views and exports show them. A stored time may be missing or beyond what a calendar
// can show (a record from before imports were bounded, a hand-edited file): every view shows it
// as "—" rather than failing ("Invalid time value") or printing "NaN-NaN-NaN".

export const NO_DATE = '—';

/** The largest time a Date can hold, either side of 1970. */
const DATE_LIMIT = 8.64e15;

/** Whether a view can show this time as a date. */
export const isShownTime = (time: unknown): time is number =>
  typeof time === 'number' && Number.isFinite(time) && Math.abs(time) <= DATE_LIMIT;

/** The time formatted, or "—" when it is not a date that can be shown. */
export const showDate = (time: unknown, format: (time: number) => string): string =>
  isShownTime(time) ? format(time) : NO_DATE;

/** The time in ISO 8601 (for `datetime` attributes and exports), or "—". */
export const isoTime = (time: unknown): string => showDate(time, (t) => new Date(t).toISOString());
