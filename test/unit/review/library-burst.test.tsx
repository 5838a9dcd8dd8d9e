// @vitest-environment happy-dom
// The library while a sync fills an empty device: batch after batch arrives, each its own
// transaction, as fast as they can be written. The view follows them at a pace rather than
// batch by batch, and once the last batch is in it shows the whole library, counted, with the
// newest highlight on top.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, it, vi } from 'vitest';
import type { HighlightRecord, PageRecord } from '../../../src/shared/types';
import { getDb } from '../../../src/storage/database/db';
import { useLibraryMount } from './library-mount';
import { articlePage, quoteHighlight } from './library-records';

// Opening a page from a row asks the browser; nothing here does.
vi.mock('webextension-polyfill', () => ({ default: {} }));
const { LibraryView } = await import('../../../src/ui/review/library/LibraryView');

const BATCHES = 30;
const PER_BATCH = 20;
/** How far apart the batches come. */
const BETWEEN_MS = 50;

function batch(b: number): { page: PageRecord; highlights: HighlightRecord[] } {
  const page = articlePage(`page-${b}`, `https://example.com/${b}`, `Article ${b}`);
  const highlights = Array.from({ length: PER_BATCH }, (_, h) => {
    const n = b * PER_BATCH + h;
    return quoteHighlight(n, page, { id: `h-${String(n).padStart(4, '0')}`, position: h });
  });
  return { page, highlights };
}

const mount = useLibraryMount('.count');
const { text, until } = mount;

it('shows the whole library, newest first, once a burst of batches has been written', async () => {
  render(<LibraryView tags={[]} goals={[]} />, mount.root);
  await until(() => /Nothing saved yet/.test(text('.library-body')), 'the empty library');

  const db = getDb();
  // The newest highlight on top changes with every batch: each one on screen was a redraw.
  const tops = new Set<string>();
  const observer = new MutationObserver(() => tops.add(text('.vrow:first-child .quote')));
  observer.observe(mount.root, { subtree: true, childList: true, characterData: true });
  // One batch after another, a moment apart, as a sync's arrive.
  for (let b = 0; b < BATCHES; b += 1) {
    const { page, highlights } = batch(b);
    await db.transaction('rw', [db.pages, db.highlights], async () => {
      await db.pages.put(page);
      await db.highlights.bulkPut(highlights);
    });
    await act(() => new Promise((resolve) => setTimeout(resolve, BETWEEN_MS)));
  }

  const total = BATCHES * PER_BATCH;
  await until(() => text('.count') === `${total} highlights`, `the count of ${total}`);
  const newest = total - 1;
  await until(
    () => text('.vrow:first-child .quote').includes(`Quote ${newest}`),
    'the newest highlight on top',
  );
  expect(text('.vrow:first-child .title')).toBe(`Article ${BATCHES - 1}`);
  observer.disconnect();
  // Followed at a pace, not batch by batch.
  expect(tops.size).toBeLessThan(BATCHES / 3);
});
