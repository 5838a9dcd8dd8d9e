// A document that points at a record this device does not have waits, hidden, for it. When that
// record is known deleted instead — its tombstone came before, came after, or the delete was
// made here — the document stops waiting: a link made before the highlight was deleted is gone
// with it, and a deleted tag is left off what it tagged. (A link made after the delete is a new
// edit: see couch-delete-rule.test.ts.)
import { describe, expect, it } from 'vitest';
import { createGoal } from '../../../src/storage/records/goals';
import { createHighlight, deleteHighlight } from '../../../src/storage/records/highlights';
import { linkToGoal } from '../../../src/storage/records/links';
import { ensureTag } from '../../../src/storage/records/tags';
import { newHighlight } from '../storage/fixtures';
import { clockPast, newDevice, newLibrary, useServer, sync } from './sync-devices';

const couch = useServer();

const goal = { title: 'Reach staff', why: 'scope', targetDate: null, targetMix: {} };

describe('a document waiting for a deleted record', () => {
  it('is dropped when the delete was made on this device', async () => {
    const settings = await newLibrary(couch);
    const [a, b] = [await newDevice(), await newDevice()];
    const h = await createHighlight(a, newHighlight());
    const g = await createGoal(a, goal);
    await sync(a, settings);
    await sync(b, settings);
    // Apart: B links the highlight to the goal, then A deletes it.
    await linkToGoal(b, g.id, { type: 'highlight', id: h.id }, 'linked on b');
    await clockPast();
    await deleteHighlight(a, h.id);
    await sync(b, settings);
    await sync(a, settings);
    expect(await a.syncParked.count()).toBe(0);
    expect(await a.links.count()).toBe(0);
    // And a second run has nothing left to do.
    expect(await sync(a, settings)).toMatchObject({ sent: 0, received: 0 });
    // B's link goes with the highlight's tombstone instead of staying behind it, pointing at
    // nothing.
    await sync(b, settings);
    expect(await b.highlights.get(h.id)).toBeUndefined();
    expect(await b.links.count()).toBe(0);
    expect(await b.syncParked.count()).toBe(0);
  });

  it('is dropped when the tombstone arrives after it, on a new device', async () => {
    const settings = await newLibrary(couch);
    const [a, b, c] = [await newDevice(), await newDevice(), await newDevice()];
    const h = await createHighlight(a, newHighlight());
    const g = await createGoal(a, goal);
    await sync(a, settings);
    await sync(b, settings);
    await linkToGoal(b, g.id, { type: 'highlight', id: h.id }, 'linked on b');
    await sync(b, settings);
    await clockPast();
    await deleteHighlight(a, h.id);
    await sync(a, settings);
    // One document per batch: the link (written first) comes before the highlight's tombstone.
    await sync(c, settings, { batchSize: 1 });
    expect(await c.syncParked.count()).toBe(0);
    expect(await c.highlights.get(h.id)).toBeUndefined();
    expect(await c.links.count()).toBe(0);
  });

  it('arrives without a tag deleted on this device', async () => {
    const settings = await newLibrary(couch);
    const [a, b] = [await newDevice(), await newDevice()];
    const tag = await ensureTag(a, { id: crypto.randomUUID(), name: 'Mentoring' });
    await sync(a, settings);
    await sync(b, settings);
    const onB = await b.tags.where('nameKey').equals(tag.nameKey).first();
    await b.tags.delete(onB?.id ?? '');
    const h = await createHighlight(
      a,
      newHighlight({ tagIds: [tag.id, 'archetype-solver'], note: 'tagged on a' }),
    );
    await sync(a, settings);
    await sync(b, settings);
    expect(await b.syncParked.count()).toBe(0);
    expect(await b.highlights.get(h.id)).toMatchObject({
      note: 'tagged on a',
      tagIds: ['archetype-solver'],
    });
  });
});
