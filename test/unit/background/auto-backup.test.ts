// The automatic backup's rules against a real database on fake-indexeddb and a fake browser:
// what it saves, what it records, and that a missing permission or a failed save is recorded
// in words instead of lost.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createAutoBackup,
  NO_PERMISSION,
  type BackupPlatform,
} from '../../../src/background/auto-backup';
import { RETRY_MS, SCHEDULE_OFF } from '../../../src/shared/backup-schedule';
import type { CanaryMarker, MarkerStore } from '../../../src/shared/canary-marker';
import { DAY_MS } from '../../../src/shared/schedule';
import { readAutoBackup } from '../../../src/storage/backup/auto-backup-state';
import { lastBackupAt } from '../../../src/storage/database/canary';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import { fillLibrary, T0 } from '../export/library-fixture';
import { freshDb } from '../storage/test-db';

interface FakeBrowser {
  permitted: boolean;
  failSave: string | null;
  alarm: number | null;
  saved: { fileName: string; text: string }[];
  platform: BackupPlatform;
}

/** A browser that records what it was asked to do. */
function fakeBrowser(): FakeBrowser {
  const fake: FakeBrowser = {
    permitted: true,
    failSave: null,
    alarm: null,
    saved: [],
    platform: {
      mayDownload: async () => fake.permitted,
      arm: async (when) => void (fake.alarm = when),
      save: async (parts, fileName) => {
        if (fake.failSave) throw new Error(fake.failSave);
        fake.saved.push({ fileName, text: parts.join('') });
      },
    },
  };
  return fake;
}

const memoryMarkers = (): MarkerStore & { value: CanaryMarker | null } => {
  const store = {
    value: { canaryId: 'c', wipedAt: null, lastBackupAt: null } as CanaryMarker | null,
    get: async () => store.value,
    set: async (marker: CanaryMarker) => void (store.value = marker),
  };
  return store;
};

let db: TrailmarkDb;
let browser: FakeBrowser;
let markers: ReturnType<typeof memoryMarkers>;
let auto: ReturnType<typeof createAutoBackup>;
beforeEach(async () => {
  db = freshDb();
  await fillLibrary(db);
  browser = fakeBrowser();
  markers = memoryMarkers();
  auto = createAutoBackup(db, browser.platform, markers);
});
afterEach(() => db.delete());

describe('automatic backup', () => {
  it('turning it on stores the schedule and rings the alarm an interval later', async () => {
    const state = await auto.schedule('daily', T0);
    expect(state).toMatchObject({ interval: 'daily', nextAt: T0 + DAY_MS });
    expect(await readAutoBackup(db)).toEqual(state);
    expect(browser.alarm).toBe(T0 + DAY_MS);
  });

  it('refuses to turn on without the downloads permission, and stays off', async () => {
    browser.permitted = false;
    await expect(auto.schedule('weekly', T0)).rejects.toThrow(/did not allow/);
    expect(await readAutoBackup(db)).toEqual(SCHEDULE_OFF);
  });

  it('when due, saves the full backup under a dated name, records it and sets the next run', async () => {
    await auto.schedule('daily', T0);
    const at = T0 + DAY_MS;
    const state = await auto.onAlarm(at);
    expect(browser.saved.map((s) => s.fileName)).toEqual(['trailmark-backup-2026-06-02.json']);
    const backup = JSON.parse(browser.saved[0]?.text ?? '');
    expect(backup).toMatchObject({ format: 'trailmark-backup', exportedAt: at });
    expect(backup.highlights).toHaveLength(3);
    expect(state.lastRun).toEqual({ at, ok: true, fileName: 'trailmark-backup-2026-06-02.json' });
    expect(state.nextAt).toBe(at + DAY_MS);
    expect(browser.alarm).toBe(at + DAY_MS);
    // The same record the manual button writes, so the review page's nudge resets.
    expect(await lastBackupAt(db)).toBe(at);
    expect(markers.value?.lastBackupAt).toBe(at);
  });

  it('an alarm that rings early saves nothing and rings again at the due time', async () => {
    await auto.schedule('weekly', T0);
    const state = await auto.onAlarm(T0 + DAY_MS);
    expect(browser.saved).toEqual([]);
    expect(state.lastRun).toBeNull();
    expect(browser.alarm).toBe(T0 + 7 * DAY_MS);
  });

  it('after a missed run (browser closed), start-up rings soon, and one backup covers it', async () => {
    await auto.schedule('daily', T0);
    const back = T0 + 4 * DAY_MS;
    await auto.resume(back);
    expect(browser.alarm).toBe(back + 60e3);
    await auto.onAlarm(back + 60e3);
    expect(browser.saved).toHaveLength(1);
    expect(browser.alarm).toBe(back + 60e3 + DAY_MS);
  });

  it('a permission taken back since is recorded as a failure in words, and retried', async () => {
    await auto.schedule('daily', T0);
    browser.permitted = false;
    const at = T0 + DAY_MS;
    const state = await auto.onAlarm(at);
    expect(browser.saved).toEqual([]);
    expect(state.lastRun).toEqual({ at, ok: false, reason: NO_PERMISSION });
    expect(state.nextAt).toBe(at + RETRY_MS);
    expect(await lastBackupAt(db)).toBeNull();
  });

  it('a failed save is recorded with its reason, and the last good backup stays as it was', async () => {
    await auto.schedule('daily', T0);
    await auto.onAlarm(T0 + DAY_MS);
    browser.failSave = 'the disk is full';
    const at = T0 + 2 * DAY_MS;
    const state = await auto.onAlarm(at);
    expect(state.lastRun).toEqual({
      at,
      ok: false,
      reason: 'The backup could not be saved: the disk is full',
    });
    expect(await lastBackupAt(db)).toBe(T0 + DAY_MS);
  });

  it('turning it off clears the alarm and keeps the last run to show', async () => {
    await auto.schedule('daily', T0);
    await auto.onAlarm(T0 + DAY_MS);
    const state = await auto.schedule(null, T0 + DAY_MS + 1);
    expect(state).toMatchObject({ interval: null, nextAt: null, lastRun: { ok: true } });
    expect(browser.alarm).toBeNull();
    await auto.onAlarm(T0 + 3 * DAY_MS);
    expect(browser.saved).toHaveLength(1);
  });
});
