// Brings a page's highlights back: on load, when late content settles, and after client-side
// navigation. Re-anchoring waits until the page's text has been quiet for a moment (a debounced
// MutationObserver that leaves out the painter's own changes), and orphans are reported, never
// deleted.
import { anchorAll } from '../anchoring';
import type { HighlightRecord } from '../shared/types';
import { normalizeUrl } from '../shared/url';
import type { PaintItem, Painter } from './highlight-painter';
import { send, sendUntilDone } from './messenger';
import type { Entry, PageState } from './page-state';

export const QUIET_MS = 600;
export const MAX_WAIT_MS = 3000;

export interface Restorer {
  load(): Promise<void>;
  watch(): void;
}

export interface RestorerHooks {
  /** The page's highlights were placed (after load or a client-side navigation). */
  onPageChanged(): void;
  /** A client-side navigation is about to switch to another page: the old one is left now. */
  onPageLeft(): void;
}

/** Only orphans and highlights whose text was taken out of the page are worth a new pass. */
function needsPlacing(entry: Entry): boolean {
  const { range } = entry;
  if (!range) return true;
  return range.collapsed || !range.startContainer.isConnected || !range.endContainer.isConnected;
}

export function createRestorer(
  state: PageState,
  painter: Painter,
  { onPageChanged, onPageLeft }: RestorerHooks,
): Restorer {
  let pageKey = normalizeUrl(location.href);
  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  let firstChange = 0;

  async function placeAll(records: HighlightRecord[]): Promise<void> {
    if (records.length === 0) return;
    const ranges = await anchorAll(
      document.body,
      records.map((r) => r.selectors),
    );
    const placed: PaintItem[] = [];
    const results = records.map((record, i) => {
      const range = ranges[i] ?? null;
      state.entries.set(record.id, { record, range });
      if (range) placed.push({ id: record.id, range, color: record.color });
      return {
        id: record.id,
        status: range ? ('anchored' as const) : ('orphan' as const),
        position: record.position,
      };
    });
    // All at once, so that drawing one cannot move the text another one points at.
    painter.paintAll(placed);
    for (const r of results) if (r.status === 'orphan') painter.remove(r.id);
    const changed = results.filter((r, i) => r.status !== records[i]?.anchorStatus);
    if (changed.length > 0)
      await send('highlight.placed', { url: location.href, results: changed });
    for (const r of changed) {
      const entry = state.entries.get(r.id);
      if (entry) entry.record = { ...entry.record, anchorStatus: r.status };
    }
  }

  async function load(): Promise<void> {
    // A worker stopped again and again must not leave the page without its highlights.
    const key = pageKey;
    const view = await sendUntilDone(
      'page.load',
      { url: location.href },
      { onWaiting: () => undefined, cancelled: () => key !== pageKey, refusalIsFinal: true },
    );
    state.tags = view.tags;
    state.saved = view.page !== null;
    await placeAll(view.highlights);
    onPageChanged();
  }

  function clear(): void {
    for (const id of state.entries.keys()) painter.remove(id);
    state.entries.clear();
  }

  async function settle(): Promise<void> {
    firstChange = 0;
    const key = normalizeUrl(location.href);
    if (key !== pageKey) {
      pageKey = key;
      onPageLeft();
      clear();
      await load();
      return;
    }
    const entries = [...state.entries.values()];
    if (entries.some(needsPlacing)) await placeAll(entries.map((entry) => entry.record));
  }

  function schedule(): void {
    const now = performance.now();
    firstChange ||= now;
    clearTimeout(quietTimer);
    const wait = Math.min(QUIET_MS, Math.max(0, firstChange + MAX_WAIT_MS - now));
    quietTimer = setTimeout(() => void settle().catch(() => undefined), wait);
  }

  return {
    load,
    watch() {
      const observer = new MutationObserver(schedule);
      observer.observe(document.body, { childList: true, characterData: true, subtree: true });
      // The page's changes queued before one of ours still count; ours are taken and dropped.
      painter.guardChanges((change) => {
        if (observer.takeRecords().length > 0) schedule();
        change();
        observer.takeRecords();
      });
      addEventListener('popstate', schedule);
    },
  };
}
