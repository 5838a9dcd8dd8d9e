// The delete rule across devices: a delete takes with it what points at the deleted record, if
// that was made or edited before the delete; what was made or edited after it is a new edit,
// which brings the deleted record back, on every device and whichever device syncs first. No
// record is left pointing at nothing, and nothing waits forever.
import { describe, expect, it } from 'vitest';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import { createGoal } from '../../../src/storage/records/goals';
import {
  createHighlight,
  deleteHighlight,
  type HighlightPatch,
  updateHighlight,
} from '../../../src/storage/records/highlights';
import { linkToGoal, setLinkNote, unlinkFromGoal } from '../../../src/storage/records/links';
import { answerReview } from '../../../src/storage/records/resurfacing';
import { removeHighlight, restoreHighlight } from '../../../src/storage/search/library';
import { newHighlight, URL_A } from '../storage/fixtures';
import {
  clockPast,
  library,
  newDevice,
  newLibrary,
  useServer,
  sync,
  syncAll,
} from './sync-devices';

const couch = useServer();

const goal = { title: 'Reach staff', why: 'scope', targetDate: null, targetMix: {} };

/** Deletes a page with its highlights, as a delete of a page would (the app has none yet). */
async function deletePage(db: TrailmarkDb, url: string): Promise<void> {
  await db.transaction('rw', [db.pages, db.highlights, db.links, db.reviews], async () => {
    const page = await db.pages.where('url').equals(url).first();
    if (!page) throw new Error(`no page ${url}`);
    for (const h of await db.highlights.toArray()) {
      if (h.pageId === page.id) await deleteHighlight(db, h.id);
    }
    await db.links.where({ pageId: page.id }).delete();
    await db.pages.delete(page.id);
  });
}

/** Nothing points at a record the device does not have, and nothing waits. */
async function whole(db: TrailmarkDb) {
  const pages = new Set((await db.pages.toArray()).map((p) => p.id));
  const highlights = await db.highlights.toArray();
  const ids = new Set(highlights.map((h) => h.id));
  expect(highlights.filter((h) => !pages.has(h.pageId))).toEqual([]);
  const links = await db.links.toArray();
  expect(links.filter((l) => !pages.has(l.pageId))).toEqual([]);
  expect(links.filter((l) => l.targetType === 'highlight' && !ids.has(l.targetId))).toEqual([]);
  expect(await db.syncParked.count()).toBe(0);
}

const noteOf = async (db: TrailmarkDb, id: string) => (await db.highlights.get(id))?.note;

describe('a page deleted on one device while the other made highlights on it afterwards', () => {
  for (const first of ['the deleting device', 'the highlighting device'] as const) {
    it(`comes back with the new highlights only, when ${first} syncs first`, async () => {
      const settings = await newLibrary(couch);
      const [a, b] = [await newDevice(), await newDevice()];
      const old = await createHighlight(a, newHighlight({ note: 'made before' }));
      await syncAll(settings, [a, b]);
      await deletePage(a, URL_A);
      await clockPast();
      const made = await createHighlight(b, newHighlight({ note: 'made after the delete' }));
      const order = first === 'the deleting device' ? [a, b] : [b, a];
      await syncAll(settings, order);
      await syncAll(settings, order);
      for (const db of [a, b]) {
        expect(await db.pages.where('url').equals(URL_A).count()).toBe(1);
        expect(await noteOf(db, made.id)).toBe('made after the delete');
        // The delete still wins over what was made before it.
        expect(await db.highlights.get(old.id)).toBeUndefined();
        await whole(db);
      }
      expect(await library(b)).toEqual(await library(a));
    });
  }

  it('stays deleted with its highlights when they were last edited before the delete', async () => {
    const settings = await newLibrary(couch);
    const [a, b] = [await newDevice(), await newDevice()];
    const h = await createHighlight(a, newHighlight());
    await syncAll(settings, [a, b]);
    await updateHighlight(b, h.id, { note: 'edited before the delete' });
    await clockPast();
    await deletePage(a, URL_A);
    await syncAll(settings, [b, a]);
    for (const db of [a, b]) {
      expect(await db.pages.count()).toBe(0);
      expect(await db.highlights.count()).toBe(0);
      await whole(db);
    }
  });

  it('keeps a highlight edited after the delete on every device, a third one included', async () => {
    const settings = await newLibrary(couch);
    const [a, b, c] = [await newDevice(), await newDevice(), await newDevice()];
    const kept = await createHighlight(a, newHighlight());
    const old = await createHighlight(a, newHighlight());
    await syncAll(settings, [a, b]);
    await deletePage(a, URL_A);
    await clockPast();
    await updateHighlight(b, kept.id, { note: 'edited after the delete' });
    await syncAll(settings, [a, b]);
    await sync(c, settings, { batchSize: 1 });
    for (const db of [a, b, c]) {
      expect(await noteOf(db, kept.id)).toBe('edited after the delete');
      expect(await db.highlights.get(old.id)).toBeUndefined();
      await whole(db);
    }
    expect(await library(c)).toEqual(await library(a));
  });
});

