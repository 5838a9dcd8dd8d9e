import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CanaryMarker, MarkerStore } from '../../../src/shared/canary-marker';
import {
  checkCanary,
  dismissWipe,
  lastBackupAt,
  recordBackup,
} from '../../../src/storage/database/canary';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import { freshDb } from './test-db';

/** The marker store the extension keeps in browser.storage.local, here in memory. */
function memoryMarkers(): MarkerStore & { value: CanaryMarker | null } {
  const store = {
    value: null as CanaryMarker | null,
    get: async () => store.value,
    set: async (marker: CanaryMarker) => void (store.value = marker),
  };
  return store;
}

let db: TrailmarkDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.delete());

describe('eviction canary', () => {
  it('is planted on first run, then found intact', async () => {
    const markers = memoryMarkers();
    expect(await checkCanary(db, markers)).toBe('created');
    expect(await checkCanary(db, markers)).toBe('intact');
    expect(markers.value?.wipedAt).toBeNull();
  });

  it('notices a database wiped behind the reader’s back, and remembers the last backup', async () => {
    const markers = memoryMarkers();
    await checkCanary(db, markers, 1000);
    await recordBackup(db, markers, 2000);
    await db.delete();
    db = freshDb(undefined, db.name);
    expect(await checkCanary(db, markers, 3000)).toBe('wiped');
    expect(markers.value).toMatchObject({ wipedAt: 3000, lastBackupAt: 2000 });
    expect(await checkCanary(db, markers, 4000)).toBe('intact');
    expect(markers.value?.wipedAt).toBe(3000);
    await dismissWipe(markers);
    expect(markers.value?.wipedAt).toBeNull();
  });

  it('re-creates a lost marker from an intact database without crying wolf', async () => {
    const markers = memoryMarkers();
    await checkCanary(db, markers);
    await recordBackup(db, markers, 5000);
    markers.value = null;
    expect(await checkCanary(db, markers)).toBe('intact');
    expect(markers.value).toMatchObject({ wipedAt: null, lastBackupAt: 5000 });
    expect(await lastBackupAt(db)).toBe(5000);
  });
});
