// The browser's side of the sync schedule: its two alarms and the worker's timers. An MV3
// service worker may stop at any time, so the repeating alarm brings it back to sync, and the
// one-off alarm after a change covers a worker stopped before its debounce timer rang.
import browser from 'webextension-polyfill';
import type { SyncPlatform } from './scheduler';
import { browserSyncStore } from './sync-store';

export const SYNC_ALARM = 'trailmark-sync';
export const SYNC_SOON_ALARM = 'trailmark-sync-soon';
/** How often sync runs on its own while the browser is open. */
export const SYNC_PERIOD_MINUTES = 10;

export const isSyncAlarm = (name: string): boolean =>
  name === SYNC_ALARM || name === SYNC_SOON_ALARM;

export const browserSyncPlatform: SyncPlatform = {
  store: browserSyncStore,
  async armSchedule(on) {
    if (!on) {
      await browser.alarms.clear(SYNC_ALARM);
      return;
    }
    // Set once: setting it again on every start would push its next ring further away.
    if (await browser.alarms.get(SYNC_ALARM)) return;
    await browser.alarms.create(SYNC_ALARM, {
      delayInMinutes: SYNC_PERIOD_MINUTES,
      periodInMinutes: SYNC_PERIOD_MINUTES,
    });
  },
  async armSoon(when) {
    if (when === null) await browser.alarms.clear(SYNC_SOON_ALARM);
    else await browser.alarms.create(SYNC_SOON_ALARM, { when });
  },
  setTimer: (run, ms) => setTimeout(run, ms),
  clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};