describe('a highlight deleted on one device while the other linked or reviewed it', () => {
  it('comes back with a link made after the delete, on both devices', async () => {
    const settings = await newLibrary(couch);
    const [a, b] = [await newDevice(), await newDevice()];
    const h = await createHighlight(a, newHighlight());
    const g = await createGoal(a, goal);
    await syncAll(settings, [a, b]);
    await deleteHighlight(a, h.id);
    await clockPast();
    await linkToGoal(b, g.id, { type: 'highlight', id: h.id }, 'linked after the delete');
    await syncAll(settings, [b, a]);
    await syncAll(settings, [b, a]);
    for (const db of [a, b]) {
      expect(await db.highlights.get(h.id)).toBeDefined();
      expect(await db.links.toArray()).toMatchObject([{ note: 'linked after the delete' }]);
      await whole(db);
    }
    expect(await library(b)).toEqual(await library(a));
  });

  it('comes back with its schedule when it is reviewed after the delete', async () => {
    const settings = await newLibrary(couch);
    const [a, b] = [await newDevice(), await newDevice()];
    const h = await createHighlight(a, newHighlight());
    await syncAll(settings, [a, b]);
    await deleteHighlight(a, h.id);
    await clockPast();
    await answerReview(b, h.id, 'good');
    await syncAll(settings, [a, b]);
    await syncAll(settings, [a, b]);
    for (const db of [a, b]) {
      expect(await db.highlights.get(h.id)).toBeDefined();
      expect(await db.reviews.get(h.id)).toEqual(await b.reviews.get(h.id));
      await whole(db);
    }
  });

  it('no device waits forever for it when one kept a link edited after the delete and another edits it later', async () => {
    const settings = await newLibrary(couch);
    const [a, b, c] = [await newDevice(), await newDevice(), await newDevice()];
    const h = await createHighlight(a, newHighlight());
    const g = await createGoal(a, goal);
    const link = await linkToGoal(a, g.id, { type: 'highlight', id: h.id }, 'first');
    await syncAll(settings, [a, b, c]);
    await deleteHighlight(a, h.id);
    await clockPast();
    await setLinkNote(b, link.id, 'edited on b after the delete');
    await clockPast();
    await setLinkNote(c, link.id, 'edited on c, later still');
    await syncAll(settings, [a, b, c]);
    await syncAll(settings, [a, b, c]);
    for (const db of [a, b, c]) {
      expect(await db.highlights.get(h.id)).toBeDefined();
      expect(await db.links.toArray()).toMatchObject([{ note: 'edited on c, later still' }]);
      await whole(db);
    }
  });

  it('a link waiting for the highlight to come back stops waiting once the link is taken away', async () => {
    const settings = await newLibrary(couch);
    const [a, b] = [await newDevice(), await newDevice()];
    const h = await createHighlight(a, newHighlight());
    const g = await createGoal(a, goal);
    await syncAll(settings, [a, b]);
    await deleteHighlight(a, h.id);
    await clockPast();
    await linkToGoal(b, g.id, { type: 'highlight', id: h.id }, 'linked after the delete');
    await sync(b, settings);
    await sync(a, settings);
    expect(await a.syncParked.count()).toBe(1);
    // B takes the link away again before it hears of A's delete.
    await clockPast();
    await unlinkFromGoal(b, g.id, h.id);
    await syncAll(settings, [b, a]);
    for (const db of [a, b]) {
      expect(await db.highlights.get(h.id)).toBeUndefined();
      expect(await db.links.count()).toBe(0);
      await whole(db);
    }
  });

  it('a link waiting for a highlight deleted here attaches when the reader undoes the delete', async () => {
    const settings = await newLibrary(couch);
    const [a, b] = [await newDevice(), await newDevice()];
    const h = await createHighlight(a, newHighlight());
    const g = await createGoal(a, goal);
    await syncAll(settings, [a, b]);
    const removed = await removeHighlight(a, h.id);
    await clockPast();
    await linkToGoal(b, g.id, { type: 'highlight', id: h.id }, 'linked after the delete');
    await sync(b, settings);
    await sync(a, settings);
    // The link waits, hidden, for the highlight to come back.
    expect(await a.links.count()).toBe(0);
    expect(await a.syncParked.count()).toBe(1);
    await restoreHighlight(a, removed ?? (null as never));
    await sync(a, settings);
    expect(await a.links.toArray()).toMatchObject([{ note: 'linked after the delete' }]);
    await whole(a);
    await syncAll(settings, [b, a]);
    expect(await library(b)).toEqual(await library(a));
  });
});

describe('a record brought back after its delete, while a third device edited it', () => {
  // A deletes; C, not yet told, edits a field; B, not yet told either, links the highlight to a
  // goal, then hears of the delete first and brings the record back. C's edit came after the
  // delete too, so it must survive the revival: only the record's coming back is new there.
  async function revivedWhileEdited(
    remove: (a: TrailmarkDb, id: string) => Promise<unknown>,
    edit: HighlightPatch,
  ) {
    const settings = await newLibrary(couch);
    const devices = [await newDevice(), await newDevice(), await newDevice()];
    const [a, b, c] = devices as [TrailmarkDb, TrailmarkDb, TrailmarkDb];
    const h = await createHighlight(a, newHighlight({ color: 'yellow', note: 'first' }));
    const g = await createGoal(a, goal);
    await syncAll(settings, [a, b, c]);
    await remove(a, h.id);
    await sync(a, settings);
    await clockPast();
    await updateHighlight(c, h.id, edit);
    await clockPast();
    await linkToGoal(b, g.id, { type: 'highlight', id: h.id }, 'linked after the delete');
    await sync(b, settings);
    await syncAll(settings, [c, a, b]);
    for (const db of devices) {
      expect(await db.highlights.get(h.id)).toMatchObject(edit);
      expect(await db.links.toArray()).toMatchObject([{ note: 'linked after the delete' }]);
      await whole(db);
    }
    expect(await library(b)).toEqual(await library(a));
    expect(await library(c)).toEqual(await library(a));
  }

  it('keeps the third device’s edit of a highlight B brought back with a link', async () => {
    await revivedWhileEdited((db, id) => deleteHighlight(db, id), { color: 'blue' });
  });

  it('keeps the third device’s note on a highlight kept when its page came back', async () => {
    await revivedWhileEdited((db) => deletePage(db, URL_A), {
      note: 'written on c after the delete',
    });
  });
});
