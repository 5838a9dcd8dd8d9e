// Sync's status in the words both the Data view and the popup show.
import type { SyncReport, SyncState } from '../../shared/sync-types';
import { fullDate, timeAgo } from './format';

const changes = (n: number) => `${n} ${n === 1 ? 'change' : 'changes'}`;

/** "Last synced 3 minutes ago (sent 2, received 5)." */
export const lastSynced = (last: SyncReport, now = Date.now()): string =>
  `Last synced ${timeAgo(last.at, now)} (sent ${last.sent}, received ${last.received}).`;

/** The one status line: what is happening, or what happened last. */
export function syncLine(state: SyncState, now = Date.now()): string {
  switch (state.kind) {
    case 'off':
      return 'Sync is off.';
    case 'syncing':
      return 'Syncing…';
    case 'idle':
      return state.last ? lastSynced(state.last, now) : 'Not synced yet.';
    case 'error':
      return `Sync failed ${timeAgo(state.at, now)}: ${state.message}`;
  }
}

/** "2 changes wait to be sent.", or nothing. */
export const pendingLine = (state: SyncState): string =>
  state.kind !== 'off' && state.pending > 0 ? `${changes(state.pending)} wait to be sent.` : '';

/** The small indicator's kind: fine, something waiting or under way, or failed. */
export type SyncMood = 'ok' | 'pending' | 'error';

export function syncMood(state: SyncState): SyncMood | null {
  if (state.kind === 'off') return null;
  if (state.kind === 'error') return 'error';
  return state.kind === 'syncing' || state.pending > 0 ? 'pending' : 'ok';
}

export const exactTime = (state: SyncState): string | undefined =>
  state.kind === 'idle' && state.last
    ? fullDate(state.last.at)
    : state.kind === 'error'
      ? fullDate(state.at)
      : undefined;
