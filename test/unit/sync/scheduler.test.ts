// The sync scheduler's rules with a fake browser (storage in memory, alarms and timers that the
// test rings) and a fake engine whose runs the test ends: when runs start, that only one runs
// at a time, which states the reader is shown, and what a restarted worker finds.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  createSyncScheduler,
  DEBOUNCE_MS,
  SOON_MS,
  type SyncEngine,
  type SyncPlatform,
} from '../../../src/background/sync/scheduler';
import { SYNC_OFF, type SyncRecord } from '../../../src/background/sync/sync-record';
import type { SyncInput } from '../../../src/shared/sync-settings';
import type { SyncReport, SyncSettings } from '../../../src/shared/sync-types';

const SETTINGS: SyncInput = {
  server: 'http://127.0.0.1:5984/',
  database: 'reader',
  username: 'ann',
  password: 'pw',
};
const T0 = 1_800_000_000_000;

class SyncError extends Error {
  override name = 'SyncError';
}

interface Run {
  settings: SyncSettings;
  signal: AbortSignal;
  finish(report: Omit<SyncReport, 'at'>): void;
  fail(error: unknown): void;
}

function fakeBrowser() {
  const fake = {
    settings: null as SyncSettings | null,
    record: SYNC_OFF as SyncRecord,
    records: [] as SyncRecord[],
    schedule: false,
    soon: null as number | null,
    timers: new Map<number, { run: () => void; ms: number }>(),
    nextTimer: 1,
    clock: T0,
    platform: null as unknown as SyncPlatform,
    /** Rings every timer set so far, as time passing would. */
    ringTimers() {
      const due = [...fake.timers.values()];
      fake.timers.clear();
      for (const timer of due) timer.run();
    },
  };
  fake.platform = {
    store: {
      settings: async () => fake.settings,
      setSettings: async (settings) => void (fake.settings = settings),
      record: async () => fake.record,
      setRecord: async (record) => {
        fake.record = record;
        fake.records.push(record);
      },
    },
    armSchedule: async (on) => void (fake.schedule = on),
    armSoon: async (when) => void (fake.soon = when),
    setTimer: (run, ms) => {
      const id = fake.nextTimer++;
      fake.timers.set(id, { run, ms });
      return id;
    },
    clearTimer: (id) => void fake.timers.delete(id as number),
    now: () => fake.clock,
  };
  return fake;
}

function fakeEngine() {
  const engine = {
    runs: [] as Run[],
    refusal: null as string | null,
    pending: 3,
    api: null as unknown as SyncEngine,
  };
  engine.api = {
    syncOnce: (settings, { signal }) =>
      new Promise<SyncReport>((resolve, reject) => {
        signal?.addEventListener('abort', () => reject(new DOMException('stopped', 'AbortError')));
        engine.runs.push({
          settings,
          signal: signal ?? new AbortController().signal,
          finish: (report) => resolve({ at: T0, ...report }),
          fail: reject,
        });
      }),
    checkAccount: async () => engine.refusal,
    pendingChanges: async () => engine.pending,
  };
  return engine;
}

/** The run the engine was asked for, in order (-1: the latest); fails the test if none. */
function runAt(index: number): Run {
  const run = engine.runs.at(index);
  if (!run) throw new Error(`no run ${index} (${engine.runs.length} so far)`);
  return run;
}

/** Lets every promise that can settle now settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let browser: ReturnType<typeof fakeBrowser>;
let engine: ReturnType<typeof fakeEngine>;
let scheduler: ReturnType<typeof createSyncScheduler>;
beforeEach(() => {
  browser = fakeBrowser();
  engine = fakeEngine();
  scheduler = createSyncScheduler(browser.platform, engine.api);
});

/** Turns sync on and ends the first run it starts. */
async function enabled() {
  await scheduler.enable(SETTINGS);
  await settle();
  runAt(0).finish({ sent: 0, received: 0 });
  await scheduler.idle();
}

describe('turning sync on and off', () => {
  it('keeps nothing and stays off when the server refuses the account', async () => {
    engine.refusal = 'Wrong username or password.';
    const reply = await scheduler.enable(SETTINGS);
    expect(reply.refused).toBe('Wrong username or password.');
    expect(reply.status).toEqual({ state: { kind: 'off' }, account: null });
    expect(browser.settings).toBeNull();
    expect(browser.schedule).toBe(false);
    expect(engine.runs).toHaveLength(0);
  });

  it('refuses settings that fail the checks, whoever sent them', async () => {
    await expect(scheduler.enable({ ...SETTINGS, server: 'http://evil.example' })).rejects.toThrow(
      /not valid/,
    );
    expect(browser.settings).toBeNull();
  });

  it('keeps the checked settings, sets the schedule and syncs at once', async () => {
    const reply = await scheduler.enable(SETTINGS);
    expect(reply.refused).toBeNull();
    expect(browser.settings).toEqual({ ...SETTINGS, server: 'http://127.0.0.1:5984' });
    expect(browser.schedule).toBe(true);
    await settle();
    expect(engine.runs).toHaveLength(1);
    expect((await scheduler.status()).state).toEqual({ kind: 'syncing', pending: 3 });
    expect(reply.status.account).toEqual({
      server: 'http://127.0.0.1:5984',
      database: 'reader',
      username: 'ann',
      encrypted: false,
    });
  });

  it('turned off in the middle of a run: the run is stopped and its outcome not written', async () => {
    await scheduler.enable(SETTINGS);
    await settle();
    const run = runAt(0);
    const status = await scheduler.disable();
    expect(run.signal.aborted).toBe(true);
    await scheduler.idle();
    expect(status).toEqual({ state: { kind: 'off' }, account: null });
    expect(browser.record.state).toEqual({ kind: 'off' });
    expect(browser.settings).toBeNull();
    expect(browser.schedule).toBe(false);
    expect(browser.soon).toBeNull();
  });
});

