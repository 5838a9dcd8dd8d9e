// A goal's evidence: every page and highlight linked to it, each with the link's note, oldest
// first. The goal view and the Markdown evidence pack both read it here. A piece of evidence has
// a date that does not move: a highlight's is when it was made, a whole article's is when it was
// linked (its last visit would reorder the evidence and redate the pack on every re-read).
import type { GoalRecord, HighlightRecord, LinkRecord, PageRecord } from '../../shared/types';
import type { TrailmarkDb } from '../database/db';

export interface EvidenceItem {
  link: LinkRecord;
  page: PageRecord;
  /** Set for a highlight link; a page link stands for the whole article. */
  highlight: HighlightRecord | null;
  /** Its date: the highlight's creation, or for a whole article when it was linked. */
  datedAt: number;
  tagIds: string[];
}

export interface Period {
  /** Inclusive start (ms), or null for "since the beginning". */
  from: number | null;
  /** Exclusive end (ms), or null for "until now". */
  to: number | null;
}

export const ALL_TIME: Period = { from: null, to: null };

export const inPeriod = (time: number, period: Period): boolean =>
  (period.from === null || time >= period.from) && (period.to === null || time < period.to);

function toItem(
  link: LinkRecord,
  pages: Map<string, PageRecord>,
  highlights: Map<string, HighlightRecord>,
): EvidenceItem | null {
  const page = pages.get(link.pageId);
  if (!page) return null;
  if (link.targetType === 'page') {
    return { link, page, highlight: null, datedAt: link.createdAt, tagIds: page.tagIds };
  }
  const highlight = highlights.get(link.targetId);
  if (!highlight) return null;
  return { link, page, highlight, datedAt: highlight.createdAt, tagIds: highlight.tagIds };
}

const byId = <T extends { id: string }>(rows: (T | undefined)[]): Map<string, T> =>
  new Map(rows.flatMap((r) => (r ? [[r.id, r] as const] : [])));

/** The evidence of one goal within a period, oldest first. */
export async function evidenceOf(
  db: TrailmarkDb,
  goalId: string,
  period: Period = ALL_TIME,
): Promise<EvidenceItem[]> {
  return db.transaction('r', [db.links, db.pages, db.highlights], async () => {
    const links = await db.links.where({ goalId }).toArray();
    const highlightIds = links.filter((l) => l.targetType === 'highlight').map((l) => l.targetId);
    const pages = byId(await db.pages.bulkGet([...new Set(links.map((l) => l.pageId))]));
    const highlights = byId(await db.highlights.bulkGet(highlightIds));
    return links
      .map((link) => toItem(link, pages, highlights))
      .filter((item): item is EvidenceItem => item !== null && inPeriod(item.datedAt, period))
      .sort((a, b) => a.datedAt - b.datedAt || a.link.id.localeCompare(b.link.id));
  });
}

export interface GoalEvidence {
  goal: GoalRecord;
  items: EvidenceItem[];
}

/** Several goals' evidence, in the order given; unknown goals are left out. */
export async function evidenceOfGoals(
  db: TrailmarkDb,
  goalIds: readonly string[],
  period: Period = ALL_TIME,
): Promise<GoalEvidence[]> {
  const goals = await db.goals.bulkGet([...goalIds]);
  const present = goals.filter((g): g is GoalRecord => g !== undefined);
  return Promise.all(
    present.map(async (goal) => ({ goal, items: await evidenceOf(db, goal.id, period) })),
  );
}
