// @vitest-environment happy-dom
// The restorer in happy-dom, which lacks the CSS Custom Highlight API: highlights come back with
// the fallback painter, whose own DOM changes must never set off another pass, while the page's
// changes and client-side navigation still do.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Anchoring from '../../../src/anchoring';
import { anchorAll } from '../../../src/anchoring';
import { createPainter } from '../../../src/content/highlight-painter';
import { send } from '../../../src/content/messenger';
import { createPageState } from '../../../src/content/page-state';
import { startReadingTracker, type Reading } from '../../../src/content/reading-tracker';
import { createRestorer, MAX_WAIT_MS, QUIET_MS } from '../../../src/content/restorer';
import type { HighlightRecord } from '../../../src/shared/types';
import { boundedByMarks, markedText } from './page-text';

vi.mock('../../../src/content/messenger', () => {
  const send = vi.fn();
  return { send, sendUntilDone: send };
});
vi.mock('../../../src/anchoring', async (importOriginal) => {
  const real = await importOriginal<typeof Anchoring>();
  return { ...real, anchorAll: vi.fn(real.anchorAll) };
});

const PAGE = '<main><p>Alpha beta gamma delta.</p><p>Epsilon zeta eta.</p></main>';

function record(id: string, exact: string): HighlightRecord {
  return {
    id,
    pageId: 'page',
    selectors: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }],
    quote: exact,
    color: 'yellow',
    tagIds: [],
    note: '',
    createdAt: 0,
    updatedAt: 0,
    anchorStatus: 'anchored',
    position: 0,
  };
}

/** The background: answers page.load from `pages` by address and logs every request. */
function fakeBackground(pages: Record<string, HighlightRecord[]>, log: string[]): void {
  const answer = async (kind: string, payload: { url: string }) => {
    log.push(`${kind} ${payload.url}`);
    if (kind !== 'page.load') return { updated: 0 };
    const highlights = pages[payload.url] ?? [];
    return { page: highlights.length > 0 ? {} : null, highlights, tags: [] };
  };
  vi.mocked(send).mockImplementation(answer as unknown as typeof send);
}

function setUp(pages: Record<string, HighlightRecord[]>, onPageLeft: () => void = () => undefined) {
  const log: string[] = [];
  fakeBackground(pages, log);
  const state = createPageState();
  const restorer = createRestorer(state, createPainter(), {
    onPageChanged: () => log.push('changed'),
    onPageLeft: () => {
      log.push('left');
      onPageLeft();
    },
  });
  return { state, restorer, log };
}

const addParagraph = (text: string) =>
  document
    .querySelector('main')
    ?.append(Object.assign(document.createElement('p'), { textContent: text }));

const start = location.href;
beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'],
  });
  // A new body, so that the observers of earlier tests' restorers see nothing of this one.
  const body = document.createElement('body');
  body.innerHTML = PAGE;
  document.body.replaceWith(body);
  vi.mocked(anchorAll).mockClear();
});
afterEach(() => {
  vi.useRealTimers();
  history.replaceState(null, '', start);
});

describe('restorer with the fallback painter', () => {
  it('draws overlapping highlights with ranges on their own text', async () => {
    const { state, restorer } = setUp({
      [start]: [record('a', 'beta gamma'), record('b', 'gamma delta'), record('c', 'gamma')],
    });
    await restorer.load();
    expect(markedText()).toEqual({ a: 'beta gamma', b: 'gamma delta', c: 'gamma' });
    for (const [id, entry] of state.entries) {
      expect(entry.range && boundedByMarks(entry.range, id)).toBe(true);
      expect(entry.range?.toString()).toBe(entry.record.quote);
    }
  });

  it('never takes its own marks for a page change, but re-anchors after the page changes', async () => {
    // An orphan makes every pass anchor again, so a pass set off by our own marks would show.
    const { restorer } = setUp({ [start]: [record('a', 'beta gamma'), record('o', 'not here')] });
    await restorer.load();
    restorer.watch();
    expect(anchorAll).toHaveBeenCalledTimes(1);

    addParagraph('Late content.');
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    expect(anchorAll).toHaveBeenCalledTimes(2);
    expect(markedText()).toEqual({ a: 'beta gamma' });

    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS * 3);
    expect(anchorAll).toHaveBeenCalledTimes(2);

    addParagraph('More late content.');
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    expect(anchorAll).toHaveBeenCalledTimes(3);
  });

  it('places highlights again when the page re-renders their text', async () => {
    const { state, restorer } = setUp({ [start]: [record('a', 'zeta')] });
    await restorer.load();
    restorer.watch();
    const main = document.querySelector('main') as HTMLElement;
    main.innerHTML = '<p>Intro.</p><p>Epsilon zeta eta.</p>';
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    expect(markedText()).toEqual({ a: 'zeta' });
    const range = state.entries.get('a')?.range;
    expect(range?.startContainer.isConnected).toBe(true);
    expect(range?.toString()).toBe('zeta');
  });

  it('leaves the old page before loading the new one after a client-side navigation', async () => {
    const next = new URL('/next', start).href;
    const { state, restorer, log } = setUp({
      [start]: [record('a', 'beta')],
      [next]: [record('b', 'Other')],
    });
    await restorer.load();
    restorer.watch();
    history.pushState(null, '', next);
    document.body.innerHTML = '<main><p>Other article.</p></main>';
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    expect(log).toEqual([`page.load ${start}`, 'changed', 'left', `page.load ${next}`, 'changed']);
    expect([...state.entries.keys()]).toEqual(['b']);
    expect(markedText()).toEqual({ b: 'Other' });
  });

  it('reports reading time from before a client-side navigation under the old address', async () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    const readings: Reading[] = [];
    const stopReading = startReadingTracker((reading) => readings.push(reading));
    const next = new URL('/next', start).href;
    // Wired as the content script's entry wires them: leaving the page stops its tracker.
    const { restorer } = setUp({ [start]: [record('a', 'beta')] }, () => stopReading());
    await restorer.load();
    restorer.watch();

    await vi.advanceTimersByTimeAsync(10_000);
    history.pushState(null, '', next);
    document.body.innerHTML = '<main><p>Other article.</p></main>';
    await vi.advanceTimersByTimeAsync(QUIET_MS);

    expect(readings).toEqual([{ url: start, activeMs: 10_000 + QUIET_MS, maxScroll: 1 }]);
  });
});
