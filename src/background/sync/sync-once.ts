// One run of replication with the reader's CouchDB: push the outbox, pull the changes feed,
// checkpoint after each batch. The scheduler (alarms, "Sync now", after a change) calls this.
import type { SyncReport, SyncSettings } from '../../shared/sync-types';

/** A failure the reader can act on; `message` is shown as it is ("wrong passphrase"). */
export class SyncError extends Error {
  override name = 'SyncError';
}

export interface SyncOptions {
  /** Documents per request; a first sync of a large library runs in many batches. */
  batchSize?: number;
  signal?: AbortSignal;
}

export async function syncOnce(
  settings: SyncSettings,
  options: SyncOptions = {},
): Promise<SyncReport> {
  void settings;
  void options;
  throw new SyncError('sync is not built yet');
}
