// Noticing that the browser wiped the database behind the reader's back. A canary record lives
// in the database, and a marker naming it lives in the extension's separate key-value storage;
// a marker without its canary means the database was emptied. The marker also remembers when
// the last backup was made, since that fact is gone with the database.
import type { MarkerStore } from '../../shared/canary-marker';
import type { TrailmarkDb } from './db';
import { readMeta, writeMeta } from './meta';

export type CanaryState = 'created' | 'intact' | 'wiped';

const CANARY = 'canary';
const LAST_BACKUP = 'lastBackupAt';

async function plantCanary(db: TrailmarkDb, now: number): Promise<string> {
  const canaryId = crypto.randomUUID();
  await writeMeta(db, CANARY, { id: canaryId, plantedAt: now });
  return canaryId;
}

export async function checkCanary(
  db: TrailmarkDb,
  markers: MarkerStore,
  now = Date.now(),
): Promise<CanaryState> {
  const canary = await readMeta<{ id: string }>(db, CANARY);
  const marker = await markers.get();
  if (canary && marker?.canaryId === canary.id) return 'intact';
  if (canary) {
    // The marker was lost or is stale, the database is whole: name this canary again.
    const lastBackupAt = await readMeta<number>(db, LAST_BACKUP);
    await markers.set({ canaryId: canary.id, wipedAt: marker?.wipedAt ?? null, lastBackupAt });
    return 'intact';
  }
  const canaryId = await plantCanary(db, now);
  if (!marker) {
    await markers.set({ canaryId, wipedAt: null, lastBackupAt: null });
    return 'created';
  }
  await markers.set({ ...marker, canaryId, wipedAt: now });
  return 'wiped';
}

/** Notes a finished backup in the database and beside the marker. */
export async function recordBackup(db: TrailmarkDb, markers: MarkerStore, now = Date.now()) {
  await writeMeta(db, LAST_BACKUP, now);
  const marker = await markers.get();
  if (marker) await markers.set({ ...marker, lastBackupAt: now });
}

export const lastBackupAt = (db: TrailmarkDb): Promise<number | null> =>
  readMeta<number>(db, LAST_BACKUP);

/** The reader has seen the wipe notice. */
export async function dismissWipe(markers: MarkerStore): Promise<void> {
  const marker = await markers.get();
  if (marker) await markers.set({ ...marker, wipedAt: null });
}
