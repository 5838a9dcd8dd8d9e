// A tag the reader marks private never leaves in an export: not in the evidence pack (its goals
// nor its other reading), not in the 1:1 brief, not in the W3C Web Annotations. The JSON backup
// keeps it, flag included, since a backup is the reader's own copy of everything. Each check is
// also run with the flag off, so it is known to see the name when it is there to see.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import { briefMarkdown } from '../../../src/storage/backup/brief-data';
import { exportAnnotations } from '../../../src/storage/backup/export-annotations';
import { exportBackup } from '../../../src/storage/backup/backup-export';
import { importBackup } from '../../../src/storage/backup/backup-import';
import { exportEvidencePack } from '../../../src/storage/backup/export-markdown';
import { setTagPrivate } from '../../../src/storage/records/tags';
import { freshDb } from '../storage/test-db';
import { fillLibrary, privateTag, T0 } from './library-fixture';

process.env.TZ = 'UTC';

const NAME = privateTag.name;

let db: TrailmarkDb;
beforeEach(async () => {
  db = freshDb();
  await fillLibrary(db);
  await db.tags.put(privateTag);
  // On a quote linked to the goal, and on one of the other reading.
  for (const id of ['h-solver', 'h-lead']) {
    await db.highlights.update(id, (h) => {
      h.tagIds.push(privateTag.id);
    });
  }
});
afterEach(() => db.delete());

const exports = {
  'evidence pack': async () =>
    (
      await exportEvidencePack(db, {
        goalIds: ['goal-staff', 'goal-done'],
        includeOtherReading: true,
        now: T0,
      })
    ).join(''),
  '1:1 brief': () => briefMarkdown(db, 'goal-staff', T0),
  'W3C Web Annotations': async () => (await exportAnnotations(db, { now: T0 })).join(''),
};

describe.each(Object.entries(exports))('the %s', (_, write) => {
  it('never names a private tag', async () => {
    expect(await write()).not.toContain(NAME);
  });

  it('names the same tag once it is no longer private', async () => {
    await setTagPrivate(db, privateTag.id, false);
    expect(await write()).toContain(NAME);
  });
});

describe('the JSON backup', () => {
  it('keeps the private tag and its flag, so a restore gives it back as it was', async () => {
    const backup = JSON.parse((await exportBackup(db, { now: T0 })).join(''));
    const tag = backup.tags.find((t: { id: string }) => t.id === privateTag.id);
    expect(tag).toMatchObject({ name: NAME, private: true });
  });

  it('gives the flag back on import, with the goal’s check-ins and questions', async () => {
    const target = freshDb();
    try {
      await importBackup(target, new Blob(await exportBackup(db, { now: T0 })));
      expect((await target.tags.get(privateTag.id))?.private).toBe(true);
      const goal = await target.goals.get('goal-staff');
      expect(goal?.checkIns).toEqual((await db.goals.get('goal-staff'))?.checkIns);
      expect(goal?.questions?.[0]?.text).toBe('Which project needs a Tech Lead?');
    } finally {
      await target.delete();
    }
  });
});
