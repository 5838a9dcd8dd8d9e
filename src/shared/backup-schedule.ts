// When the automatic backup runs next. Pure arithmetic over one small record, so the background
// (which acts on it) and the review page (which shows it) agree, and tests can set the clock.
// A backup the browser missed because it was closed runs once soon after it comes back, never
// once per missed day; a failed one is tried again within the hour.
import { DAY_MS } from './schedule';

export const BACKUP_INTERVALS = ['daily', 'weekly'] as const;
export type BackupInterval = (typeof BACKUP_INTERVALS)[number];

export const INTERVAL_MS: Readonly<Record<BackupInterval, number>> = {
  daily: DAY_MS,
  weekly: 7 * DAY_MS,
};

/** How soon a failed backup is tried again (capped by the interval itself). */
export const RETRY_MS = 3600e3;
/** A run missed while the browser was closed waits this long, so start-up is not slowed. */
export const MISSED_DELAY_MS = 60e3;
/** Alarms may fire a little before their time; within this they count as due. */
const EARLY_TOLERANCE_MS = 60e3;

/** The downloads subfolder every automatic backup is saved in. */
export const BACKUP_FOLDER = 'Trailmark';

export type BackupRun =
  { at: number; ok: true; fileName: string } | { at: number; ok: false; reason: string };

export interface AutoBackupState {
  /** null while automatic backup is off. */
  interval: BackupInterval | null;
  /** When the next run is due; null while off. */
  nextAt: number | null;
  /** The last automatic run, kept when the schedule is turned off so its outcome stays visible. */
  lastRun: BackupRun | null;
}

export const SCHEDULE_OFF: AutoBackupState = { interval: null, nextAt: null, lastRun: null };

/** Turning the schedule on, or changing its interval, counts from now. */
export function turnOn(
  state: AutoBackupState,
  interval: BackupInterval,
  now: number,
): AutoBackupState {
  if (state.interval === interval && state.nextAt !== null) return state;
  return { ...state, interval, nextAt: now + INTERVAL_MS[interval] };
}

export const turnOff = (state: AutoBackupState): AutoBackupState => ({
  ...state,
  interval: null,
  nextAt: null,
});

/** The state after a run: the next one an interval later, or sooner to retry a failure. */
export function afterRun(state: AutoBackupState, run: BackupRun): AutoBackupState {
  if (state.interval === null) return { ...state, lastRun: run };
  const period = INTERVAL_MS[state.interval];
  const wait = run.ok ? period : Math.min(RETRY_MS, period);
  return { ...state, nextAt: run.at + wait, lastRun: run };
}

/** Whether a run is due at `now`. */
export const isDue = (state: AutoBackupState, now: number): boolean =>
  state.interval !== null && state.nextAt !== null && state.nextAt <= now + EARLY_TOLERANCE_MS;

/** When the browser's alarm should ring; null when there is nothing to ring for. */
export function alarmTime(state: AutoBackupState, now: number): number | null {
  if (state.interval === null || state.nextAt === null) return null;
  return state.nextAt <= now ? now + MISSED_DELAY_MS : state.nextAt;
}

/** The path under the downloads folder a backup made at `now` is saved to. */
export const backupDownloadPath = (fileName: string): string => `${BACKUP_FOLDER}/${fileName}`;
