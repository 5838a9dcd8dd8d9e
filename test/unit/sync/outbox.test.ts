// The outbox is written by the same transaction as the change it records.
import { afterEach, describe, expect, it } from 'vitest';
import {
  createHighlight,
  deleteHighlight,
  updateHighlight,
} from '../../../src/storage/records/highlights';
import { recordPlacements } from '../../../src/storage/records/highlights';
import { pendingChanges } from '../../../src/storage/sync/pending';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import { freshDb } from '../storage/test-db';
import { newHighlight, URL_A } from '../storage/fixtures';

let db: TrailmarkDb;
afterEach(async () => {
  await db.delete();
});

const keys = async () => (await db.outbox.toCollection().primaryKeys()).sort();

describe('the outbox', () => {
  it('queues a new highlight and its page in the transaction that made them', async () => {
    db = freshDb();
    const h = await createHighlight(db, newHighlight());
    expect(await keys()).toEqual([`highlights:${h.id}`, `pages:${URL_A}`]);
    expect(await pendingChanges(db)).toBe(2);
    const clock = await db.syncClocks.get(`highlights:${h.id}`);
    expect(clock?.clock.base).toMatch(/^\d{15}-/);
  });

  it('keeps no outbox row or stamp from a transaction that failed', async () => {
    db = freshDb();
    const input = newHighlight();
    await expect(
      db.transaction('rw', [db.pages, db.highlights, db.tags], async () => {
        await createHighlight(db, input);
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await pendingChanges(db)).toBe(0);
    expect(await db.syncClocks.count()).toBe(0);
    expect(await db.highlights.count()).toBe(0);
  });

  it('stamps only the fields an edit changed, and a delete as a tombstone', async () => {
    db = freshDb();
    const h = await createHighlight(db, newHighlight());
    const key = `highlights:${h.id}`;
    const before = await db.syncClocks.get(key);
    await updateHighlight(db, h.id, { note: 'why this matters' });
    const after = await db.syncClocks.get(key);
    expect(Object.keys(after?.clock.fields ?? {}).sort()).toEqual(['note']);
    expect(after?.clock.base).toBe(before?.clock.base);
    await deleteHighlight(db, h.id);
    expect((await db.syncClocks.get(key))?.deleted).toBeDefined();
    expect(await keys()).toContain(key);
  });

  it('does not queue a change to device-local state (where a highlight was found)', async () => {
    db = freshDb();
    const h = await createHighlight(db, newHighlight());
    await db.outbox.clear();
    await recordPlacements(db, URL_A, [{ id: h.id, status: 'orphan', position: h.position }]);
    expect((await db.highlights.get(h.id))?.anchorStatus).toBe('orphan');
    expect(await pendingChanges(db)).toBe(0);
  });
});
