// Sync as the background runs it: the scheduler over the browser's alarms and local storage,
// the engine's single run, the account check and the count of changes waiting.
import { browserSyncPlatform } from './browser-platform';
import { checkAccount } from './check-account';
import { pendingChanges } from './pending';
import { createSyncScheduler } from './scheduler';
import { syncOnce } from './sync-once';

export function createBrowserSync() {
  return createSyncScheduler(browserSyncPlatform, {
    syncOnce,
    checkAccount: (settings) => checkAccount(settings),
    pendingChanges,
  });
}
