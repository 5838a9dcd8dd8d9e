// Makes losing data hard to miss: the eviction canary is checked when the background starts
// and every half hour, so a wiped database is noticed even if the popup is never opened.
import browser from 'webextension-polyfill';
import { markerStore } from '../shared/canary-marker';
import { checkCanary, type CanaryState } from '../storage/database/canary';
import type { TrailmarkDb } from '../storage/database/db';

export const CANARY_ALARM = 'trailmark-canary';

export async function checkSafety(db: TrailmarkDb): Promise<CanaryState> {
  const state = await checkCanary(db, markerStore);
  if (state === 'wiped') {
    await browser.action.setBadgeText({ text: '!' });
    await browser.action.setTitle({ title: 'Trailmark: your saved data was erased — open me' });
  }
  return state;
}

/** Listeners at top level, as MV3 requires; the alarm itself survives restarts. */
export function startSafetyChecks(db: TrailmarkDb): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === CANARY_ALARM) void checkSafety(db);
  });
  void browser.alarms.get(CANARY_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(CANARY_ALARM, { periodInMinutes: 30 });
  });
}
