// When sync runs, and what the reader is told about it. A run starts shortly after a change
// (debounced), when the browser starts, when the schedule's alarm rings and on "Sync now"; only
// one runs at a time, and a request made during a run gets one more run after it. The status is
// kept in local storage at every step, so a worker stopped half way finds it on restart and
// resumes. The browser's side (storage, alarms, timers) comes in as a platform, so the rules run
// in unit tests with fakes.
import {
  accountOf,
  checkSyncSettings,
  type SyncInput,
  type SyncStatus,
} from '../../shared/sync-settings';
import type { SyncReport, SyncSettings, SyncState } from '../../shared/sync-types';
import type { SyncOptions } from './sync-once';
import type { SyncRecord, SyncStore } from './sync-record';

export interface SyncPlatform {
  store: SyncStore;
  /** The schedule's repeating alarm: on while sync is on. */
  armSchedule(on: boolean): Promise<void>;
  /** A one-off alarm that runs a sync at `when` should the worker stop first; null clears it. */
  armSoon(when: number | null): Promise<void>;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
  now(): number;
}

export interface SyncEngine {
  syncOnce(settings: SyncSettings, options: SyncOptions): Promise<SyncReport>;
  checkAccount(settings: SyncSettings): Promise<string | null>;
  pendingChanges(): Promise<number>;
}

/** How long after a change a run starts, so that a burst of edits goes in one run. */
export const DEBOUNCE_MS = 5_000;
/** The one-off alarm after a change, for a worker stopped before the debounce ends. */
export const SOON_MS = 60_000;

export type SyncScheduler = ReturnType<typeof createSyncScheduler>;

/** An error in words a reader can act on; the engine's own (SyncError) are shown as they are. */
export function wordsFor(error: unknown): string {
  if (error instanceof Error && error.name === 'SyncError') return error.message;
  if (error instanceof TypeError) {
    return 'Cannot reach the server. Your changes wait here and go when it answers again.';
  }
  const message = error instanceof Error ? error.message : String(error);
  return `Sync failed: ${message}`;
}

const isAbort = (error: unknown): boolean =>
  error instanceof DOMException && error.name === 'AbortError';

export function createSyncScheduler(
  platform: SyncPlatform,
  engine: SyncEngine,
  debounceMs = DEBOUNCE_MS,
) {
  const { store } = platform;
  let running: Promise<void> | null = null;
  let again = false;
  let controller: AbortController | null = null;
  let debounce: unknown = null;
  /** Bumped by every turn on or off: a run that started before must not write its outcome. */
  let generation = 0;

  /** The state with a fresh pending count; a "syncing" no run of this worker holds is stale. */
  async function currentState(record: SyncRecord): Promise<SyncState> {
    const { state, last } = record;
    if (state.kind === 'off') return state;
    const pending = await engine.pendingChanges();
    if (state.kind === 'syncing' && running === null) {
      return last ? { kind: 'idle', last, pending } : { kind: 'idle', pending };
    }
    return { ...state, pending };
  }

  async function status(): Promise<SyncStatus> {
    const settings = await store.settings();
    const record = await store.record();
    return {
      state: settings ? await currentState(record) : { kind: 'off' },
      account: settings ? accountOf(settings) : null,
    };
  }

  function outcome(last: SyncReport | null, error: unknown, pending: number): SyncRecord {
    const at = platform.now();
    const message = wordsFor(error);
    const state: SyncState = last
      ? { kind: 'error', message, at, last, pending }
      : { kind: 'error', message, at, pending };
    return { state, last };
  }

  async function runOnce(): Promise<void> {
    const settings = await store.settings();
    if (!settings) return;
    const started = generation;
    const { last } = await store.record();
    controller = new AbortController();
    await store.setRecord({
      state: { kind: 'syncing', pending: await engine.pendingChanges() },
      last,
    });
    await platform.armSoon(null);
    let next: SyncRecord;
    try {
      const report = await engine.syncOnce(settings, { signal: controller.signal });
      next = {
        state: { kind: 'idle', last: report, pending: await engine.pendingChanges() },
        last: report,
      };
    } catch (error) {
      if (isAbort(error) && started !== generation) return;
      next = outcome(last, error, await engine.pendingChanges());
    } finally {
      controller = null;
    }
    if (started === generation) await store.setRecord(next);
  }

  async function loop(): Promise<void> {
    try {
      do {
        again = false;
        await runOnce();
      } while (again);
    } finally {
      running = null;
    }
  }

  /** Starts a run, or asks the one under way for one more; resolves when they are done. */
  function request(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = loop();
    return running;
  }

  function cancelDebounce(): void {
    if (debounce !== null) platform.clearTimer(debounce);
    debounce = null;
  }

  return {
    status,

    /** Checks the account on the server first; keeps the settings and syncs only if it passes. */
    async enable(input: SyncInput): Promise<{ status: SyncStatus; refused: string | null }> {
      const checked = checkSyncSettings(input);
      if (!checked.ok) throw new Error('the sync settings are not valid');
      const refused = await engine.checkAccount(checked.settings);
      if (refused !== null) return { status: await status(), refused };
      generation += 1;
      controller?.abort();
      await store.setSettings(checked.settings);
      await store.setRecord({ state: { kind: 'idle', pending: 0 }, last: null });
      await platform.armSchedule(true);
      void request();
      return { status: await status(), refused: null };
    },

    /** Forgets the settings and stops any run; the library on this device stays as it is. */
    async disable(): Promise<SyncStatus> {
      generation += 1;
      controller?.abort();
      cancelDebounce();
      await store.setSettings(null);
      await store.setRecord({ state: { kind: 'off' }, last: null });
      await platform.armSchedule(false);
      await platform.armSoon(null);
      return status();
    },

    /** "Sync now": runs at once (or right after the run under way); answers when it is under way. */
    async syncNow(): Promise<SyncStatus> {
      if (!(await store.settings())) return status();
      cancelDebounce();
      void request();
      return status();
    },

    /** The library changed: sync a little later, once a burst of edits is over. */
    async changed(): Promise<void> {
      if (!(await store.settings())) return;
      // The outbox also shrinks as a run sends it: nothing waiting, nothing to do.
      if ((await engine.pendingChanges()) === 0) return;
      cancelDebounce();
      debounce = platform.setTimer(() => {
        debounce = null;
        void request();
      }, debounceMs);
      await platform.armSoon(platform.now() + SOON_MS);
    },

    /** The schedule's alarm, or the one-off after a change, rang. */
    async onAlarm(): Promise<void> {
      if (await store.settings()) await request();
    },

    /**
     * The browser started, or this worker did: set the schedule again (a browser update may clear
     * alarms) and sync — at once on a browser start, or when a run was cut off half way.
     */
    async wake(browserStarted: boolean): Promise<void> {
      if (!(await store.settings())) return;
      await platform.armSchedule(true);
      const { state } = await store.record();
      if (browserStarted || (state.kind === 'syncing' && running === null)) await request();
    },

    /** Resolves once no run is under way (for tests and for the end-to-end hooks). */
    idle: async (): Promise<void> => {
      while (running) await running;
    },
  };
}
