import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HighlightRecord, PageRecord } from '../../../src/shared/types';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import { exportBackup } from '../../../src/storage/backup/backup-export';
import { ImportError, importBackup } from '../../../src/storage/backup/backup-import';
import { catchUpIndex, indexStep } from '../../../src/storage/search/index-catch-up';
import { INDEX_PENDING_KEY, pendingIndex } from '../../../src/storage/search/index-pending';
import { searchLibrary } from '../../../src/storage/search/search';
import { records } from '../../../src/storage/database/snapshot';
import { setLinkNote } from '../../../src/storage/records/links';
import { seedArchetypes } from '../../../src/storage/records/seed';
import { freshDb } from '../storage/test-db';
import { DAY, everything, fillLibrary, highlights, pages, T0 } from './library-fixture';

let source: TrailmarkDb;
let target: TrailmarkDb;
beforeEach(async () => {
  source = freshDb();
  target = freshDb();
  await fillLibrary(source);
});
afterEach(async () => {
  await source.delete();
  await target.delete();
});

const backupOf = async (db: TrailmarkDb) => new Blob(await exportBackup(db, { now: T0 }));
const textOf = async (db: TrailmarkDb) => (await exportBackup(db, { now: T0 })).join('');

describe('export → wipe → import', () => {
  it('gives back exactly the same records, one by one', async () => {
    const file = await backupOf(source);
    const summary = await importBackup(target, file);
    expect(await everything(target)).toEqual(await everything(source));
    expect(summary.read).toEqual({
      tags: 5,
      goals: 2,
      pages: 2,
      highlights: 3,
      links: 2,
      reviews: 1,
    });
    expect(summary.added).toBe(15);
    // The import leaves search indexing for afterwards, and says so.
    expect(await pendingIndex(target)).toMatchObject({ phase: 'pages', total: 3 });
    expect((await searchLibrary(target, 'gnarly')).total).toBe(0);
    await catchUpIndex(target);
    expect(await pendingIndex(target)).toBeNull();
    expect((await searchLibrary(target, 'gnarly')).total).toBe(1);
  });

  it('catches the search index up a batch at a time, resuming where it stopped', async () => {
    await importBackup(target, await backupOf(source));
    // One record per step: a step per page and one that finds no more, then the highlights.
    const states = [];
    for (let state = await indexStep(target, 1); state; state = await indexStep(target, 1)) {
      states.push(`${state.phase} ${state.done}`);
      if (states.length === 4) break;
    }
    expect(states).toEqual(['pages 0', 'pages 0', 'highlights 0', 'highlights 1']);
    // Another context carries on from the stored state and builds what writing them would have.
    await catchUpIndex(target);
    const rows = (db: TrailmarkDb) =>
      Promise.all([db.highlightWords.toArray(), db.pageWords.toArray()]);
    expect(await rows(target)).toEqual(await rows(source));
    expect(await target.meta.get(INDEX_PENDING_KEY)).toBeUndefined();
  });

  it('writes valid JSON that a second import reads the same', async () => {
    const parsed = JSON.parse(await textOf(source));
    expect(parsed).toMatchObject({ format: 'trailmark-backup', version: 2, exportedAt: T0 });
    expect(parsed.highlights).toHaveLength(3);
  });

  it('adds nothing when the same file is imported twice', async () => {
    const file = await backupOf(source);
    await importBackup(target, file);
    const once = await everything(target);
    const again = await importBackup(target, file);
    expect(again.added).toBe(0);
    expect(again.updated).toBe(0);
    expect(await everything(target)).toEqual(once);
  });

  it('stores a tag named twice on one record once', async () => {
    const text = (await textOf(source)).replace(
      '"tagIds":["archetype-solver"]',
      '"tagIds":["archetype-solver","archetype-solver"]',
    );
    expect(text).toContain('"archetype-solver","archetype-solver"');
    await importBackup(target, new Blob([text]));
    expect((await target.highlights.get('h-solver'))?.tagIds).toEqual(['archetype-solver']);
  });

  it('keeps the newer version of a record and maps a known URL onto the stored page', async () => {
    const file = await backupOf(source);
    await target.pages.put({ ...(pages[0] as PageRecord), id: 'mine', updatedAt: 1 });
    await target.highlights.put({
      ...(highlights[0] as HighlightRecord),
      pageId: 'mine',
      note: 'newer',
      updatedAt: T0 * 2,
    });
    const summary = await importBackup(target, file);
    expect(await target.pages.count()).toBe(2);
    expect((await target.highlights.get('h-solver'))?.note).toBe('newer');
    expect((await target.highlights.get('h-lead'))?.pageId).toBe('mine');
    expect((await target.links.get('link-1'))?.pageId).toBe('mine');
    expect(summary.updated).toBe(1);
  });

  it('reports progress as it reads, up to the whole file', async () => {
    const file = await backupOf(source);
    const seen: number[] = [];
    await importBackup(target, file, { onProgress: (p) => seen.push(p.bytes / p.totalBytes) });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(1);
  });
});

