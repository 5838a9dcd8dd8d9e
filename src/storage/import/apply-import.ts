// Writes an import plan from another highlighter in one transaction: a failure anywhere leaves
// the library exactly as it was. Importing the same file again adds nothing: each highlight's id
// is a digest of its page and text (import-ids.ts), and a quote the page held before, however
// it got there, is not added again. Tags are matched by name onto the reader's own, the
// archetypes also when written "tech-lead" or "TechLead"; new ones are created. Highlights come
// in as "not placed yet": the content script places them on the next visit, or lists them as
// not found.
import { ARCHETYPES } from '../../shared/archetypes';
import { LIMITS } from '../../shared/limits';
import type {
  ImportedHighlight,
  ImportedPage,
  ImportPlan,
} from '../../shared/importers/import-plan';
import type { HighlightRecord, PageRecord, TagRecord } from '../../shared/types';
import type { TrailmarkDb } from '../database/db';
import { newPage } from '../records/pages';
import { markIndexPending } from '../search/index-catch-up';
import { deferIndexing } from '../search/search-index';
import { customTagColor, tagNameKey } from '../records/tags';
import { importedId } from './import-ids';

export interface ImportOutcome {
  pagesAdded: number;
  highlightsAdded: number;
  /** Highlights the library already held (an earlier import, or highlighted here). */
  alreadyHere: number;
  tagsAdded: number;
  /** Search catches up after this import (a large one), and may miss its highlights until then. */
  indexLater: boolean;
}

/** Archetype names without case, spaces or dashes: "Tech Lead", "tech-lead", "techlead". */
const looseKey = (name: string): string => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

const ARCHETYPE_BY_LOOSE = new Map(ARCHETYPES.map((a) => [looseKey(a.name), a.id]));

/** Resolves tag names to ids, creating the tags the library lacks. */
class TagResolver {
  private readonly byKey = new Map<string, string>();
  readonly created: TagRecord[] = [];

  constructor(
    tags: readonly TagRecord[],
    private readonly now: number,
  ) {
    for (const tag of tags) this.byKey.set(tag.nameKey, tag.id);
  }

  private archetypeId(name: string): string | undefined {
    const id = ARCHETYPE_BY_LOOSE.get(looseKey(name));
    return id !== undefined && [...this.byKey.values()].includes(id) ? id : undefined;
  }

  idOf(rawName: string): string {
    const name = rawName.trim().replace(/\s+/g, ' ');
    const nameKey = tagNameKey(name);
    const known = this.byKey.get(nameKey) ?? this.archetypeId(name);
    if (known !== undefined) return known;
    const tag: TagRecord = {
      id: crypto.randomUUID(),
      name,
      nameKey,
      color: customTagColor(nameKey),
      kind: 'custom',
      createdAt: this.now,
      updatedAt: this.now,
    };
    this.created.push(tag);
    this.byKey.set(nameKey, tag.id);
    return tag.id;
  }

  idsOf(names: readonly string[]): string[] {
    return [...new Set(names.map((n) => this.idOf(n)))];
  }
}

const sameText = (text: string): string => text.replace(/\s+/g, ' ').trim();

interface PageWrite {
  page: PageRecord;
  isNew: boolean;
  highlights: HighlightRecord[];
}

function datesOf(page: ImportedPage): { first: number; last: number } {
  const times = page.highlights.map((h) => h.createdAt);
  return { first: Math.min(...times), last: Math.max(...times) };
}

function pageRecord(
  stored: PageRecord | undefined,
  page: ImportedPage,
  tagIds: string[],
): PageRecord {
  if (stored) {
    const merged = [...new Set([...stored.tagIds, ...tagIds])];
    return merged.length === stored.tagIds.length ? stored : { ...stored, tagIds: merged };
  }
  const { first, last } = datesOf(page);
  // Without a title the page is named by its URL, cut to what a title may hold.
  const title = page.title || page.url.slice(0, LIMITS.title);
  return { ...newPage(page.url, title, last), firstVisitAt: first, tagIds };
}

function highlightRecord(
  id: string,
  pageId: string,
  h: ImportedHighlight,
  tagIds: string[],
  now: number,
): HighlightRecord {
  const position = h.selectors.find((s) => s.type === 'TextPositionSelector')?.start ?? 0;
  return {
    id,
    pageId,
    selectors: h.selectors,
    quote: h.quote,
    color: h.color,
    tagIds,
    note: h.note,
    createdAt: h.createdAt,
    updatedAt: Math.max(h.createdAt, now),
    anchorStatus: 'unknown',
    position,
  };
}