describe('the status a reader sees', () => {
  it('goes syncing → idle with what moved, then syncing → error in the engine’s words, keeping the last good run', async () => {
    await scheduler.enable(SETTINGS);
    await settle();
    runAt(0).finish({ sent: 2, received: 5 });
    await scheduler.idle();
    engine.pending = 0;
    expect((await scheduler.status()).state).toEqual({
      kind: 'idle',
      last: { at: T0, sent: 2, received: 5 },
      pending: 0,
    });

    browser.clock = T0 + 1000;
    void scheduler.syncNow();
    await settle();
    runAt(1).fail(new SyncError('wrong passphrase'));
    await scheduler.idle();
    expect((await scheduler.status()).state).toEqual({
      kind: 'error',
      message: 'wrong passphrase',
      at: T0 + 1000,
      last: { at: T0, sent: 2, received: 5 },
      pending: 0,
    });
    expect(browser.records.map((r) => r.state.kind)).toEqual([
      'idle',
      'syncing',
      'idle',
      'syncing',
      'error',
    ]);
  });

  it('says in plain words that the server cannot be reached, and the changes wait', async () => {
    await scheduler.enable(SETTINGS);
    await settle();
    runAt(0).fail(new TypeError('Failed to fetch'));
    await scheduler.idle();
    const { state } = await scheduler.status();
    expect(state).toMatchObject({ kind: 'error', pending: 3 });
    expect(state.kind === 'error' && state.message).toMatch(
      /Cannot reach the server.*changes wait/,
    );
  });

  it('shows a run a stopped worker left half way as not running, and a new worker resumes it', async () => {
    await enabled();
    browser.record = { state: { kind: 'syncing', pending: 3 }, last: null };
    // A new worker: nothing of the old one's memory.
    const restarted = createSyncScheduler(browser.platform, engine.api);
    expect((await restarted.status()).state).toEqual({ kind: 'idle', pending: 3 });
    void restarted.wake(false);
    await settle();
    expect(engine.runs).toHaveLength(2);
    runAt(1).finish({ sent: 1, received: 0 });
    await restarted.idle();
    expect(browser.record.state.kind).toBe('idle');
  });

  it('a worker that wakes with nothing cut off does not sync; a browser start does', async () => {
    await enabled();
    browser.schedule = false;
    await scheduler.wake(false);
    expect(engine.runs).toHaveLength(1);
    expect(browser.schedule).toBe(true);
    void scheduler.wake(true);
    await settle();
    expect(engine.runs).toHaveLength(2);
  });

  it('is off, with no account, when sync was never turned on; nothing runs', async () => {
    expect(await scheduler.status()).toEqual({ state: { kind: 'off' }, account: null });
    await scheduler.syncNow();
    await scheduler.changed();
    await scheduler.onAlarm();
    await scheduler.wake(true);
    browser.ringTimers();
    await settle();
    expect(engine.runs).toHaveLength(0);
    expect(browser.timers.size).toBe(0);
  });
});

describe('when runs start', () => {
  it('one at a time: requests during a run give exactly one more run after it', async () => {
    await scheduler.enable(SETTINGS);
    await settle();
    void scheduler.syncNow();
    void scheduler.onAlarm();
    void scheduler.syncNow();
    await settle();
    expect(engine.runs).toHaveLength(1);
    runAt(0).finish({ sent: 0, received: 0 });
    await settle();
    expect(engine.runs).toHaveLength(2);
    runAt(1).finish({ sent: 0, received: 0 });
    await scheduler.idle();
    expect(engine.runs).toHaveLength(2);
  });

  it('a burst of changes gives one run after the debounce, with an alarm in case the worker stops', async () => {
    await enabled();
    for (let i = 0; i < 5; i += 1) await scheduler.changed();
    expect(browser.timers.size).toBe(1);
    expect([...browser.timers.values()].map((t) => t.ms)).toEqual([DEBOUNCE_MS]);
    expect(browser.soon).toBe(T0 + SOON_MS);
    expect(engine.runs).toHaveLength(1);
    browser.ringTimers();
    await settle();
    expect(engine.runs).toHaveLength(2);
    // The run under way covers the change: the one-off alarm is cleared.
    expect(browser.soon).toBeNull();
  });

  it('a change with nothing waiting (the outbox shrinking as a run sends it) starts nothing', async () => {
    await enabled();
    engine.pending = 0;
    await scheduler.changed();
    expect(browser.timers.size).toBe(0);
    expect(browser.soon).toBeNull();
  });

  it('"Sync now" runs at once and drops the debounce waiting', async () => {
    await enabled();
    await scheduler.changed();
    await scheduler.syncNow();
    await settle();
    expect(engine.runs).toHaveLength(2);
    expect(browser.timers.size).toBe(0);
  });

  it('the schedule’s alarm runs it; turned on again with other settings, the next run uses them', async () => {
    await enabled();
    void scheduler.onAlarm();
    await settle();
    expect(engine.runs).toHaveLength(2);
    await scheduler.enable({ ...SETTINGS, database: 'other' });
    await settle();
    // The run with the old settings was stopped; the next one has the new ones.
    expect(runAt(1).signal.aborted).toBe(true);
    expect(runAt(-1).settings.database).toBe('other');
  });
});
