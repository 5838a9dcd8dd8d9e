// The automatic backup's timetable: when the next run is due, what a missed or failed run does.
import { describe, expect, it } from 'vitest';
import {
  afterRun,
  alarmTime,
  INTERVAL_MS,
  isDue,
  MISSED_DELAY_MS,
  RETRY_MS,
  SCHEDULE_OFF,
  turnOff,
  turnOn,
} from '../../../src/shared/backup-schedule';
import { DAY_MS } from '../../../src/shared/schedule';

const NOW = Date.UTC(2026, 10, 29, 9, 30);

describe('backup schedule', () => {
  it('counts the first run one interval from the moment it is turned on', () => {
    expect(turnOn(SCHEDULE_OFF, 'daily', NOW).nextAt).toBe(NOW + DAY_MS);
    expect(turnOn(SCHEDULE_OFF, 'weekly', NOW).nextAt).toBe(NOW + 7 * DAY_MS);
  });

  it('keeps its time when turned on again with the same interval, and restarts on a new one', () => {
    const daily = turnOn(SCHEDULE_OFF, 'daily', NOW);
    expect(turnOn(daily, 'daily', NOW + 3600e3)).toBe(daily);
    expect(turnOn(daily, 'weekly', NOW + 3600e3).nextAt).toBe(NOW + 3600e3 + 7 * DAY_MS);
  });

  it('is never due, and rings no alarm, while off', () => {
    const off = turnOff(turnOn(SCHEDULE_OFF, 'daily', NOW));
    expect(off).toMatchObject({ interval: null, nextAt: null });
    expect(isDue(off, NOW + 10 * DAY_MS)).toBe(false);
    expect(alarmTime(off, NOW)).toBeNull();
  });

  it('is due at its time (or a moment before, as alarms may ring early), not earlier', () => {
    const on = turnOn(SCHEDULE_OFF, 'daily', NOW);
    expect(isDue(on, NOW + DAY_MS - 3600e3)).toBe(false);
    expect(isDue(on, NOW + DAY_MS - 30e3)).toBe(true);
    expect(isDue(on, NOW + DAY_MS)).toBe(true);
    expect(alarmTime(on, NOW)).toBe(NOW + DAY_MS);
  });

  it('after a successful run, sets the next one an interval after it', () => {
    const on = turnOn(SCHEDULE_OFF, 'weekly', NOW);
    const at = NOW + INTERVAL_MS.weekly + 5000;
    const next = afterRun(on, { at, ok: true, fileName: 'trailmark-backup-2026-12-06.json' });
    expect(next.nextAt).toBe(at + 7 * DAY_MS);
    expect(next.lastRun).toMatchObject({ ok: true, at });
  });

  it('runs a backup missed while the browser was closed once, soon after start-up', () => {
    const on = turnOn(SCHEDULE_OFF, 'daily', NOW);
    const fiveDaysLate = NOW + 6 * DAY_MS;
    expect(isDue(on, fiveDaysLate)).toBe(true);
    expect(alarmTime(on, fiveDaysLate)).toBe(fiveDaysLate + MISSED_DELAY_MS);
    const ran = afterRun(on, { at: fiveDaysLate + MISSED_DELAY_MS, ok: true, fileName: 'x' });
    // One backup for the five missed days, and the next a full day later, not straight away.
    expect(isDue(ran, fiveDaysLate + MISSED_DELAY_MS + 1)).toBe(false);
    expect(ran.nextAt).toBe(fiveDaysLate + MISSED_DELAY_MS + DAY_MS);
  });

  it('tries a failed run again within the hour, and keeps the reason', () => {
    const on = turnOn(SCHEDULE_OFF, 'weekly', NOW);
    const failed = afterRun(on, { at: NOW, ok: false, reason: 'the disk is full' });
    expect(failed.nextAt).toBe(NOW + RETRY_MS);
    expect(failed.lastRun).toEqual({ at: NOW, ok: false, reason: 'the disk is full' });
  });

  it('keeps the last run visible when turned off', () => {
    const ran = afterRun(turnOn(SCHEDULE_OFF, 'daily', NOW), { at: NOW, ok: true, fileName: 'f' });
    expect(turnOff(ran).lastRun).toEqual(ran.lastRun);
  });
});
