// The toolbar badge: how many highlights the resurfacing queue holds today. It follows the
// database live while the background runs, and an hourly alarm (which also wakes a stopped
// service worker) catches the day turning over with nothing written.
import browser from 'webextension-polyfill';
import { BADGE_COLOR, badgeText } from '../shared/schedule';
import type { TrailmarkDb } from '../storage/database/db';
import { watch } from '../storage/database/live';
import { dueCount } from '../storage/records/resurfacing';

const ALARM = 'trailmark-badge';

async function show(count: number): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
  await browser.action.setBadgeText({ text: badgeText(count) });
}

const refresh = (db: TrailmarkDb) =>
  dueCount(db, Date.now()).then(show, (error: unknown) => console.error('badge', error));

/** Call once at the top level of the background script. */
export function startBadge(db: TrailmarkDb): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void refresh(db);
  });
  void browser.alarms.create(ALARM, { periodInMinutes: 60 });
  watch(
    () => dueCount(db, Date.now()),
    (count) => void show(count),
    (error) => console.error('badge', error),
  );
}
