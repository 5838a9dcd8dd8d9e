// @vitest-environment happy-dom
// The library's count line: a small library is counted from its first rows at once, so
// "counting…" never flashes before the number.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { getDb } from '../../../src/storage/database/db';
import { fillLibrary } from '../export/library-fixture';

// Opening a page from a row asks the browser; nothing here does.
vi.mock('webextension-polyfill', () => ({ default: {} }));
const { LibraryView } = await import('../../../src/ui/review/library/LibraryView');

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

it('shows the count of a small library without "counting…" first', async () => {
  const seen = new Set<string>();
  const record = () => seen.add(root.querySelector('.count')?.textContent ?? '');
  const observer = new MutationObserver(record);
  observer.observe(root, { subtree: true, childList: true, characterData: true });
  render(<LibraryView tags={[]} goals={[]} />, root);
  record();
  for (let i = 0; i < 300 && !seen.has('3 highlights'); i += 1) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    record();
  }
  observer.disconnect();
  expect(seen).toContain('3 highlights');
  expect([...seen].filter((text) => /counting/i.test(text))).toEqual([]);
});
