// What the content script knows about the page it runs on: its highlights with where they are
// drawn, and the reader's tags. One place, so every action sees the same picture.
import type { HighlightRecord, TagRecord } from '../shared/types';
import type { Placed } from './hit-test';

export interface Entry {
  record: HighlightRecord;
  range: Range | null;
}

export interface PageState {
  entries: Map<string, Entry>;
  tags: TagRecord[];
  /** The page has a record (something was saved on it), so reading time may be recorded. */
  saved: boolean;
}

export const createPageState = (): PageState => ({ entries: new Map(), tags: [], saved: false });

export function* placedEntries(state: PageState): Iterable<Placed> {
  for (const [id, entry] of state.entries) if (entry.range) yield { id, range: entry.range };
}

export function rememberTag(state: PageState, tag: TagRecord): void {
  if (!state.tags.some((t) => t.id === tag.id)) state.tags = [...state.tags, tag];
}
