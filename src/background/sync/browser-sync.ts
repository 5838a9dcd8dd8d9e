// Sync as the background runs it: the scheduler over the browser's alarms and local storage,
// the engine's single run, the account and passphrase checks and the count of changes waiting.
import { browserSyncPlatform } from './browser-platform';
import { checkTurnOn } from './check-passphrase';
import { pendingChanges } from './pending';
import { createSyncScheduler } from './scheduler';
import { syncOnce } from './sync-once';

export function createBrowserSync() {
  return createSyncScheduler(browserSyncPlatform, {
    syncOnce,
    checkAccount: checkTurnOn,
    pendingChanges,
  });
}
