// The other reading of a bigger library against a plain reference: articles newest first (ties
// by id, descending, as the date index walks back), each article's highlights by position (ties
// by id), highlights linked to a chosen goal or outside the period left out. The golden file
// holds the exact text; this holds the order where ties and many articles make it hard.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  OTHER_READING,
  otherArticleHeading,
  otherHighlight,
} from '../../../src/shared/evidence-pack';
import type {
  GoalRecord,
  HighlightRecord,
  LinkRecord,
  PageRecord,
} from '../../../src/shared/types';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import type { Period } from '../../../src/storage/records/evidence';
import { exportEvidencePack } from '../../../src/storage/backup/export-markdown';
import { seedArchetypes } from '../../../src/storage/records/seed';
import { freshDb } from '../storage/test-db';

process.env.TZ = 'UTC';

const T0 = Date.UTC(2026, 0, 1);
const DAY = 24 * 3600e3;
const ARCHETYPES = ['archetype-solver', 'archetype-architect', 'missing-tag'];

/** Scrambled but fixed ids, so id order is neither insertion nor date order. */
const scrambled = (prefix: string, n: number) => `${prefix}-${(n * 7919) % 1000}-${n}`;

function makePage(n: number): PageRecord {
  const visited = T0 + (n % 5) * DAY;
  return {
    id: scrambled('p', n),
    url: `https://site${n % 3}.example/article/${n}`,
    title: `Article ${n} [part ${n % 4}]`,
    site: `site${n % 3}.example`,
    firstVisitAt: visited,
    lastVisitAt: visited,
    readingMs: n * 1000,
    maxScroll: 1,
    status: 'read',
    tagIds: [],
    tracked: false,
    updatedAt: visited,
  };
}

function makeHighlight(n: number, pageId: string): HighlightRecord {
  const quote = `Quote ${n}: *emphasis* and | pipes`;
  return {
    id: scrambled('h', n),
    pageId,
    selectors: [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }],
    quote,
    color: 'yellow',
    tagIds: n % 2 ? [ARCHETYPES[n % 3] as string] : [],
    note: n % 5 ? '' : `note ${n}`,
    createdAt: T0 + (n % 9) * DAY,
    updatedAt: T0,
    anchorStatus: 'anchored',
    position: (n % 4) * 10,
  };
}

const goal: GoalRecord = {
  id: 'goal-a',
  title: 'A goal',
  why: '',
  targetDate: null,
  status: 'active',
  targetMix: null,
  createdAt: T0,
  updatedAt: T0,
};

let db: TrailmarkDb;
let pages: PageRecord[];
let highlights: HighlightRecord[];
let linked: Set<string>;

beforeEach(async () => {
  db = freshDb();
  await seedArchetypes(db, T0);
  // Every fifth article has no highlights; a few highlights point at an article that is gone.
  pages = Array.from({ length: 60 }, (_, n) => makePage(n));
  highlights = Array.from({ length: 700 }, (_, n) => {
    const page = pages[(n * 13) % 60] as PageRecord;
    const pageId = n % 97 === 0 ? 'p-gone' : page.id;
    return makeHighlight(n, pageId);
  }).filter((h) => !pages.some((p, i) => i % 5 === 0 && p.id === h.pageId));
  const links: LinkRecord[] = highlights
    .filter((_, i) => i % 11 === 0)
    .map((h, i) => ({
      id: `link-${i}`,
      goalId: goal.id,
      targetType: 'highlight',
      targetId: h.id,
      pageId: h.pageId,
      note: '',
      createdAt: T0,
      updatedAt: T0,
    }));
  linked = new Set(links.filter((l) => l.pageId !== 'p-gone').map((l) => l.targetId));
  await db.goals.put(goal);
  await db.pages.bulkPut(pages);
  await db.highlights.bulkPut(highlights);
  await db.links.bulkPut(links);
});
afterEach(() => db.delete());

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function reference(period: Period): Promise<string> {
  const names = new Map((await db.tags.toArray()).map((t) => [t.id, t.name]));
  const newestFirst = [...pages].sort((a, b) => b.lastVisitAt - a.lastVisitAt || byKey(b.id, a.id));
  const inPeriod = (t: number) =>
    (period.from === null || t >= period.from) && (period.to === null || t < period.to);
  const sections = newestFirst.flatMap((page) => {
    const own = highlights
      .filter((h) => h.pageId === page.id && !linked.has(h.id) && inPeriod(h.createdAt))
      .sort((a, b) => a.position - b.position || byKey(a.id, b.id));
    if (own.length === 0) return [];
    const items = own.map((h) => otherHighlight(h, names));
    return [`${otherArticleHeading(page)}${items.join('\n')}\n`];
  });
  return OTHER_READING + sections.join('');
}

async function otherReadingOf(period: Period): Promise<string> {
  const text = (
    await exportEvidencePack(db, {
      goalIds: [goal.id],
      period,
      includeOtherReading: true,
      now: T0,
    })
  ).join('');
  return text.slice(text.indexOf(OTHER_READING));
}

describe('evidence pack: other reading on a bigger library', () => {
  it('orders all time like the reference', async () => {
    const all = { from: null, to: null };
    expect(await otherReadingOf(all)).toBe(await reference(all));
  });

  it('orders a period like the reference', async () => {
    const period = { from: T0 + 2 * DAY, to: T0 + 6 * DAY };
    expect(await otherReadingOf(period)).toBe(await reference(period));
  });

  it('reports progress up to the whole', async () => {
    const seen: [number, number][] = [];
    await exportEvidencePack(db, {
      goalIds: [],
      includeOtherReading: true,
      onProgress: (done, total) => seen.push([done, total]),
    });
    expect(seen.at(-1)).toEqual([highlights.length, highlights.length]);
  });
});
