// Dates as other highlighters write them: ISO 8601 with or without a zone, "2023-05-01 14:22:10"
// with an offset (Readwise CSV), seconds or milliseconds since 1970, or a written-out date.
// Read the same way in every browser; what cannot be read is null, never a guess.

const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

function offsetMinutes(zone: string | undefined): number {
  if (!zone || /^(z|utc|gmt)$/i.test(zone)) return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
}

function fromIsoLike(text: string): number | null {
  const m = ISO_LIKE.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
  const month = Number(mo) - 1;
  const day = Number(d);
  const time = Date.UTC(Number(y), month, day, Number(h), Number(mi), Number(s));
  const check = new Date(time);
  // 2023-02-30 is no date, and Date.UTC would roll it into March.
  if (check.getUTCMonth() !== month || check.getUTCDate() !== day || Number(h) > 23) return null;
  const ms = Math.round(Number(`0.${frac}`) * 1000);
  return time + ms - offsetMinutes(zone) * 60_000;
}

/** Numbers below this are seconds since 1970 (it is 5138 in milliseconds, 1973 in seconds). */
const SECONDS_BELOW = 1e11;

function fromNumber(value: number): number | null {
  if (!Number.isFinite(value) || value <= 0) return null;
  return Math.round(value < SECONDS_BELOW ? value * 1000 : value);
}

const WRITTEN = /^[A-Za-z]{3,9}\.? \d{1,2},? \d{4}/;

/** Milliseconds since 1970, or null if the value is no date this can read. */
export function readDate(value: unknown): number | null {
  if (typeof value === 'number') return fromNumber(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!text) return null;
  if (/^\d+(\.\d+)?$/.test(text)) return fromNumber(Number(text));
  const iso = fromIsoLike(text);
  if (iso !== null) return iso;
  // "May 1, 2023 2:22 PM" and the like: both engines read these forms alike.
  if (WRITTEN.test(text)) {
    const parsed = Date.parse(text.replace(/ at /i, ' '));
    return Number.isNaN(parsed) ? null : parsed;
  }
  return null;
}
