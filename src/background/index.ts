// Background entry (Chrome service worker, Firefox event page). It holds no state of its own:
// everything lives in the database, and every listener is registered at top level so that a
// restarted worker answers the event that woke it.
import browser from 'webextension-polyfill';
import { getDb } from '../storage/db';
import { seedArchetypes } from '../storage/seed';
import { createHandlers } from './handlers';
import { onInstalled } from './install';
import { createRouter } from './router';
import { snapshot } from '../storage/snapshot';
import { failWrites } from '../storage/write-faults';
import { createContextMenu, handleCommand, handleContextMenu } from './selection-actions';
import { startBadge } from './badge';
import { checkSafety, startSafetyChecks } from './safety';

const db = getDb();
const route = createRouter(createHandlers(db), browser.runtime.id);

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
  route(message, sender),
);

browser.runtime.onInstalled.addListener(({ reason }) => {
  createContextMenu();
  void onInstalled(db, reason);
});

browser.runtime.onStartup.addListener(() => {
  void seedArchetypes(db).then(() => checkSafety(db));
});

startSafetyChecks(db);

startBadge(db);

browser.contextMenus.onClicked.addListener((info, tab) => handleContextMenu(info, tab));
browser.commands.onCommand.addListener((command, tab) => handleCommand(command, tab));

// End-to-end tests drive the menu and the shortcut through the same handlers the browser calls,
// and read what was stored. Only extension pages can reach the background's globals.
Object.assign(globalThis, {
  __test: {
    handleContextMenu,
    handleCommand,
    snapshot: () => snapshot(db),
    failWrites: (skip: number, fail: number) => failWrites(db, skip, fail),
    checkSafety: () => checkSafety(db),
  },
});
