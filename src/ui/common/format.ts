// How dates and quotes read in Trailmark's pages. A time that is no date shows as "—".
import { showDate } from '../../shared/shown-date';

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600e3],
  ['month', 30 * 24 * 3600e3],
  ['week', 7 * 24 * 3600e3],
  ['day', 24 * 3600e3],
  ['hour', 3600e3],
  ['minute', 60e3],
];

/** "3 minutes ago", "yesterday"; "just now" under a minute. */
export const timeAgo = (time: number, now = Date.now()): string =>
  showDate(time, () => {
    const elapsed = time - now;
    for (const [unit, size] of STEPS) {
      if (Math.abs(elapsed) >= size) return relative.format(Math.round(elapsed / size), unit);
    }
    return 'just now';
  });

// One formatter for every date: toLocaleString builds a new one per call, a third of a
// millisecond each, which a screenful of rows felt.
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const fullDate = (time: number): string => showDate(time, (t) => full.format(t));

/** A quote cut at a word boundary near `max` characters. */
export function trimQuote(quote: string, max = 220): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}

/** "1 highlight", "3 highlights": a count with its noun. */
export const counted = (n: number, one: string, many: string): string =>
  `${n.toLocaleString()} ${n === 1 ? one : many}`;
