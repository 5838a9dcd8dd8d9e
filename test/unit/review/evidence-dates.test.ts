// A whole article linked to a goal is dated when it was linked: reading it again (a visit, more
// reading time) must neither move it in the goal's "oldest first" evidence nor redate it in the
// evidence pack.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import { exportEvidencePack } from '../../../src/storage/backup/export-markdown';
import { evidenceOf } from '../../../src/storage/records/evidence';
import { linkToGoal } from '../../../src/storage/records/links';
import { recordReading, touchPage } from '../../../src/storage/records/pages';
import { fillLibrary, pages, T0 } from '../export/library-fixture';
import { freshDb } from '../storage/test-db';

process.env.TZ = 'UTC';
const DAY = 24 * 3600e3;
const [archetypes, packet] = pages as [(typeof pages)[0], (typeof pages)[0]];

let db: TrailmarkDb;
beforeEach(async () => {
  db = freshDb();
  await fillLibrary(db);
  // The fixture links the packet article on day 5; the archetypes article is linked on day 6.
  await linkToGoal(db, 'goal-staff', { type: 'page', id: archetypes.id }, '', T0 + 6 * DAY);
});
afterEach(() => db.delete());

const order = async () =>
  (await evidenceOf(db, 'goal-staff')).map((i) => [i.link.targetId, i.datedAt]);

describe('evidence dates', () => {
  it('dates a linked article by its link, not by its visits', async () => {
    expect(await order()).toEqual([
      ['h-solver', T0 + 3600e3],
      [packet.id, T0 + 5 * DAY],
      [archetypes.id, T0 + 6 * DAY],
    ]);
  });

  it('keeps the order and the dates when a linked article is visited and read again', async () => {
    const ids = async () => (await order()).map(([id]) => id);
    const before = await ids();
    const { url, title } = archetypes;
    await db.transaction('rw', db.pages, () => touchPage(db, url, title, T0 + 9 * DAY));
    await recordReading(db, { url, title, activeMs: 60_000, maxScroll: 1 }, T0 + 9 * DAY);
    expect((await db.pages.get(archetypes.id))?.lastVisitAt).toBe(T0 + 9 * DAY);
    expect(await ids()).toEqual(before);
    expect(await order()).toContainEqual([archetypes.id, T0 + 6 * DAY]);
  });

  it('keeps the evidence pack’s date of a re-read article', async () => {
    // A note makes the packet evidence (an article linked bare is listed as read, undated).
    await db.links.update('link-2', { note: 'The shape of a packet' });
    await recordReading(
      db,
      { url: packet.url, title: packet.title, activeMs: 60_000, maxScroll: 1 },
      T0 + 9 * DAY,
    );
    const lines = (await exportEvidencePack(db, { goalIds: ['goal-staff'], now: T0 + 10 * DAY }))
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('### ') || /^_\d{4}-/.test(line));
    // Each article once, dated by its first evidence: the archetypes article by its highlight.
    expect(lines).toEqual([
      '### [Staff archetypes](https://staffeng.com/guides/staff-archetypes)',
      '_2026-06-01_',
      expect.stringMatching(/^### \[Writing a promotion packet/),
      '_2026-06-06_',
    ]);
  });
});
