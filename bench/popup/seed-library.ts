// Seeds a big library inside an extension page, through the same storage code the extension
// runs (so the search index is written by its middleware, as in real use). Everything is
// generated in the page from a seeded PRNG: nothing large crosses the DevTools connection.
import { ARCHETYPES } from '../../src/shared/archetypes';
import type { GoalRecord, HighlightRecord, LinkRecord, PageRecord } from '../../src/shared/types';
import { openDb } from '../../src/storage/database/db';
import { seededRandom } from '../anchoring/page-tools';

export interface SeedPlan {
  pages: number;
  highlightsPerPage: number;
  goals: number;
  links: number;
  /** The page the popup will be opened over; it is seeded first, with its own highlights. */
  currentUrl: string;
  seed: number;
}

const CAREER_WORDS = (
  'staff engineer architect solver tech lead right hand promotion packet manager sponsor ' +
  'strategy vision migration incident review design document mentoring scope impact roadmap ' +
  'platform reliability latency budget hiring interview feedback growth career leadership ' +
  'influence alignment stakeholder executive writing decision tradeoff complexity debt'
).split(' ');

/** A vocabulary of career words plus made-up ones, so word frequencies look like real text. */
function vocabulary(random: () => number): string[] {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const made = Array.from({ length: 3000 }, () =>
    Array.from({ length: 3 + Math.floor(random() * 7) }, () =>
      letters.charAt(Math.floor(random() * 26)),
    ).join(''),
  );
  return [...CAREER_WORDS, ...made];
}

function sentence(random: () => number, words: string[], min: number, max: number): string {
  const count = min + Math.floor(random() * (max - min));
  // Squaring skews picks towards the start of the list: common words stay common.
  const pick = () => words[Math.floor(random() * random() * words.length)] ?? 'word';
  return Array.from({ length: count }, pick).join(' ');
}

const DAY = 24 * 3600e3;

function page(random: () => number, words: string[], url: string, now: number): PageRecord {
  const visited = now - Math.floor(random() * 700) * DAY;
  return {
    id: crypto.randomUUID(),
    url,
    title: sentence(random, words, 3, 9),
    site: new URL(url).hostname,
    firstVisitAt: visited,
    lastVisitAt: visited,
    readingMs: Math.floor(random() * 30 * 60e3),
    maxScroll: random(),
    status: 'reading',
    tagIds: random() < 0.3 ? [ARCHETYPES[Math.floor(random() * 4)]?.id ?? ''] : [],
    tracked: false,
    updatedAt: visited,
  };
}

function highlight(
  random: () => number,
  words: string[],
  owner: PageRecord,
  index: number,
): HighlightRecord {
  const quote = sentence(random, words, 6, 30);
  const start = index * 400;
  const created = owner.firstVisitAt + index * 60e3;
  return {
    id: crypto.randomUUID(),
    pageId: owner.id,
    selectors: [
      { type: 'TextQuoteSelector', exact: quote, prefix: 'before ', suffix: ' after' },
      { type: 'TextPositionSelector', start, end: start + quote.length },
    ],
    quote,
    color: (['yellow', 'green', 'blue', 'pink'] as const)[index % 4] ?? 'yellow',
    tagIds: random() < 0.6 ? [ARCHETYPES[Math.floor(random() * 4)]?.id ?? ''] : [],
    note: random() < 0.2 ? sentence(random, words, 4, 16) : '',
    createdAt: created,
    updatedAt: created,
    anchorStatus: 'anchored',
    position: start,
  };
}

function goal(index: number, now: number): GoalRecord {
  return {
    id: crypto.randomUUID(),
    title: `Goal ${index + 1}: grow as a staff engineer`,
    why: 'Seeded for the popup bench',
    targetDate: null,
    status: 'active',
    targetMix: { 'archetype-tech-lead': 40, 'archetype-solver': 40, 'archetype-right-hand': 20 },
    createdAt: now + index,
    updatedAt: now + index,
  };
}

const BATCH = 5000;

async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

export async function seedLibrary(plan: SeedPlan): Promise<Record<string, number>> {
  const random = seededRandom(plan.seed);
  const words = vocabulary(random);
  const now = Date.now();
  const db = openDb();
  const started = performance.now();
  const pages = Array.from({ length: plan.pages }, (_, i) =>
    page(random, words, i === 0 ? plan.currentUrl : `https://site${i % 500}.example/a/${i}`, now),
  );
  const highlights = pages.flatMap((p) =>
    Array.from({ length: plan.highlightsPerPage }, (_, i) => highlight(random, words, p, i)),
  );
  const goals = Array.from({ length: plan.goals }, (_, i) => goal(i, now));
  const links: LinkRecord[] = Array.from({ length: plan.links }, (_, i) => {
    const target = i % 5 === 0 ? pages[i % pages.length] : highlights[(i * 37) % highlights.length];
    const isPage = i % 5 === 0;
    return {
      id: crypto.randomUUID(),
      goalId: goals[i % goals.length]?.id ?? '',
      targetType: isPage ? 'page' : 'highlight',
      targetId: target?.id ?? '',
      pageId: isPage ? (target?.id ?? '') : ((target as HighlightRecord).pageId ?? ''),
      note: '',
      createdAt: now,
      updatedAt: now,
    };
  });
  await inBatches(pages, (b) => db.pages.bulkAdd(b));
  await inBatches(highlights, (b) => db.highlights.bulkAdd(b));
  await db.goals.bulkAdd(goals);
  await inBatches(links, (b) => db.links.bulkPut(b));
  const seconds = (performance.now() - started) / 1000;
  const counts = {
    pages: await db.pages.count(),
    highlights: await db.highlights.count(),
    goals: await db.goals.count(),
    links: await db.links.count(),
    seedSeconds: Math.round(seconds),
  };
  db.close();
  return counts;
}