/** What the library already holds of the plan's pages, read at once inside the transaction. */
interface Known {
  pages: Map<string, PageRecord>;
  /** Per stored page id, the quotes of its highlights, whitespace collapsed. */
  quotes: Map<string, Set<string>>;
  ids: Set<string>;
}

/**
 * An imported highlight's id is a digest of its page's URL (import-ids.ts), so one stored under
 * it can only be on a stored page of that URL: reading those pages' highlights finds both the
 * ids and the quotes, with no lookup per highlight.
 */
async function readKnown(db: TrailmarkDb, plan: ImportPlan): Promise<Known> {
  const stored = await db.pages
    .where('url')
    .anyOf(plan.pages.map((p) => p.url))
    .toArray();
  const existing = await db.highlights
    .where('pageId')
    .anyOf(stored.map((p) => p.id))
    .toArray();
  const quotes = new Map<string, Set<string>>();
  for (const h of existing) {
    const set = quotes.get(h.pageId) ?? new Set<string>();
    set.add(sameText(h.quote));
    quotes.set(h.pageId, set);
  }
  return {
    pages: new Map(stored.map((p) => [p.url, p])),
    quotes,
    ids: new Set(existing.map((h) => h.id)),
  };
}

function planPage(
  page: ImportedPage,
  ids: readonly string[],
  known: Known,
  tags: TagResolver,
  now: number,
  outcome: ImportOutcome,
): PageWrite {
  const stored = known.pages.get(page.url);
  const record = pageRecord(stored, page, tags.idsOf(page.tags));
  const quotes = stored ? known.quotes.get(stored.id) : undefined;
  const highlights: HighlightRecord[] = [];
  page.highlights.forEach((h, i) => {
    const id = ids[i] ?? '';
    if (known.ids.has(id) || quotes?.has(sameText(h.quote))) {
      outcome.alreadyHere += 1;
      return;
    }
    highlights.push(highlightRecord(id, record.id, h, tags.idsOf(h.tags), now));
  });
  return { page: record, isNew: !stored, highlights };
}

/**
 * Highlights an import indexes for search as it writes them; a larger import leaves the index to
 * catch up afterwards, as a backup import does (index-catch-up.ts), which is several times faster.
 */
export const INDEX_INLINE_MAX = 2000;

/**
 * Writes the plan. Ids are worked out first, since a transaction cannot wait on anything but the
 * database; then everything is read and written in the one transaction.
 */
export async function applyImport(
  db: TrailmarkDb,
  plan: ImportPlan,
  now = Date.now(),
): Promise<ImportOutcome> {
  const ids = await Promise.all(
    plan.pages.map((page) => Promise.all(page.highlights.map((h) => importedId(page, h)))),
  );
  const tables = [db.pages, db.highlights, db.tags, db.meta];
  return db.transaction('rw', tables, async (tx) => {
    const outcome: ImportOutcome = {
      pagesAdded: 0,
      highlightsAdded: 0,
      alreadyHere: 0,
      tagsAdded: 0,
      indexLater: false,
    };
    const tags = new TagResolver(await db.tags.toArray(), now);
    const known = await readKnown(db, plan);
    const writes = plan.pages.map((page, i) =>
      planPage(page, ids[i] ?? [], known, tags, now, outcome),
    );
    // A page with nothing new is left alone, so that importing again changes nothing at all.
    const changed = writes.filter((w) => w.highlights.length > 0);
    const usedTags = new Set(
      changed.flatMap((w) => [...w.page.tagIds, ...w.highlights.flatMap((h) => h.tagIds)]),
    );
    const newTags = tags.created.filter((t) => usedTags.has(t.id));
    const highlights = changed.flatMap((w) => w.highlights);
    outcome.indexLater = highlights.length > INDEX_INLINE_MAX;
    if (outcome.indexLater) deferIndexing(tx.idbtrans);
    await db.tags.bulkAdd(newTags);
    await db.pages.bulkPut(changed.map((w) => w.page));
    await db.highlights.bulkAdd(highlights);
    if (outcome.indexLater) await markIndexPending(db);
    outcome.tagsAdded = newTags.length;
    outcome.pagesAdded = changed.filter((w) => w.isNew).length;
    outcome.highlightsAdded = highlights.length;
    return outcome;
  });
}
