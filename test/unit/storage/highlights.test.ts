import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import {
  createHighlight,
  deleteHighlight,
  highlightsOfPage,
  recordPlacements,
  updateHighlight,
} from '../../../src/storage/records/highlights';
import { findPageByUrl } from '../../../src/storage/records/pages';
import { seedArchetypes } from '../../../src/storage/records/seed';
import { snapshot } from '../../../src/storage/database/snapshot';
import { newHighlight, URL_A } from './fixtures';
import { freshDb } from './test-db';

let db: TrailmarkDb;
beforeEach(async () => {
  db = freshDb();
  await seedArchetypes(db);
});
afterEach(() => db.delete());

describe('createHighlight', () => {
  it('stores the highlight and creates its page once', async () => {
    const first = await createHighlight(db, newHighlight(), 1000);
    await createHighlight(db, newHighlight(), 2000);
    const page = await findPageByUrl(db, URL_A);
    expect(page).toMatchObject({
      site: 'staffeng.com',
      title: 'Staff archetypes',
      firstVisitAt: 1000,
      lastVisitAt: 2000,
    });
    expect(first).toMatchObject({ pageId: page?.id, quote: 'The Solver digs deep', position: 120 });
    expect(await db.pages.count()).toBe(1);
    expect(await db.highlights.count()).toBe(2);
  });

  it('is idempotent on the sender id, so a resent message never duplicates', async () => {
    const input = newHighlight();
    const first = await createHighlight(db, input, 1000);
    const again = await createHighlight(db, { ...input, note: 'changed on resend' }, 5000);
    expect(again).toEqual(first);
    expect(await db.highlights.count()).toBe(1);
  });

  it('refuses unknown tags and writes nothing', async () => {
    const before = await snapshot(db);
    await expect(createHighlight(db, newHighlight({ tagIds: ['no-such-tag'] }))).rejects.toThrow(
      /unknown tag/,
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it('leaves nothing half-written when the highlight write fails after the page write', async () => {
    const before = await snapshot(db);
    vi.spyOn(db.highlights, 'add').mockRejectedValueOnce(new Error('disk on fire'));
    await expect(createHighlight(db, newHighlight())).rejects.toThrow('disk on fire');
    expect(await snapshot(db)).toEqual(before);
  });

  it('keeps the archetype tags it is given, once each', async () => {
    const h = await createHighlight(
      db,
      newHighlight({ tagIds: ['archetype-solver', 'archetype-solver'] }),
    );
    expect(h.tagIds).toEqual(['archetype-solver']);
  });
});

describe('updateHighlight and deleteHighlight', () => {
  it('changes only what the patch names', async () => {
    const h = await createHighlight(db, newHighlight({ note: 'keep' }), 1000);
    const updated = await updateHighlight(db, h.id, { color: 'blue' }, 3000);
    expect(updated).toEqual({ ...h, color: 'blue', updatedAt: 3000 });
  });

  it('reports a missing highlight', async () => {
    await expect(updateHighlight(db, 'missing', { note: 'x' })).rejects.toThrow(/no highlight/);
  });

  it('deletes the highlight with its goal links', async () => {
    const h = await createHighlight(db, newHighlight());
    await db.links.add({
      id: 'l1',
      goalId: 'g1',
      targetType: 'highlight',
      targetId: h.id,
      pageId: h.pageId,
      note: '',
      createdAt: 1,
      updatedAt: 1,
    });
    expect(await deleteHighlight(db, h.id)).toBe(true);
    expect(await db.highlights.count()).toBe(0);
    expect(await db.links.count()).toBe(0);
    expect(await deleteHighlight(db, h.id)).toBe(false);
  });
});

describe('page order and placement', () => {
  it('lists a page in text order and records orphans', async () => {
    const late = await createHighlight(
      db,
      newHighlight({
        selectors: [
          { type: 'TextQuoteSelector', exact: 'late', prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: 900, end: 904 },
        ],
      }),
    );
    const early = await createHighlight(
      db,
      newHighlight({
        selectors: [
          { type: 'TextQuoteSelector', exact: 'early', prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: 10, end: 15 },
        ],
      }),
    );
    expect((await highlightsOfPage(db, early.pageId)).map((h) => h.id)).toEqual([
      early.id,
      late.id,
    ]);

    const changed = await recordPlacements(db, URL_A, [
      { id: late.id, status: 'orphan', position: 0 },
      { id: early.id, status: 'anchored', position: 12 },
      { id: 'unknown', status: 'anchored', position: 1 },
    ]);
    expect(changed).toBe(2);
    expect(await db.highlights.get(late.id)).toMatchObject({
      anchorStatus: 'orphan',
      position: 900,
    });
    expect(await db.highlights.get(early.id)).toMatchObject({
      anchorStatus: 'anchored',
      position: 12,
    });
  });
});
