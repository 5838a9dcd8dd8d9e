// Records as each schema version stored them, and what they must look like after upgrading to
// the latest version. A new schema version adds an entry here.
import type { TrailmarkDb } from '../../../src/storage/database/db';
import type { records } from '../../../src/storage/database/snapshot';

const page = {
  id: 'p1',
  url: 'https://staffeng.com/guides/staff-archetypes',
  title: 'Staff archetypes',
  site: 'staffeng.com',
  firstVisitAt: 1,
  lastVisitAt: 2,
  readingMs: 60_000,
  maxScroll: 0.5,
  status: 'reading' as const,
  tagIds: ['archetype-solver'],
  tracked: false,
  updatedAt: 2,
};
const highlight = {
  id: 'h1',
  pageId: 'p1',
  selectors: [
    { type: 'TextQuoteSelector' as const, exact: 'digs deep', prefix: 'Solver ', suffix: ' into' },
  ],
  quote: 'digs deep',
  color: 'yellow' as const,
  tagIds: ['archetype-solver'],
  note: 'n',
  createdAt: 1,
  updatedAt: 1,
  anchorStatus: 'anchored' as const,
  position: 10,
};
const tag = {
  id: 'archetype-solver',
  name: 'Solver',
  nameKey: 'solver',
  color: '#059669',
  kind: 'archetype' as const,
  createdAt: 1,
};
const goal = {
  id: 'g1',
  title: 'Reach staff',
  why: 'scope',
  targetDate: '2028-01-01',
  status: 'active' as const,
  targetMix: { 'archetype-solver': 100 },
  createdAt: 1,
  updatedAt: 1,
};
const link = {
  id: 'l1',
  goalId: 'g1',
  targetType: 'highlight' as const,
  targetId: 'h1',
  pageId: 'p1',
  note: '',
  createdAt: 1,
};

export interface Fill {
  write(db: TrailmarkDb): Promise<void>;
  expected: Awaited<ReturnType<typeof records>>;
  /** The outbox after the upgrade, in key order. */
  queued: string[];
}

/**
 * Version 7 on, every record is queued for the server, under its stable key: a page by its URL,
 * a tag by its name, a link by its goal and target. A built-in tag as seeded stays home (every
 * device seeds its own); once recoloured it goes too.
 */
const QUEUED = ['goals:g1', 'highlights:h1', 'links:g1|highlight|h1', `pages:${page.url}`];
const QUEUED_WITH_TAG = [...QUEUED, 'tags:solver'];

/**
 * Versions 2 to 4 added only tables of their own (search index, schedule), and 5 dropped unused
 * indexes: the records themselves are as in version 1. Version 6 gave tags and links an update
 * time, which the upgrade sets to their creation time.
 */
const writeRecords =
  (tags: object[], links: object[]) =>
  async (db: TrailmarkDb): Promise<void> => {
    await db.transaction('rw', [db.pages, db.highlights, db.tags, db.goals, db.links], async () => {
      await db.pages.add(page);
      await db.highlights.add(highlight);
      await db.tags.bulkAdd(tags as never[]);
      await db.goals.add(goal);
      await db.links.bulkAdd(links as never[]);
    });
  };

const writeVersion1 = writeRecords([tag], [link]);
const version1 = { write: writeVersion1, queued: QUEUED };

const upgraded = {
  pages: [page],
  highlights: [highlight],
  tags: [{ ...tag, updatedAt: tag.createdAt }],
  goals: [goal],
  links: [{ ...link, updatedAt: link.createdAt }],
};

// A tag recoloured and a link's note edited after they were made keep their own update times.
const changedTag = { ...tag, color: '#000000', updatedAt: 5 };
const changedLink = { ...link, note: 'edited', updatedAt: 6 };

const version6 = {
  write: writeRecords([changedTag], [changedLink]),
  expected: { ...upgraded, tags: [changedTag], links: [changedLink] },
  queued: QUEUED_WITH_TAG,
};

export const FILLS: Record<number, Fill> = {
  1: { ...version1, expected: upgraded },
  2: { ...version1, expected: upgraded },
  3: { ...version1, expected: upgraded },
  4: { ...version1, expected: upgraded },
  5: { ...version1, expected: upgraded },
  6: version6,
  // Version 7 added sync's own tables: the records are as in version 6.
  7: version6,
};
