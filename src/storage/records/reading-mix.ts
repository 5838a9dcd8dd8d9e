// The archetype mix of all reading in a period: the share of highlights per archetype, and the
// share of reading time per archetype (an article counts with its own archetype tags, or else
// with those of its highlights, its reading time split between them).
import { ARCHETYPES } from '../../shared/archetypes';
import { actualMix, type ActualMix, toPercents } from '../../shared/mix';
import type { ArchetypeMix, HighlightRecord, PageRecord } from '../../shared/types';
import type { TrailmarkDb } from '../database/db';
import { inPeriod, type Period } from './evidence';

export interface ReadingShare {
  shares: ArchetypeMix;
  /** Reading time per archetype, in whole milliseconds (an article's time split between its archetypes). */
  ms: ArchetypeMix;
  /** Articles whose reading time counts towards an archetype. */
  articles: number;
  /** Reading time that counts towards an archetype. */
  taggedMs: number;
  untaggedMs: number;
}

export interface LibraryMix {
  highlights: ActualMix;
  reading: ReadingShare;
}

const ARCHETYPE_IDS = ARCHETYPES.map((a) => a.id);
const isArchetype = (id: string) => ARCHETYPE_IDS.includes(id);

/** Per page, the archetypes its highlights carry. */
function highlightArchetypes(highlights: readonly HighlightRecord[]): Map<string, Set<string>> {
  const byPage = new Map<string, Set<string>>();
  for (const h of highlights) {
    const found = byPage.get(h.pageId) ?? new Set<string>();
    for (const id of h.tagIds) if (isArchetype(id)) found.add(id);
    byPage.set(h.pageId, found);
  }
  return byPage;
}

function readingShare(pages: readonly PageRecord[], fromHighlights: Map<string, Set<string>>) {
  const weights = new Map(ARCHETYPE_IDS.map((id) => [id, 0]));
  let taggedMs = 0;
  let untaggedMs = 0;
  let articles = 0;
  for (const page of pages) {
    const own = page.tagIds.filter(isArchetype);
    const archetypes = own.length > 0 ? own : [...(fromHighlights.get(page.id) ?? [])];
    if (archetypes.length === 0) {
      untaggedMs += page.readingMs;
      continue;
    }
    taggedMs += page.readingMs;
    articles += 1;
    for (const id of archetypes) {
      weights.set(id, (weights.get(id) ?? 0) + page.readingMs / archetypes.length);
    }
  }
  const ms = Object.fromEntries([...weights].map(([id, w]) => [id, Math.round(w)]));
  return { shares: toPercents(weights), ms, articles, taggedMs, untaggedMs };
}

export async function libraryMix(db: TrailmarkDb, period: Period): Promise<LibraryMix> {
  return db.transaction('r', [db.highlights, db.pages], async () => {
    const tagged = await db.highlights
      .where('tagIds')
      .anyOf(ARCHETYPE_IDS)
      .distinct()
      .filter((h) => inPeriod(h.createdAt, period))
      .toArray();
    const inRange = db.highlights
      .where('createdAt')
      .between(period.from ?? -Infinity, period.to ?? Infinity, true, false);
    const all = await inRange.count();
    const pages = await db.pages
      .where('lastVisitAt')
      .between(period.from ?? -Infinity, period.to ?? Infinity, true, false)
      .toArray();
    const mix = actualMix(tagged, ARCHETYPE_IDS);
    return {
      highlights: { ...mix, untagged: all - mix.tagged },
      reading: readingShare(pages, highlightArchetypes(tagged)),
    };
  });
}
