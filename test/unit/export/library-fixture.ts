// A small, fixed library with every kind of record, for the exporters' golden files and the
// import round trip. Times are fixed so the output never depends on when the test runs.
import type { TrailmarkDb } from '../../../src/storage/database/db';
import { seedArchetypes } from '../../../src/storage/records/seed';
import type { ReviewRecord } from '../../../src/shared/schedule';
import type {
  GoalRecord,
  HighlightRecord,
  LinkRecord,
  PageRecord,
  TagRecord,
} from '../../../src/shared/types';

export const T0 = Date.UTC(2026, 5, 1, 9, 0);
export const DAY = 24 * 3600e3;

export const pages: PageRecord[] = [
  {
    id: 'page-archetypes',
    url: 'https://staffeng.com/guides/staff-archetypes',
    title: 'Staff archetypes',
    site: 'staffeng.com',
    firstVisitAt: T0,
    lastVisitAt: T0 + DAY,
    readingMs: 9 * 60_000,
    maxScroll: 0.9,
    status: 'read',
    tagIds: ['archetype-solver'],
    tracked: false,
    updatedAt: T0 + DAY,
  },
  {
    id: 'page-packet',
    url: 'https://example.com/promotion-packets?x=1',
    title: 'Writing a promotion packet | "quotes" & <tags>',
    site: 'example.com',
    firstVisitAt: T0 + 2 * DAY,
    lastVisitAt: T0 + 2 * DAY,
    readingMs: 4 * 60_000,
    maxScroll: 0.4,
    status: 'reading',
    tagIds: [],
    tracked: true,
    updatedAt: T0 + 2 * DAY,
  },
];

const highlight = (
  id: string,
  pageId: string,
  quote: string,
  extra: Partial<HighlightRecord>,
): HighlightRecord => ({
  id,
  pageId,
  selectors: [
    { type: 'TextQuoteSelector', exact: quote, prefix: 'before ', suffix: ' after' },
    { type: 'TextPositionSelector', start: 100, end: 100 + quote.length },
  ],
  quote,
  color: 'yellow',
  tagIds: [],
  note: '',
  createdAt: T0,
  updatedAt: T0,
  anchorStatus: 'anchored',
  position: 100,
  ...extra,
});

export const highlights: HighlightRecord[] = [
  highlight('h-solver', 'page-archetypes', 'The Solver digs deep into gnarly problems', {
    tagIds: ['archetype-solver'],
    note: 'This is me on the incident work.',
    createdAt: T0 + 3600e3,
    updatedAt: T0 + 3600e3,
  }),
  highlight('h-lead', 'page-archetypes', 'The Tech Lead guides the approach\nof a team', {
    tagIds: ['archetype-tech-lead', 'tag-mentoring'],
    color: 'green',
    createdAt: T0 + 2 * 3600e3,
    updatedAt: T0 + 2 * 3600e3,
  }),
  highlight('h-packet', 'page-packet', 'Show *impact*, not activity: [links] | pipes', {
    color: 'blue',
    note: 'Use for the Q3 packet',
    createdAt: T0 + 2 * DAY,
    updatedAt: T0 + 3 * DAY,
    anchorStatus: 'orphan',
  }),
];

export const customTag: TagRecord = {
  id: 'tag-mentoring',
  name: 'Mentoring',
  nameKey: 'mentoring',
  color: '#0f766e',
  kind: 'custom',
  createdAt: T0,
  updatedAt: T0,
};

/** A tag the reader marked private (added by the tests about privacy): no export prints it. */
export const privateTag: TagRecord = {
  id: 'tag-private',
  name: 'Salary talk',
  nameKey: 'salary talk',
  color: '#be123c',
  kind: 'custom',
  private: true,
  createdAt: T0,
  updatedAt: T0 + DAY,
};

export const goals: GoalRecord[] = [
  {
    id: 'goal-staff',
    title: 'Reach staff engineer by 2028',
    why: 'Wider scope, and I enjoy the deep problems.',
    targetDate: '2028-01-01',
    status: 'active',
    targetMix: { 'archetype-solver': 60, 'archetype-tech-lead': 30, 'archetype-right-hand': 10 },
    createdAt: T0,
    updatedAt: T0,
    checkIns: [
      {
        id: 'check-1',
        date: '2026-06-01',
        shares: {
          'archetype-solver': { low: 70, high: 80 },
          'archetype-right-hand': { low: 20, high: 30 },
        },
        createdAt: T0,
      },
    ],
    questions: [
      { id: 'q-1', text: 'Which project needs a Tech Lead?', done: false, createdAt: T0 },
    ],
  },
  {
    id: 'goal-done',
    title: 'Write a packet',
    why: '',
    targetDate: null,
    status: 'achieved',
    targetMix: null,
    createdAt: T0,
    updatedAt: T0,
  },
];

export const links: LinkRecord[] = [
  {
    id: 'link-1',
    goalId: 'goal-staff',
    targetType: 'highlight',
    targetId: 'h-solver',
    pageId: 'page-archetypes',
    note: 'Bring up in the next 1:1',
    createdAt: T0 + 4 * DAY,
    updatedAt: T0 + 4 * DAY,
  },
  {
    id: 'link-2',
    goalId: 'goal-staff',
    targetType: 'page',
    targetId: 'page-packet',
    pageId: 'page-packet',
    note: '',
    createdAt: T0 + 5 * DAY,
    updatedAt: T0 + 5 * DAY,
  },
];

export const reviews: ReviewRecord[] = [
  {
    id: 'h-lead',
    dueAt: T0 + 6 * DAY,
    intervalDays: 3,
    ease: 2.5,
    reps: 2,
    lastReviewedAt: T0 + 3 * DAY,
    firstReviewedAt: T0 + DAY,
    done: false,
  },
];

export async function fillLibrary(db: TrailmarkDb): Promise<void> {
  await seedArchetypes(db, T0);
  await db.tags.put(customTag);
  await db.goals.bulkPut(goals);
  await db.pages.bulkPut(pages);
  await db.highlights.bulkPut(highlights);
  await db.links.bulkPut(links);
  await db.reviews.bulkPut(reviews);
}

/** Every record the backup covers, sorted by id so two databases compare record by record. */
export async function everything(db: TrailmarkDb) {
  const byId = <T extends { id: string }>(rows: T[]) =>
    rows.sort((a, b) => a.id.localeCompare(b.id));
  return {
    tags: byId(await db.tags.toArray()),
    goals: byId(await db.goals.toArray()),
    pages: byId(await db.pages.toArray()),
    highlights: byId(await db.highlights.toArray()),
    links: byId(await db.links.toArray()),
    reviews: byId(await db.reviews.toArray()),
  };
}
