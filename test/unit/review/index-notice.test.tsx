// @vitest-environment happy-dom
// The notice that search is still indexing an import: it says how far it got, and mounting it
// carries a half-done catch-up to the end (a review tab closed mid-way leaves one behind).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { getDb } from '../../../src/storage/database/db';
import type * as CatchUp from '../../../src/storage/search/index-catch-up';
import { INDEX_PENDING_KEY, type IndexPending } from '../../../src/storage/search/index-pending';
import { searchLibrary } from '../../../src/storage/search/search';
import { fillLibrary } from '../export/library-fixture';

// The catch-up waits at a gate the test opens, so the notice can be seen before it finishes.
const gate = vi.hoisted(() => {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open: () => open() };
});
vi.mock('../../../src/storage/search/index-catch-up', async (actual) => {
  const real = await actual<typeof CatchUp>();
  return {
    ...real,
    catchUpIndex: async (db: Parameters<typeof real.catchUpIndex>[0]) => {
      await gate.opened;
      return real.catchUpIndex(db);
    },
  };
});

const { IndexNotice } = await import('../../../src/ui/common/IndexNotice');

let root: HTMLElement;
beforeEach(async () => {
  root = document.createElement('div');
  document.body.append(root);
  await fillLibrary(getDb());
});
afterEach(async () => {
  render(null, root);
  root.remove();
  const db = getDb();
  await Promise.all(db.tables.map((table) => table.clear()));
});

async function settled(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (check()) return;
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  throw new Error(`never settled: ${root.innerHTML}`);
}

const state = () => root.querySelector<HTMLElement>('.index-status')?.dataset.state;

it('says how far indexing got, then finishes it and goes', async () => {
  const db = getDb();
  // As an import leaves it: records written, their words not yet indexed.
  await db.highlightWords.clear();
  const pending: IndexPending = { phase: 'highlights', after: '', done: 2, total: 4 };
  await db.meta.put({ key: INDEX_PENDING_KEY, value: pending });
  expect((await searchLibrary(db, 'gnarly')).total).toBe(0);

  await act(() => render(<IndexNotice />, root));
  await settled(() => state() === 'pending');
  expect(root.querySelector('.index-notice')?.textContent).toMatch(
    /still indexing imported highlights \(50 % done\)/,
  );
  gate.open();
  await settled(() => state() === 'done');
  expect(root.querySelector('.index-notice')).toBeNull();
  expect((await searchLibrary(db, 'gnarly')).total).toBe(1);
});

it('shows nothing while there is nothing to index', async () => {
  await act(() => render(<IndexNotice />, root));
  await settled(() => state() === 'done');
  expect(root.textContent).toBe('');
});
