// The popup's small sync status — synced, waiting or failed — as a link to the Data view's Sync
// section, where the reader sees why and can act. Nothing shows while sync is off.
import { useEffect } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { pendingLine, syncLine, syncMood, type SyncMood } from '../common/sync-words';
import { useSyncStatus } from '../common/use-sync-status';

const WORDS: Record<SyncMood, string> = {
  ok: 'Synced',
  pending: 'Sync pending',
  error: 'Sync failed',
};
const MARKS: Record<SyncMood, string> = { ok: '✓', pending: '↻', error: '!' };

export function SyncIndicator() {
  const { status } = useSyncStatus();
  const mood = status ? syncMood(status.state) : null;
  useEffect(() => {
    // What the popup heard, for tests that must tell "off" from "not asked yet".
    if (status) document.body.dataset.sync = mood ?? 'off';
  }, [status, mood]);
  if (!status || !mood) return null;
  const detail = [syncLine(status.state), pendingLine(status.state)].filter(Boolean).join(' ');
  return (
    <p class={`sync-indicator sync-${mood}`} data-testid="sync-indicator" data-mood={mood}>
      <a
        href={browser.runtime.getURL('review.html#data/sync')}
        target="_blank"
        rel="noopener"
        title={detail}
      >
        <span aria-hidden="true" class="sync-mark">
          {MARKS[mood]}
        </span>{' '}
        {WORDS[mood]}
        <span class="sr-only">: {detail}</span>
      </a>
    </p>
  );
}
