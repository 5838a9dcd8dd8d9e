// The device-local tables sync keeps beside the reader's records, so that the records themselves
// stay exactly as the rest of Trailmark reads, exports and compares them.
import type { FieldClock, SyncBody } from '../../shared/sync/sync-body';

export const SYNC_CLOCKS = 'syncClocks';
export const OUTBOX = 'outbox';
export const SYNC_PARKED = 'syncParked';

/** Per synced record (by stable key): its field stamps, tombstone, reading per device, server rev. */
export interface ClockRow {
  key: string;
  clock: FieldClock;
  /** Set once deleted; the record lives on if a field was stamped after it. */
  deleted?: string;
  /** Pages: reading time per device; this device's entry is the page's total less the others. */
  reading?: Record<string, number>;
  /** The server revision this device last merged or wrote, and the document's id there. */
  rev?: string;
  docId?: string;
  /**
   * The tag set (local ids) of that server revision: the common ancestor against which a tag
   * set changed on this device and on another is merged, so that both devices' changes survive.
   */
  tagBase?: string[];
}

/** A record changed here and not yet on the server; one row per record however often changed. */
export interface OutboxRow {
  key: string;
  /** The table's place in reference order: what others point at goes first. */
  rank: number;
  /** The change's clock stamp: a push removes the row only if no newer change came meanwhile. */
  stamp: string;
}

/** A document that arrived before what it points at; applied when that arrives. */
export interface ParkedRow {
  docId: string;
  /** The stable key of the missing record. */
  waits: string;
  rev: string;
  body: SyncBody;
}

/** Meta keys: this device's id and the latest clock stamp it has made or seen. */
export const DEVICE_KEY = 'sync:device';
export const HLC_KEY = 'sync:hlc';
