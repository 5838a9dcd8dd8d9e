// Devices syncing through a real CouchDB-compatible server: what each reader made arrives
// intact, concurrent edits merge as the issue asks, and the same article or tag made on two
// devices ends as one.
import { describe, expect, it } from 'vitest';
import {
  createHighlight,
  deleteHighlight,
  updateHighlight,
} from '../../../src/storage/records/highlights';
import { ensureTag } from '../../../src/storage/records/tags';
import { createGoal } from '../../../src/storage/records/goals';
import { linkToGoal } from '../../../src/storage/records/links';
import { recordReading } from '../../../src/storage/records/pages';
import { setPageTag } from '../../../src/storage/records/page-edits';
import { answerReview } from '../../../src/storage/records/resurfacing';
import { pendingChanges } from '../../../src/storage/sync/pending';
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

describe('sync between two devices', () => {
  it('brings a highlight with its tag, note, goal, mix, link note and schedule to a new device', async () => {
    const settings = await newLibrary(couch);
    const [a, b] = [await newDevice(), await newDevice()];
    const tag = await ensureTag(a, { id: crypto.randomUUID(), name: 'Mentoring' });
    const h = await createHighlight(
      a,
      newHighlight({ tagIds: [tag.id, 'archetype-solver'], note: 'keep this' }),
    );
    const goal = await createGoal(a, {
      title: 'Reach staff',
      why: 'scope',
      targetDate: null,
      targetMix: { 'archetype-solver': 60, 'archetype-architect': 40 },
    });
    await linkToGoal(a, goal.id, { type: 'highlight', id: h.id }, 'shows depth');
    await answerReview(a, h.id, 'good');

    const first = await sync(a, settings);
    expect(first.sent).toBeGreaterThanOrEqual(6);
    expect(await pendingChanges(a)).toBe(0);
    const second = await sync(b, settings);
    expect(second.received).toBeGreaterThanOrEqual(6);

    expect(await library(b)).toEqual(await library(a));
    expect(await b.reviews.get(h.id)).toEqual(await a.reviews.get(h.id));
    expect((await b.highlights.get(h.id))?.anchorStatus).toBe('unknown');
    // Nothing bounces back: B's apply queued nothing, and a second run moves nothing.
    expect(await pendingChanges(b)).toBe(0);
    expect(await sync(a, settings)).toMatchObject({ sent: 0, received: 0 });
  });

  it('keeps concurrent edits to different fields of one highlight from both devices', async () => {
    const settings = await newLibrary(couch);
    const [a, b] = [await newDevice(), await newDevice()];
    const h = await createHighlight(a, newHighlight());
    await syncAll(settings, [a, b]);
    await updateHighlight(a, h.id, { note: 'from the laptop' });
    await updateHighlight(b, h.id, { color: 'blue' });
    await syncAll(settings, [a, b]);
    for (const db of [a, b]) {
      expect(await db.highlights.get(h.id)).toMatchObject({
        note: 'from the laptop',
        color: 'blue',
      });
    }
  });

  it('keeps tags added on both devices, and a removal on either, in one highlight’s tag set', async () => {
    const settings = await newLibrary(couch);
    const [a, b] = [await newDevice(), await newDevice()];
    const h = await createHighlight(
      a,
      newHighlight({ tagIds: ['archetype-solver', 'archetype-architect'] }),
    );
    await syncAll(settings, [a, b]);
    const mentoring = await ensureTag(a, { id: crypto.randomUUID(), name: 'Mentoring' });
    await updateHighlight(a, h.id, {
      tagIds: ['archetype-solver', 'archetype-architect', mentoring.id],
    });
    await clockPast();
    const scope = await ensureTag(b, { id: crypto.randomUUID(), name: 'Scope' });
    await updateHighlight(b, h.id, { tagIds: ['archetype-solver', scope.id] });
    await syncAll(settings, [a, b]);
    const names = async (db: typeof a) => {
      const ids = (await db.highlights.get(h.id))?.tagIds ?? [];
      return (await db.tags.bulkGet(ids)).map((t) => t?.nameKey).sort();
    };
    for (const db of [a, b]) {
      expect(await names(db)).toEqual(['mentoring', 'scope', 'solver']);
    }
    expect(await library(b)).toEqual(await library(a));
  });

  it('keeps the tags each device gave the same article before they ever synced', async () => {
    const settings = await newLibrary(couch);
    const [a, b] = [await newDevice(), await newDevice()];
    const page = { url: URL_A, title: 'Staff archetypes' };
    const mentoring = await ensureTag(a, { id: crypto.randomUUID(), name: 'Mentoring' });
    await setPageTag(a, page, mentoring.id, true);
    await setPageTag(a, page, 'archetype-solver', true);
    await clockPast();
    const scope = await ensureTag(b, { id: crypto.randomUUID(), name: 'Scope' });
    await setPageTag(b, page, scope.id, true);
    // No version shared: the later set alone would drop A's tags.
    await syncAll(settings, [a, b]);
    for (const db of [a, b]) {
      const [found] = await db.pages.toArray();
      const names = (await db.tags.bulkGet(found?.tagIds ?? [])).map((t) => t?.nameKey).sort();
      expect(names).toEqual(['mentoring', 'scope', 'solver']);
    }
    expect(await library(b)).toEqual(await library(a));
    // Once shared, a removal on one device goes everywhere.
    await setPageTag(b, page, mentoring.id, false);
    await syncAll(settings, [a, b]);
    for (const db of [a, b]) expect((await db.pages.toArray())[0]?.tagIds).toHaveLength(2);
  });

  it('lets the later edit of the same field win on every device', async () => {
    const settings = await newLibrary(couch);
    const [a, b] = [await newDevice(), await newDevice()];
    const h = await createHighlight(a, newHighlight());
    await syncAll(settings, [a, b]);
    await updateHighlight(b, h.id, { note: 'earlier' });
    await clockPast();
    await updateHighlight(a, h.id, { note: 'later' });
    // The earlier edit reaches A after A's own later one was made: it must still lose.
    await sync(b, settings);
    await sync(a, settings);
    await sync(b, settings);
    for (const db of [a, b]) expect((await db.highlights.get(h.id))?.note).toBe('later');
  });

  it('deletes everywhere a highlight deleted after an edit made on the other device', async () => {
    const settings = await newLibrary(couch);
    const [a, b] = [await newDevice(), await newDevice()];
    const h = await createHighlight(a, newHighlight());
    await syncAll(settings, [a, b]);
    await updateHighlight(a, h.id, { note: 'an edit before the delete' });
    await clockPast();
    await deleteHighlight(b, h.id);
    await syncAll(settings, [a, b]);
    for (const db of [a, b]) expect(await db.highlights.get(h.id)).toBeUndefined();
  });

  it('makes one page and one tag of the same article and tag name saved on both devices', async () => {
    const settings = await newLibrary(couch);
    const [a, b] = [await newDevice(), await newDevice()];
    const tagA = await ensureTag(a, { id: crypto.randomUUID(), name: 'Mentoring' });
    const tagB = await ensureTag(b, { id: crypto.randomUUID(), name: 'mentoring' });
    await createHighlight(a, newHighlight({ tagIds: [tagA.id] }));
    await createHighlight(
      b,
      newHighlight({
        url: `${URL_A}?utm_source=feed`.replace('?utm_source=feed', ''),
        tagIds: [tagB.id],
      }),
    );
    await recordReading(a, {
      url: URL_A,
      title: 'Staff archetypes',
      activeMs: 60_000,
      maxScroll: 0.3,
    });
    await recordReading(b, {
      url: URL_A,
      title: 'Staff archetypes',
      activeMs: 30_000,
      maxScroll: 0.7,
    });
    await syncAll(settings, [a, b]);
    for (const db of [a, b]) {
      const pages = await db.pages.toArray();
      expect(pages).toHaveLength(1);
      expect(pages[0]).toMatchObject({ url: URL_A, readingMs: 90_000, maxScroll: 0.7 });
      expect(await db.highlights.where({ pageId: pages[0]?.id }).count()).toBe(2);
      expect(await db.tags.where({ nameKey: 'mentoring' }).count()).toBe(1);
    }
    expect(await library(b)).toEqual(await library(a));
    // Reading more on one device adds to the sum instead of replacing it.
    await recordReading(b, {
      url: URL_A,
      title: 'Staff archetypes',
      activeMs: 10_000,
      maxScroll: 0.7,
    });
    await syncAll(settings, [a, b]);
    for (const db of [a, b]) expect((await db.pages.toArray())[0]?.readingMs).toBe(100_000);
  });
});
