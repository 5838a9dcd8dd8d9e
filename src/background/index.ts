// Background entry (Chrome service worker, Firefox event page). It holds no state of its own:
// everything lives in the database, and every listener is registered at top level so that a
// restarted worker answers the event that woke it.
import browser from 'webextension-polyfill';
import { getDb } from '../storage/database/db';
import { seedArchetypes } from '../storage/records/seed';
import { catchUpIndex } from '../storage/search/index-catch-up';
import { createHandlers } from './handlers';
import { installPageNames, onInstalled } from './install';
import { createRouter } from './router';
import { records } from '../storage/database/snapshot';
import { readAutoBackup, writeAutoBackup } from '../storage/backup/auto-backup-state';
import { failWrites } from '../storage/database/write-faults';
import { createContextMenu, handleCommand, handleContextMenu } from './selection-actions';
import { startBadge } from './badge';
import { checkSafety, startSafetyChecks } from './safety';
import { markerStore } from '../shared/canary-marker';
import { createAutoBackup } from './auto-backup';
import { BACKUP_ALARM, browserBackupPlatform } from './backup-downloads';
import { createBrowserSync } from './sync/browser-sync';
import { isSyncAlarm } from './sync/browser-platform';
import { onTablesWritten } from '../storage/database/live';
import { OUTBOX } from '../storage/sync/sync-rows';
import { holdTypingRelay, startTypingRelay } from './typing-relay';
import { pageLoadSeen } from './page-loads';
import { normalizeUrl } from '../shared/url';

const db = getDb();
const autoBackup = createAutoBackup(db, browserBackupPlatform, markerStore);
const sync = createBrowserSync();
const route = createRouter(
  createHandlers(db, autoBackup, sync),
  browser.runtime.id,
  browser.runtime.getURL(''),
);

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
  route(message, sender),
);

const logged = (what: string) => (error: unknown) => console.error(what, error);

browser.runtime.onInstalled.addListener(({ reason }) => {
  createContextMenu();
  void onInstalled(db, reason);
  void autoBackup.resume(Date.now()).catch(logged('auto backup'));
});

browser.runtime.onStartup.addListener(() => {
  void seedArchetypes(db).then(() => checkSafety(db));
  void autoBackup.resume(Date.now()).catch(logged('auto backup'));
  void sync.wake(true).catch(logged('sync'));
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === BACKUP_ALARM) void autoBackup.onAlarm(Date.now()).catch(logged('auto backup'));
  if (isSyncAlarm(alarm.name)) void sync.onAlarm().catch(logged('sync'));
});

// A run cut off when the worker stopped goes on now. A local change (which the storage queues in
// its outbox in the same transaction), here or in a Trailmark page while this worker is awake,
// syncs soon after.
void sync.wake(false).catch(logged('sync'));
onTablesWritten(db, [OUTBOX], () => void sync.changed().catch(logged('sync')));

startSafetyChecks(db);

// An import's search indexing that a closed review tab left half done goes on here.
void catchUpIndex(db).catch(logged('search index'));

startBadge(db);
startTypingRelay();

browser.contextMenus.onClicked.addListener((info, tab) => handleContextMenu(info, tab));
browser.commands.onCommand.addListener((command, tab) => handleCommand(command, tab));

// End-to-end tests drive the menu and the shortcut through the same handlers the browser calls,
// and read what was stored. Only extension pages can reach the background's globals.
Object.assign(globalThis, {
  __test: {
    handleContextMenu,
    handleCommand,
    // Named snapshot for the end-to-end tests, which read the reader's records from it.
    snapshot: () => records(db),
    failWrites: (skip: number, fail: number) => failWrites(db, skip, fail),
    checkSafety: () => checkSafety(db),
    /** Whether the content script of the page at `url` has started and read its names. */
    pageLoadSeen: (url: string) => pageLoadSeen(normalizeUrl(url) ?? url),
    /** The names this install shows pages, which tests look for instead of spelling them. */
    pageNames: installPageNames,
    /** Makes the scheduled backup due now, so the browser's own alarm rings for it at once. */
    backupDueNow: async () => {
      const state = await readAutoBackup(db);
      if (state.interval === null) return state;
      const due = { ...state, nextAt: Date.now() };
      await writeAutoBackup(db, due);
      await browser.alarms.create(BACKUP_ALARM, { when: Date.now() });
      return due;
    },
    autoBackupState: () => readAutoBackup(db),
    alarmAt: async (name: string) => (await browser.alarms.get(name))?.scheduledTime ?? null,
    /** As a reader does on the browser's extension page: take an optional permission back. */
    dropPermission: (name: 'downloads') => browser.permissions.remove({ permissions: [name] }),
    holdTypingRelay,
  },
});
