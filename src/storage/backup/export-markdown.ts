// The Markdown evidence pack of chosen goals and a period, optionally followed by all other
// reading in that period. The other reading reads the highlights once, a batch at a time, and
// keeps only their rendered text grouped by article; the pack is handed out as parts, never as
// one list of every highlight or one giant string. Tags the reader marked private are left out
// of the names handed to the renderer, so no part of the pack can print them.
import {
  OTHER_READING,
  otherArticleHeading,
  otherHighlight,
  renderEvidencePack,
} from '../../shared/evidence-pack';
import type { HighlightRecord, PageRecord } from '../../shared/types';
import type { TrailmarkDb } from '../database/db';
import { forEachBatchReadAhead } from '../database/batches';
import { publicTagNames } from '../records/tags';
import { evidenceOfGoals, inPeriod, type Period, ALL_TIME } from '../records/evidence';

export interface PackRequest {
  goalIds: readonly string[];
  period?: Period;
  periodLabel?: string;
  /** Add every highlight of the period that is not evidence for one of the chosen goals. */
  includeOtherReading?: boolean;
  now?: number;
  onProgress?: (done: number, total: number) => void;
}

/** How many articles' sections go into one text part of the download. */
const PAGES_PER_PART = 500;

/** One highlight's text, already rendered, kept with what orders it within its article. */
interface RenderedItem {
  position: number;
  text: string;
}

function renderItem(highlight: HighlightRecord, names: ReadonlyMap<string, string>): RenderedItem {
  return { position: highlight.position, text: otherHighlight(highlight, names) };
}

/**
 * Every highlight the other reading shows, rendered and grouped by article, from one ordered
 * pass over the highlights: the records themselves are dropped a batch at a time, only their
 * text (which the pack holds anyway) is kept. Within an article they stay in id order, so the
 * stable sort by position later breaks ties the same way every time.
 */
async function renderOtherHighlights(
  db: TrailmarkDb,
  request: PackRequest,
  pages: ReadonlyMap<string, PageRecord>,
  linked: ReadonlySet<string>,
  names: ReadonlyMap<string, string>,
): Promise<Map<string, RenderedItem[]>> {
  const period = request.period ?? ALL_TIME;
  const total = await db.highlights.count();
  const byPage = new Map<string, RenderedItem[]>();
  let done = 0;
  await forEachBatchReadAhead(db.highlights, (batch) => {
    for (const h of batch) {
      const page = pages.get(h.pageId);
      if (!page || linked.has(h.id) || !inPeriod(h.createdAt, period)) continue;
      const rendered = renderItem(h, names);
      const group = byPage.get(h.pageId);
      if (group) group.push(rendered);
      else byPage.set(h.pageId, [rendered]);
    }
    done += batch.length;
    request.onProgress?.(done, total);
  });
  return byPage;
}

/** An article named once, its highlights below in page order. */
const pageSection = (page: PageRecord, items: RenderedItem[]): string =>
  otherArticleHeading(page) +
  items
    .sort((a, b) => a.position - b.position)
    .map((item) => item.text)
    .join('\n');

async function otherReading(
  db: TrailmarkDb,
  request: PackRequest,
  linked: ReadonlySet<string>,
  names: ReadonlyMap<string, string>,
  parts: string[],
) {
  // Newest article first; the index walked backwards puts articles read at the same moment in
  // descending id order, the same on every export.
  const newestFirst = await db.pages.orderBy('lastVisitAt').reverse().toArray();
  const pages = new Map(newestFirst.map((p) => [p.id, p]));
  const byPage = await renderOtherHighlights(db, request, pages, linked, names);
  parts.push(OTHER_READING);
  for (let start = 0; start < newestFirst.length; start += PAGES_PER_PART) {
    const sections = newestFirst.slice(start, start + PAGES_PER_PART).flatMap((page) => {
      const items = byPage.get(page.id);
      // Dropped as soon as it is written, so the rendered text is never held twice.
      byPage.delete(page.id);
      return items ? [pageSection(page, items)] : [];
    });
    if (sections.length > 0) parts.push(`${sections.join('\n')}\n`);
  }
}

/** The pack as text parts; joined they make one Markdown document. */
export async function exportEvidencePack(db: TrailmarkDb, request: PackRequest): Promise<string[]> {
  const tables = [db.goals, db.links, db.pages, db.highlights, db.tags];
  return db.transaction('r', tables, async () => {
    const names = await publicTagNames(db);
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
