// "Turn on sync" tries the passphrase against what the database already holds, before any run:
// a wrong one (or none, or one for a database without encryption) is refused there, in words,
// with nothing kept on the device and nothing written to the server.
import { describe, expect, it } from 'vitest';
import { checkTurnOn } from '../../../src/background/sync/check-passphrase';
import { createSyncScheduler } from '../../../src/background/sync/scheduler';
import { SYNC_OFF, type SyncRecord } from '../../../src/background/sync/sync-record';
import type { SyncSettings } from '../../../src/shared/sync-types';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import { snapshot } from '../../../src/storage/database/snapshot';
import { createHighlight } from '../../../src/storage/records/highlights';
import { newHighlight } from '../storage/fixtures';
import { newDevice, newLibrary, useServer, sync } from './sync-devices';

const couch = useServer();

const PASSPHRASE = 'the first device chose this';

/** The scheduler as the background builds it, over memory instead of the browser's storage. */
function device(db: TrailmarkDb) {
  const kept = { settings: null as SyncSettings | null, record: SYNC_OFF as SyncRecord, runs: 0 };
  const scheduler = createSyncScheduler(
    {
      store: {
        settings: async () => kept.settings,
        setSettings: async (settings) => void (kept.settings = settings),
        record: async () => kept.record,
        setRecord: async (record) => void (kept.record = record),
      },
      armSchedule: async () => {},
      armSoon: async () => {},
      setTimer: () => 0,
      clearTimer: () => {},
      now: () => Date.now(),
    },
    {
      syncOnce: (settings) => {
        kept.runs += 1;
        return sync(db, settings);
      },
      checkAccount: checkTurnOn,
      pendingChanges: () => db.outbox.count(),
    },
  );
  return { kept, scheduler };
}

describe('turning sync on', () => {
  it('refuses a wrong passphrase, or none, before any run, keeping and writing nothing', async () => {
    const settings = await newLibrary(couch, PASSPHRASE);
    const a = await newDevice();
    await createHighlight(a, newHighlight());
    await sync(a, settings);
    const onServer = await couch.docs(settings.database);

    const b = await newDevice();
    await createHighlight(b, newHighlight({ note: 'made on b' }));
    const before = await snapshot(b);
    const { kept, scheduler } = device(b);
    const wrong = await scheduler.enable({ ...settings, passphrase: 'not what the first chose' });
    expect(wrong.refused).toBe('Wrong passphrase.');
    const none = await scheduler.enable({ ...settings, passphrase: '' });
    expect(none.refused).toBe('This database is encrypted: enter its passphrase.');
    expect(none.status.state).toEqual({ kind: 'off' });
    expect(kept).toMatchObject({ settings: null, runs: 0 });
    expect(await snapshot(b)).toEqual(before);
    expect(await couch.docs(settings.database)).toEqual(onServer);

    const right = await scheduler.enable(settings);
    expect(right.refused).toBeNull();
    await scheduler.idle();
    expect(kept.runs).toBe(1);
    expect(kept.record.state.kind).toBe('idle');
    expect((await b.highlights.toArray()).length).toBe(2);
  });

  it('refuses a passphrase for a database synced without one', async () => {
    const settings = await newLibrary(couch);
    await sync(await newDevice(), settings);
    expect(await checkTurnOn({ ...settings, passphrase: PASSPHRASE })).toBe(
      'This database is not encrypted: leave the passphrase empty, or sync to a new database.',
    );
    expect(await checkTurnOn(settings)).toBeNull();
  });

  it('takes any passphrase for a database no device has synced to, and writes nothing to it', async () => {
    const settings = await newLibrary(couch, PASSPHRASE);
    expect(await checkTurnOn(settings)).toBeNull();
    expect(await checkTurnOn({ ...settings, passphrase: 'another passphrase' })).toBeNull();
    expect(await couch.docs(settings.database)).toEqual([]);
  });
});