describe('restoring into a fresh profile', () => {
  it('gives back every record as it was, built-in tags included', async () => {
    // The reader recoloured a built-in tag and edited a link's note after making it.
    await source.tags.update('archetype-solver', { color: '#000000', updatedAt: T0 + DAY });
    await setLinkNote(source, 'link-1', 'Edited later', T0 + 6 * DAY);
    const file = await backupOf(source);
    // A fresh install seeds its own built-in tags, later than the backup was made.
    await seedArchetypes(target, Date.now());
    await importBackup(target, file);
    expect(await records(target)).toEqual(await records(source));
  });

  it('a newer link note in a backup replaces the older one, and an older one does not', async () => {
    await importBackup(target, await backupOf(source));
    await setLinkNote(source, 'link-1', 'Newer in the backup', T0 + 7 * DAY);
    await importBackup(target, await backupOf(source));
    expect((await target.links.get('link-1'))?.note).toBe('Newer in the backup');
    await setLinkNote(target, 'link-1', 'Newest here', T0 + 8 * DAY);
    await importBackup(target, await backupOf(source));
    expect((await target.links.get('link-1'))?.note).toBe('Newest here');
  });

  it('reads a version 1 file, whose tags and links have no update time', async () => {
    const v1 = (await textOf(source))
      .replace('"version":2', '"version":1')
      .replace(/,"updatedAt":\d+\}(?=,?\n)/g, (match, offset, text: string) => {
        const line = text.slice(text.lastIndexOf('\n', offset) + 1, offset);
        return /"(nameKey|goalId)"/.test(line) ? '}' : match;
      });
    expect(v1).not.toMatch(/"goalId".*"updatedAt"/);
    await importBackup(target, new Blob([v1]));
    const links = await target.links.toArray();
    expect(links.every((l) => l.updatedAt === l.createdAt)).toBe(true);
    expect(links).toHaveLength(2);
  });
});

