// The automatic backup: when its alarm rings and the reader allowed downloads, the full JSON
// backup (the same exporter as the review page's button) is saved to the downloads folder, noted
// as the last backup, and the next run is set. Every failure is kept, in words, for the review
// page to show. The browser's side (alarms, permission, downloads) comes in as a platform, so
// the rules here run in unit tests with a fake clock and a fake browser.
import {
  afterRun,
  alarmTime,
  isDue,
  RETRY_MS,
  turnOff,
  turnOn,
  type AutoBackupState,
  type BackupInterval,
  type BackupRun,
} from '../shared/backup-schedule';
import type { MarkerStore } from '../shared/canary-marker';
import { readAutoBackup, writeAutoBackup } from '../storage/backup/auto-backup-state';
import { backupFileName, exportBackup } from '../storage/backup/backup-export';
import { recordBackup } from '../storage/database/canary';
import type { TrailmarkDb } from '../storage/database/db';

export interface BackupPlatform {
  /** Whether the optional downloads permission is held right now. */
  mayDownload(): Promise<boolean>;
  /** Rings the backup alarm at `when`, replacing any earlier one; null clears it. */
  arm(when: number | null): Promise<void>;
  /** Saves the file in the downloads folder; resolves once it is written, rejects in words. */
  save(parts: readonly string[], fileName: string): Promise<void>;
}

export const NO_PERMISSION =
  'Trailmark is no longer allowed to save files to your downloads folder. Turn automatic backup off and on again to allow it.';

export type AutoBackup = ReturnType<typeof createAutoBackup>;

const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

export function createAutoBackup(db: TrailmarkDb, platform: BackupPlatform, markers: MarkerStore) {
  async function store(state: AutoBackupState, now: number): Promise<AutoBackupState> {
    await writeAutoBackup(db, state);
    await platform.arm(alarmTime(state, now));
    return state;
  }

  async function attempt(now: number): Promise<BackupRun> {
    if (!(await platform.mayDownload())) return { at: now, ok: false, reason: NO_PERMISSION };
    try {
      const parts = await exportBackup(db, { now });
      const fileName = backupFileName(now);
      await platform.save(parts, fileName);
      await recordBackup(db, markers, now);
      return { at: now, ok: true, fileName };
    } catch (error) {
      return { at: now, ok: false, reason: `The backup could not be saved: ${reasonOf(error)}` };
    }
  }

  /** Makes one backup now and sets the next; the schedule must be on. */
  async function run(now: number): Promise<AutoBackupState> {
    const state = await readAutoBackup(db);
    if (state.interval === null) return state;
    // Should the worker be stopped mid-run, this alarm brings it back to try again.
    await platform.arm(now + RETRY_MS);
    const outcome = await attempt(now);
    return store(afterRun(await readAutoBackup(db), outcome), now);
  }

  return {
    /** The review page turned the schedule on (with an interval) or off (null). */
    async schedule(interval: BackupInterval | null, now: number): Promise<AutoBackupState> {
      const state = await readAutoBackup(db);
      if (interval === null) return store(turnOff(state), now);
      if (!(await platform.mayDownload())) {
        throw new Error('the browser did not allow Trailmark to save files to your downloads');
      }
      return store(turnOn(state, interval, now), now);
    },

    run,

    /** The alarm rang: back up if due, else ring again when it is. */
    async onAlarm(now: number): Promise<AutoBackupState> {
      const state = await readAutoBackup(db);
      if (!isDue(state, now)) return store(state, now);
      return run(now);
    },

    /** The browser started or the extension was updated, which may clear alarms: set it again. */
    async resume(now: number): Promise<AutoBackupState> {
      return store(await readAutoBackup(db), now);
    },
  };
}
