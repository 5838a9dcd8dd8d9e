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

/**
 * Check-ins, questions for the talk and a tag's private flag are fields of goal and tag records
 * (no index, so no schema version of their own): records of the latest version carry them, and
 * they must come through an upgrade as they were. Goals and tags stored before they existed have
 * none, which reads as no check-in, no question and not private.
 */
const plannedGoal = {
  ...goal,
  checkIns: [
    {
      id: 'c1',
      date: '2026-06-01',
      shares: {
        'archetype-solver': { low: 70, high: 80 },
        'archetype-right-hand': { low: 20, high: 30 },
      },
      createdAt: 3,
    },
  ],
  questions: [{ id: 'q1', text: 'Which project?', done: false, createdAt: 3 }],
  updatedAt: 3,
};
const privateTag = {
  id: 't-private',
  name: 'Salary talk',
  nameKey: 'salary talk',
  color: '#be123c',
  kind: 'custom' as const,
  private: true,
  createdAt: 1,
  updatedAt: 4,
};

/**
 * Versions 2 to 4 added only tables of their own (search index, schedule), and 5 dropped unused
 * indexes: the records themselves are as in version 1. Version 6 gave tags and links an update
 * time, which the upgrade sets to their creation time.
 */
const writeRecords =
  (tags: object[], links: object[], goals: object[] = [goal]) =>
  async (db: TrailmarkDb): Promise<void> => {
    await db.transaction('rw', [db.pages, db.highlights, db.tags, db.goals, db.links], async () => {
      await db.pages.add(page);
      await db.highlights.add(highlight);
      await db.tags.bulkAdd(tags as never[]);
      await db.goals.bulkAdd(goals as never[]);
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
  write: writeRecords([changedTag, privateTag], [changedLink], [plannedGoal]),
  expected: {
    ...upgraded,
    tags: [changedTag, privateTag],
    goals: [plannedGoal],
    links: [changedLink],
  },
  queued: [...QUEUED, 'tags:salary talk', 'tags:solver'],
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
