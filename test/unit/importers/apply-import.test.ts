// Writing an import plan: one transaction, nothing twice, tags by name, and nothing at all when
// any write fails.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as v from 'valibot';
import { RECORD_SCHEMAS } from '../../../src/shared/backup-schema';
import { planImport } from '../../../src/shared/importers/plan-import';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import { snapshot } from '../../../src/storage/database/snapshot';
import { failWrites } from '../../../src/storage/database/write-faults';
import { applyImport, INDEX_INLINE_MAX } from '../../../src/storage/import/apply-import';
import { pendingIndex } from '../../../src/storage/search/index-pending';
import { createHighlight } from '../../../src/storage/records/highlights';
import { seedArchetypes } from '../../../src/storage/records/seed';
import { freshDb } from '../storage/test-db';
import { named, NOW } from './samples';

let db: TrailmarkDb;
beforeEach(async () => {
  db = freshDb();
  await seedArchetypes(db, NOW - 1000);
});
afterEach(() => db.delete());

const hypothesis = () => planImport([named('hypothesis-export.json')], NOW);

describe('applyImport', () => {
  it('writes pages, highlights and new tags in one transaction', async () => {
    const transaction = vi.spyOn(db, 'transaction');
    const outcome = await applyImport(db, hypothesis(), NOW);
    expect(transaction).toHaveBeenCalledTimes(1);
    expect(outcome).toEqual({
      pagesAdded: 2,
      highlightsAdded: 3,
      alreadyHere: 0,
      tagsAdded: 2,
      indexLater: false,
    });
    // A small import is searchable at once.
    expect(await db.highlightWords.count()).toBe(3);
    const highlights = await db.highlights.toArray();
    expect(
      highlights.every((h) => h.anchorStatus === 'unknown' && h.id.startsWith('imported-')),
    ).toBe(true);
    const page = await db.pages
      .where({ url: 'https://staffeng.example.com/guides/archetypes' })
      .first();
    expect(page).toMatchObject({ title: 'Staff archetypes', site: 'staffeng.example.com' });
    expect(page?.firstVisitAt).toBe(Date.parse('2025-03-04T09:15:42.123Z'));
  });

  it('maps tags onto existing ones by name, the archetypes in any spelling', async () => {
    await applyImport(db, hypothesis(), NOW);
    const solver = (await db.highlights.toArray()).find((h) => h.quote.startsWith('The Solver'));
    const names = (await db.tags.bulkGet(solver?.tagIds ?? [])).map((t) => t?.name);
    // "Solver" and "tech-lead" are the built-in archetypes; "promotion" is new.
    expect(names).toEqual(['Solver', 'Tech Lead', 'promotion']);
    expect(await db.tags.where({ kind: 'archetype' }).count()).toBe(4);
    expect((await db.tags.toArray()).map((t) => t.nameKey).sort()).toEqual([
      'architect',
      'promotion',
      'right hand',
      'solver',
      'tech lead',
      'writing',
    ]);
  });

  it('adds nothing when the same file is imported again', async () => {
    await applyImport(db, hypothesis(), NOW);
    const before = await snapshot(db);
    const again = await applyImport(db, hypothesis(), NOW + 5000);
    expect(again).toEqual({
      pagesAdded: 0,
      highlightsAdded: 0,
      alreadyHere: 3,
      tagsAdded: 0,
      indexLater: false,
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('does not add a quote the reader already highlighted on that page', async () => {
    await createHighlight(db, {
      id: 'own-1',
      url: 'https://lethain.example.org/staff-eng/writing',
      title: 'Writing',
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: 'Writing is how staff engineers scale',
          prefix: 'a',
          suffix: 'b',
        },
        { type: 'TextPositionSelector', start: 5, end: 41 },
      ],
      color: 'green',
      tagIds: [],
      note: '',
    });
    const outcome = await applyImport(db, hypothesis(), NOW);
    expect(outcome).toMatchObject({ highlightsAdded: 2, alreadyHere: 1, pagesAdded: 1 });
    // The tag only that highlight carried is not created for nothing.
    expect(await db.tags.where({ nameKey: 'writing' }).count()).toBe(0);
  });

  it('writes nothing when any write of the import fails', async () => {
    const before = await snapshot(db);
    // Fail the first write, then the second, and so on, until there is no write left to fail.
    let failed = 0;
    for (let skip = 0; ; skip++) {
      await failWrites(db, skip, 1);
      const outcome = await applyImport(db, hypothesis(), NOW).catch((error: unknown) => error);
      await failWrites(db, 0, 0);
      if (!(outcome instanceof Error)) break;
      failed += 1;
      expect(await snapshot(db)).toEqual(before);
    }
    // Tags, pages and highlights are written (each with its index rows): every one was failed.
    expect(failed).toBeGreaterThanOrEqual(3);
    expect(await db.highlights.count()).toBe(3);
  });

  it('leaves a large import to the search index catch-up, and says so', async () => {
    const rows = Array.from(
      { length: INDEX_INLINE_MAX + 1 },
      (_, i) => `"Passage number ${i}, about scope",Big,https://big.example/${i % 40}`,
    );
    const plan = planImport(
      [{ name: 'big.csv', text: ['Highlight,Title,URL', ...rows].join('\n') }],
      NOW,
    );
    const outcome = await applyImport(db, plan, NOW);
    expect(outcome).toMatchObject({ highlightsAdded: INDEX_INLINE_MAX + 1, indexLater: true });
    expect(await db.highlightWords.count()).toBe(0);
    expect(await pendingIndex(db)).toMatchObject({ phase: 'pages', total: INDEX_INLINE_MAX + 1 });
  });

  it('writes only records a backup of the library can carry back in', async () => {
    const long = 'x'.repeat(3000);
    const plans = [
      hypothesis(),
      planImport([named('readwise-with-url.csv')], NOW),
      planImport([named('obsidian-highlights.json')], NOW),
      planImport(
        [{ name: 'l.csv', text: `Highlight,Title,URL\n"${long}",,https://long.example/${long}\n` }],
        NOW,
      ),
    ];
    for (const plan of plans) await applyImport(db, plan, NOW);
    const all = await snapshot(db);
    for (const section of ['pages', 'highlights', 'tags'] as const) {
      for (const record of all[section] ?? []) {
        const result = v.safeParse(RECORD_SCHEMAS[section], record);
        expect(result.success, `${section}: ${JSON.stringify(result.issues?.[0]?.message)}`).toBe(
          true,
        );
      }
    }
  });
});
