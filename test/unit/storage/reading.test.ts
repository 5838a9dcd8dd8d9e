// Reading time is stored only for pages the reader saved something on: a highlight, a tag, or
// "track this page". Every other report is dropped without writing anything.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import { createHighlight } from '../../../src/storage/records/highlights';
import { findPageByUrl, newPage, recordReading } from '../../../src/storage/records/pages';
import { seedArchetypes } from '../../../src/storage/records/seed';
import { snapshot } from '../../../src/storage/database/snapshot';
import { listTags } from '../../../src/storage/records/tags';
import type { PageRecord } from '../../../src/shared/types';
import { newHighlight, URL_A } from './fixtures';
import { freshDb } from './test-db';

let db: TrailmarkDb;
beforeEach(async () => {
  db = freshDb();
  await seedArchetypes(db);
});
afterEach(() => db.delete());

const report = (activeMs: number, maxScroll: number) => ({
  url: URL_A,
  title: 'Staff archetypes',
  activeMs,
  maxScroll,
});

async function addPage(fields: Partial<PageRecord> = {}): Promise<void> {
  await db.pages.add({ ...newPage(URL_A, 'Staff archetypes', 1000), ...fields });
}

describe('recordReading', () => {
  it('adds time and keeps the furthest scroll on a tracked page', async () => {
    await addPage({ tracked: true });
    expect(await recordReading(db, report(30_000, 0.6), 5000)).toBe(true);
    expect(await recordReading(db, report(12_000, 0.4), 9000)).toBe(true);
    expect(await findPageByUrl(db, URL_A)).toMatchObject({
      readingMs: 42_000,
      maxScroll: 0.6,
      lastVisitAt: 9000,
      updatedAt: 9000,
    });
  });

  it('records on a tagged page', async () => {
    const [tag] = await listTags(db);
    await addPage({ tagIds: [tag?.id ?? ''] });
    expect(await recordReading(db, report(20_000, 0.5))).toBe(true);
    expect(await findPageByUrl(db, URL_A)).toMatchObject({ readingMs: 20_000, maxScroll: 0.5 });
  });

  it('records on a page with highlights', async () => {
    await createHighlight(db, newHighlight(), 1000);
    expect(await recordReading(db, report(15_000, 0.3))).toBe(true);
    expect(await findPageByUrl(db, URL_A)).toMatchObject({ readingMs: 15_000, maxScroll: 0.3 });
  });

  it('writes nothing for a page with a record but nothing saved on it', async () => {
    await addPage();
    const before = await snapshot(db);
    expect(await recordReading(db, report(30_000, 1))).toBe(false);
    expect(await snapshot(db)).toEqual(before);
  });

  it('writes nothing, and creates no page, for a page without a record', async () => {
    const before = await snapshot(db);
    expect(await recordReading(db, report(30_000, 1))).toBe(false);
    expect(await snapshot(db)).toEqual(before);
    expect(await db.pages.count()).toBe(0);
  });
});
