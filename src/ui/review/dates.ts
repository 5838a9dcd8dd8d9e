// Date inputs and periods on the review page: days are the reader's local days, and a period's
// end is exclusive (the start of the day after the last day chosen).
import { addDays } from '../../shared/schedule';
import { isShownTime } from '../../shared/shown-date';
import type { Period } from '../../storage/records/evidence';

/** The value of an <input type="date"> for a time, shifted by whole days; "" for none. */
export function dayInput(time: number | null, shiftDays = 0): string {
  if (time === null || !isShownTime(time)) return '';
  const d = new Date(addDays(time, shiftDays));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight of an <input type="date"> value, shifted by whole days; null when empty. */
export function fromDayInput(value: string, shiftDays = 0): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return addDays(day.getTime(), shiftDays);
}

export const PERIOD_PRESETS = ['all', '7d', '30d', '90d', 'year', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PRESET_LABELS: Record<PeriodPreset, string> = {
  all: 'All time',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  year: 'This year',
  custom: 'Custom dates',
};

/** The period a preset stands for at `now` (custom ones are given by the reader). */
export function presetPeriod(preset: PeriodPreset, now: number): Period {
  const tomorrow = addDays(now, 1);
  const back = (days: number): Period => ({ from: addDays(now, 1 - days), to: tomorrow });
  switch (preset) {
    case '7d':
      return back(7);
    case '30d':
      return back(30);
    case '90d':
      return back(90);
    case 'year':
      return { from: new Date(new Date(now).getFullYear(), 0, 1).getTime(), to: tomorrow };
    default:
      return { from: null, to: null };
  }
}

/** "2026-06-01 to 2026-06-30", "since …", "until …" or "all time". */
export function periodLabel(period: Period): string {
  const from = period.from === null ? null : dayInput(period.from);
  const to = period.to === null ? null : dayInput(period.to, -1);
  if (from && to) return `${from} to ${to}`;
  if (from) return `since ${from}`;
  if (to) return `until ${to}`;
  return 'all time';
}
