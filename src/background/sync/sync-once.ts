// One run of replication with the reader's CouchDB: pull the changes feed, push the outbox,
// checkpoint after each batch. The scheduler (alarms, "Sync now", after a change) calls this.
import type { SyncReport, SyncSettings } from '../../shared/sync-types';
import { getDb } from '../../storage/database/db';
import { SyncError } from './sync-error';
import { runSync } from './sync-run';

export { SyncError };

export interface SyncOptions {
  /** Documents per request; a first sync of a large library runs in many batches. */
  batchSize?: number;
  signal?: AbortSignal;
  /** How long one request may take before the run ends with a SyncError (30 s unless given). */
  timeoutMs?: number;
}

export async function syncOnce(
  settings: SyncSettings,
  options: SyncOptions = {},
): Promise<SyncReport> {
  try {
    return await runSync(getDb(), settings, options);
  } catch (error) {
    if (error instanceof SyncError) throw error;
    // A failing database (a full disk) or a bug: still a status the reader can read.
    throw new SyncError(`sync failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
