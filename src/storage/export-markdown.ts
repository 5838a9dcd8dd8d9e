// The Markdown evidence pack of chosen goals and a period, optionally followed by all other
// reading in that period. The other reading is produced a batch of articles at a time, so a pack
// of the whole library is built from parts and never from one list of every highlight.
import {
  OTHER_READING,
  packItem,
  renderEvidencePack,
  type PackItem,
} from '../shared/evidence-pack';
import type { HighlightRecord, PageRecord } from '../shared/types';
import type { TrailmarkDb } from './db';
import { evidenceOfGoals, inPeriod, type Period, ALL_TIME } from './evidence';

export interface PackRequest {
  goalIds: readonly string[];
  period?: Period;
  periodLabel?: string;
  /** Add every highlight of the period that is not evidence for one of the chosen goals. */
  includeOtherReading?: boolean;
  now?: number;
  onProgress?: (done: number, total: number) => void;
}

const PAGE_BATCH = 500;

async function tagNames(db: TrailmarkDb): Promise<Map<string, string>> {
  return new Map((await db.tags.toArray()).map((t) => [t.id, t.name]));
}

function pageSection(
  page: PageRecord,
  highlights: HighlightRecord[],
  names: ReadonlyMap<string, string>,
): string {
  const items: PackItem[] = highlights
    .sort((a, b) => a.position - b.position)
    .map((h) => ({ link: null, page, highlight: h, readAt: h.createdAt, tagIds: h.tagIds }));
  return items.map((item) => packItem(item, names)).join('\n');
}

function groupByPage(highlights: readonly HighlightRecord[]): Map<string, HighlightRecord[]> {
  const groups = new Map<string, HighlightRecord[]>();
  for (const h of highlights) {
    const group = groups.get(h.pageId);
    if (group) group.push(h);
    else groups.set(h.pageId, [h]);
  }
  return groups;
}

async function otherReading(
  db: TrailmarkDb,
  request: PackRequest,
  linked: ReadonlySet<string>,
  names: ReadonlyMap<string, string>,
  parts: string[],
) {
  const period = request.period ?? ALL_TIME;
  const total = await db.pages.count();
  parts.push(OTHER_READING);
  for (let offset = 0; offset < total; offset += PAGE_BATCH) {
    const pages = await db.pages
      .orderBy('lastVisitAt')
      .reverse()
      .offset(offset)
      .limit(PAGE_BATCH)
      .toArray();
    const highlights = await db.highlights
      .where('pageId')
      .anyOf(pages.map((p) => p.id))
      .filter((h) => !linked.has(h.id) && inPeriod(h.createdAt, period))
      .toArray();
    const byPage = groupByPage(highlights);
    const text = pages.flatMap((page) => {
      const own = byPage.get(page.id);
      return own ? [pageSection(page, own, names)] : [];
    });
    if (text.length > 0) parts.push(`${text.join('\n')}\n`);
    request.onProgress?.(Math.min(total, offset + PAGE_BATCH), total);
  }
}

/** The pack as text parts; joined they make one Markdown document. */
export async function exportEvidencePack(db: TrailmarkDb, request: PackRequest): Promise<string[]> {
  const tables = [db.goals, db.links, db.pages, db.highlights, db.tags];
  return db.transaction('r', tables, async () => {
    const names = await tagNames(db);
    const goals = await evidenceOfGoals(db, request.goalIds, request.period ?? ALL_TIME);
    const parts = [
      renderEvidencePack(goals, {
        generatedAt: request.now ?? Date.now(),
        periodLabel: request.periodLabel ?? 'all time',
        tagNames: names,
      }),
    ];
    if (request.includeOtherReading) {
      const linked = new Set(goals.flatMap((g) => g.items.map((i) => i.link.targetId)));
      await otherReading(db, request, linked, names, parts);
    }
    return parts;
  });
}

export const packFileName = (now: number): string =>
  `trailmark-evidence-${new Date(now).toISOString().slice(0, 10)}.md`;
