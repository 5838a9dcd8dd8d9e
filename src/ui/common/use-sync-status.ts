// Sync's status as the background tells it, kept current on a Trailmark page: asked once, asked
// again whenever the background writes a new status to local storage (a run started or ended,
// sync turned on or off), and now and then for the count of changes waiting. The page reads
// the status only through the background, which never gives out the password or passphrase.
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { askBackground } from '../../shared/ask-background';
import { SYNC_STATE_KEY, type SyncStatus } from '../../shared/sync-settings';

/** How often an open page asks again, for the count of changes waiting to be sent. */
const REFRESH_MS = 30_000;

export function useSyncStatus(): {
  status: SyncStatus | null;
  setStatus: (status: SyncStatus) => void;
} {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const ask = useCallback(() => {
    askBackground('sync.status', {}).then(
      (reply) => setStatus(reply.status),
      (error: unknown) => console.error('sync status', error),
    );
  }, []);
  useEffect(() => {
    ask();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SYNC_STATE_KEY in changes) ask();
    };
    browser.storage.onChanged.addListener(onChanged);
    const timer = setInterval(ask, REFRESH_MS);
    return () => {
      browser.storage.onChanged.removeListener(onChanged);
      clearInterval(timer);
    };
  }, [ask]);
  return { status, setStatus };
}