describe('a bad file is refused with what and where, and nothing is written', () => {
  const replaceIn = async (from: string, to: string) =>
    new Blob([(await textOf(source)).replace(from, to)]);

  const cases: [string, () => Promise<Blob>, RegExp][] = [
    ['not JSON', async () => new Blob(['hello, world']), /not a backup file/],
    ['not UTF-8', async () => new Blob([new Uint8Array([0x7b, 0xff, 0xfe])]), /not UTF-8/],
    ['an empty object', async () => new Blob(['{}']), /not a Trailmark backup/],
    ['a JSON array', async () => new Blob(['[1,2]']), /not a backup file/],
    [
      'cut short',
      async () => {
        const text = await textOf(source);
        return new Blob([text.slice(0, Math.floor(text.length * 0.6))]);
      },
      /ends early|not valid JSON/,
    ],
    [
      'a newer version',
      () => replaceIn('"version":2', '"version":99'),
      /version 99, made by a newer Trailmark/,
    ],
    ['another format', () => replaceIn('trailmark-backup', 'other-tool'), /not a Trailmark backup/],
    [
      'a missing field',
      () => replaceIn('"quote":"The Solver digs deep into gnarly problems",', ''),
      /record 12 \(highlights #3\): field "quote"/,
    ],
    [
      'a wrong type',
      () => replaceIn('"readingMs":540000', '"readingMs":"9 min"'),
      /record 8 \(pages #1\): field "readingMs"/,
    ],
    [
      'a duplicate id',
      () => replaceIn('"id":"h-lead"', '"id":"h-solver"'),
      /record 12 \(highlights #3\): field "id": h-solver appears twice/,
    ],
    [
      'a huge string',
      () => replaceIn('"note":"Use for the Q3 packet"', `"note":"${'x'.repeat(50_000)}"`),
      /record 11 \(highlights #2\): field "note"/,
    ],
    [
      'a record too large to read',
      () => replaceIn('"note":"Use for the Q3 packet"', `"note":"${'x'.repeat(300_000)}"`),
      /larger than/,
    ],
    [
      'a reference to a missing page',
      () => replaceIn('"pageId":"page-packet","selectors"', '"pageId":"nowhere","selectors"'),
      /record 11 \(highlights #2\): field "pageId": no pages record nowhere/,
    ],
    [
      'an unknown section',
      () => replaceIn('"reviews":', '"secrets":'),
      /unknown section "secrets"/,
    ],
    [
      'a date far in the future',
      () => replaceIn('"createdAt":1780311600000', '"createdAt":9000000000000000'),
      /record 10 \(highlights #1\): field "createdAt": must be a date from 2000-01-01/,
    ],
    [
      'a date before 2000',
      () => replaceIn('"firstVisitAt":1780304400000', '"firstVisitAt":1'),
      /record 8 \(pages #1\): field "firstVisitAt"/,
    ],
    [
      'a link dated next year',
      () => replaceIn('"createdAt":1780736400000', `"createdAt":${Date.now() + 365 * 86_400_000}`),
      /record 14 \(links #2\): field "createdAt"/,
    ],
    [
      'a review due beyond any calendar',
      () => replaceIn('"dueAt":1780822800000', '"dueAt":9000000000000000'),
      /record 15 \(reviews #1\): field "dueAt"/,
    ],
    [
      'a goal for the year 9999',
      () => replaceIn('"targetDate":"2028-01-01"', '"targetDate":"9999-01-01"'),
      /record 7 \(goals #2\): field "targetDate"/,
    ],
    ...['javascript:alert(1)', 'data:text/html,<h1>hi</h1>', 'file:///etc/passwd'].map(
      (url): [string, () => Promise<Blob>, RegExp] => [
        `a ${url.split(':')[0]}: page URL`,
        () => replaceIn('"url":"https://staffeng.com/guides/staff-archetypes"', `"url":"${url}"`),
        /record 8 \(pages #1\): field "url": must be an http or https address/,
      ],
    ),
    [
      'a broken record',
      () => replaceIn('"color":"green"', '"color":green'),
      /record 10 \(highlights #1\) is not valid JSON/,
    ],
  ];

  it.each(cases)('%s', async (_, makeFile, message) => {
    await importBackup(target, await backupOf(source));
    const before = await everything(target);
    const file = await makeFile();
    const failure = await importBackup(target, file).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImportError);
    expect((failure as Error).message).toMatch(message);
    expect(await everything(target)).toEqual(before);
  });

  it('leaves an empty library empty when the last record of the file is bad', async () => {
    // Into empty tables records are stored while later ones are still being read: a problem at
    // the very end must undo all of them, and not leave search indexing pending.
    const file = new Blob([(await textOf(source)).replace(/"dueAt":\d+/, '"dueAt":"soon"')]);
    const failure = await importBackup(target, file).catch((error: unknown) => error);
    expect((failure as Error).message).toMatch(/^record 15 \(reviews #1\): field "dueAt"/);
    const nothing = { tags: [], goals: [], pages: [], highlights: [], links: [], reviews: [] };
    expect(await everything(target)).toEqual(nothing);
    expect(await pendingIndex(target)).toBeNull();
  });

  it('leaves the library as it was when a write fails half-way', async () => {
    const before = await everything(target);
    const file = await backupOf(source);
    vi.spyOn(target.links, 'bulkPut').mockRejectedValue(new Error('disk full'));
    await expect(importBackup(target, file)).rejects.toThrow('disk full');
    expect(await everything(target)).toEqual(before);
    expect(await target.highlightWords.count()).toBe(0);
  });
});
