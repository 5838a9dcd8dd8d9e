// What sync keeps between runs and workers, as a shape: the status and the last good run, and
// the settings, behind a store the scheduler is given (local storage in the browser, memory in
// tests).
import type { SyncReport, SyncSettings, SyncState } from '../../shared/sync-types';

/** The status as a restarted worker finds it, with the last good run kept across states. */
export interface SyncRecord {
  state: SyncState;
  last: SyncReport | null;
}

export const SYNC_OFF: SyncRecord = { state: { kind: 'off' }, last: null };

export interface SyncStore {
  settings(): Promise<SyncSettings | null>;
  setSettings(settings: SyncSettings | null): Promise<void>;
  record(): Promise<SyncRecord>;
  setRecord(record: SyncRecord): Promise<void>;
}
