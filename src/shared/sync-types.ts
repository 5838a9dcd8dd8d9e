// What the sync engine, the background's scheduler and the pages agree on. Types only: the
// engine (src/background/sync, src/storage/sync) and the Sync section are built against this.

/** What the reader typed in the Data view's Sync section; kept in local extension storage only. */
export interface SyncSettings {
  /** https://…, or http:// to localhost / 127.0.0.1 only. No trailing path beyond the server. */
  server: string;
  database: string;
  username: string;
  password: string;
  /** Empty or absent: documents go to the server in clear, and the section says so. */
  passphrase?: string;
}

/** What one sync moved, for "Last synced <when>" and its counts. */
export interface SyncReport {
  /** Epoch milliseconds when the run ended. */
  at: number;
  /** Local changes written to the server. */
  sent: number;
  /** Server documents applied to this device's library. */
  received: number;
}

/** The status line of the Sync section and the popup's small indicator. */
export type SyncState =
  | { kind: 'off' }
  | { kind: 'idle'; last?: SyncReport; pending: number }
  | { kind: 'syncing'; pending: number }
  | { kind: 'error'; message: string; at: number; last?: SyncReport; pending: number };
