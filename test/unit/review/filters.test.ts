import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import {
  filteredHighlightIds,
  isFiltered,
  librarySites,
  NO_FILTER,
  type LibraryFilter,
} from '../../../src/storage/search/filters';
import {
  libraryCount,
  libraryPosition,
  libraryRowOf,
  libraryWindow,
  removeHighlight,
  restoreHighlight,
} from '../../../src/storage/search/library';
import { freshDb } from '../storage/test-db';
import { everything, fillLibrary, T0 } from '../export/library-fixture';

let db: TrailmarkDb;
beforeEach(async () => {
  db = freshDb();
  await fillLibrary(db);
});
afterEach(() => db.delete());

const ids = (patch: Partial<LibraryFilter>) => filteredHighlightIds(db, { ...NO_FILTER, ...patch });
const DAY = 24 * 3600e3;

describe('filteredHighlightIds', () => {
  it('is null without a filter, so the list pages through everything', async () => {
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(await ids({})).toBeNull();
    expect(await ids({ query: '   ' })).toBeNull();
  });

  it('answers each filter on its own, newest first', async () => {
    expect(await ids({ tagIds: ['archetype-solver'] })).toEqual(['h-solver']);
    expect(await ids({ colors: ['green', 'blue'] })).toEqual(['h-packet', 'h-lead']);
    expect(await ids({ sites: ['staffeng.com'] })).toEqual(['h-lead', 'h-solver']);
    expect(await ids({ statuses: ['reading'] })).toEqual(['h-packet']);
    expect(await ids({ goalId: 'goal-staff' })).toEqual(['h-packet', 'h-solver']);
    expect(await ids({ from: T0 + DAY })).toEqual(['h-packet']);
    expect(await ids({ to: T0 + DAY })).toEqual(['h-lead', 'h-solver']);
    expect(await ids({ query: 'impact' })).toEqual(['h-packet']);
  });

  it('combines filters: a highlight must pass every one that is set', async () => {
    expect(await ids({ sites: ['staffeng.com'], colors: ['green'] })).toEqual(['h-lead']);
    expect(await ids({ goalId: 'goal-staff', query: 'gnarly' })).toEqual(['h-solver']);
    expect(await ids({ goalId: 'goal-staff', colors: ['green'] })).toEqual([]);
    expect(await ids({ query: 'archetypes', to: T0 + DAY })).toEqual(['h-lead', 'h-solver']);
  });

  it('lists the sites for the site filter', async () => {
    expect(await librarySites(db)).toEqual(['example.com', 'staffeng.com']);
  });
});

describe('library window', () => {
  it('reads any window of the list, with each highlight’s page', async () => {
    expect(await libraryCount(db, null)).toBe(3);
    const rows = await libraryWindow(db, null, 1, 5);
    expect(rows.map((r) => r.highlight.id)).toEqual(['h-lead', 'h-solver']);
    expect(rows[0]?.page?.title).toBe('Staff archetypes');
    const filtered = await libraryWindow(db, ['h-packet', 'h-solver'], 1, 1);
    expect(filtered.map((r) => r.highlight.id)).toEqual(['h-solver']);
  });

  it('finds any highlight’s place in the list as its window has it, ties in time included', async () => {
    // Two more made in the same millisecond as the newest: the list orders them by id.
    const newest = await libraryWindow(db, null, 0, 1);
    const twin = newest[0]?.highlight ?? (null as never);
    await db.highlights.bulkPut([
      { ...twin, id: 'h-twin-a' },
      { ...twin, id: 'h-twin-z' },
    ]);
    const order = (await libraryWindow(db, null, 0, 10)).map((r) => r.highlight.id);
    const places = await Promise.all(order.map((id) => libraryPosition(db, null, id)));
    expect(places).toEqual(order.map((_, i) => i));
    expect(await libraryPosition(db, null, 'no-such-highlight')).toBe(-1);
    expect(await libraryPosition(db, ['h-packet', 'h-solver'], 'h-solver')).toBe(1);
    expect((await libraryRowOf(db, 'h-lead'))?.page?.title).toBe('Staff archetypes');
    expect(await libraryRowOf(db, 'no-such-highlight')).toBeNull();
  });

  it('deletes a highlight with its links and schedule, and undo puts them all back', async () => {
    const before = await everything(db);
    const removed = await removeHighlight(db, 'h-lead');
    expect(await db.highlights.get('h-lead')).toBeUndefined();
    expect(await db.reviews.get('h-lead')).toBeUndefined();
    expect(removed?.review?.id).toBe('h-lead');
    await restoreHighlight(db, removed ?? (null as never));
    expect(await everything(db)).toEqual(before);
    expect(await ids({ query: 'guides' })).toEqual(['h-lead']);
  });
});
