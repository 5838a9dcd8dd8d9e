// @vitest-environment happy-dom
// The highlight chosen in the library stays chosen while the library changes under it, as a
// sync does: newer highlights arriving above it move its row, not the editor to another
// highlight, and a note being typed stays on the highlight it was typed for. When a sync deletes
// the chosen highlight, the editor says so and keeps what was typed, instead of showing another.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, it, vi } from 'vitest';
import { getDb } from '../../../src/storage/database/db';
import { useLibraryMount } from './library-mount';
import { articlePage, quoteHighlight } from './library-records';

// Opening a page from a row asks the browser; nothing here does.
vi.mock('webextension-polyfill', () => ({ default: {} }));
const { LibraryView } = await import('../../../src/ui/review/library/LibraryView');

const page = articlePage('page-1', 'https://example.com/article', 'Article');

/** Highlight `n`: the larger `n`, the newer, so the higher in the list. */
const highlight = (n: number) => quoteHighlight(n, page, { id: `h-${n}`, position: n });

const range = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => highlight(from + i));

const mount = useLibraryMount('.editor', async () => {
  const db = getDb();
  await db.transaction('rw', [db.pages, db.highlights], async () => {
    await db.pages.put(page);
    await db.highlights.bulkPut(range(0, 5));
  });
});
const { text, until } = mount;
const editorQuote = () => text('.editor .full-quote');
const noteField = () => mount.root.querySelector<HTMLTextAreaElement>('.editor textarea');

/** Opens the library and chooses the row of highlight `n` (third from the top of five). */
async function choose(n: number) {
  render(<LibraryView tags={[]} goals={[]} />, mount.root);
  await until(() => text('.vrow:first-child .quote').includes('Quote 4'), 'the newest on top');
  const row = [...mount.root.querySelectorAll<HTMLElement>('.vrow')].find((r) =>
    r.textContent?.includes(`Quote ${n}`),
  );
  if (!row) throw new Error(`no row of Quote ${n}`);
  await act(() => row.click());
  await until(() => editorQuote() === `Quote ${n}`, `the editor of Quote ${n}`);
}

async function type(value: string) {
  const field = noteField();
  if (!field) throw new Error('no note field');
  await act(() => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Newer highlights arrive in one write, as a sync's batch does. */
async function arrive(from: number, to: number) {
  const db = getDb();
  await db.transaction('rw', db.highlights, () => db.highlights.bulkPut(range(from, to)));
  await until(() => text('.vrow:first-child .quote').includes(`Quote ${to - 1}`), 'the new top');
}

it('keeps the chosen highlight in the editor while newer ones arrive above it', async () => {
  await choose(2);
  await arrive(5, 8);
  expect(editorQuote()).toBe('Quote 2');
  // Its row moved down with it, and is the one marked chosen.
  await until(() => text('.vrow.active .quote').includes('Quote 2'), 'its row marked chosen');
  expect(mount.root.querySelectorAll('.vrow.active')).toHaveLength(1);
});

it('keeps its place in the list when so many arrive that its row is no longer loaded', async () => {
  await choose(2);
  await arrive(5, 45);
  expect(editorQuote()).toBe('Quote 2');
  // 40 newer above it: the list says its row is the 43rd, as keyboard moves start from there.
  const list = () =>
    mount.root.querySelector('[role="listbox"]')?.getAttribute('aria-activedescendant');
  await until(() => list() === 'row-42', 'the list pointing at its row');
});

it('keeps a note being typed on the highlight it is typed for', async () => {
  await choose(2);
  await type('typed while a sync ran');
  await arrive(5, 8);
  expect(editorQuote()).toBe('Quote 2');
  expect(noteField()?.value).toBe('typed while a sync ran');
  // The note is saved on that highlight, and on no other.
  const db = getDb();
  await until(() => text('.saved').includes('Note saved'), 'the note saved');
  expect((await db.highlights.get('h-2'))?.note).toBe('typed while a sync ran');
  const others = (await db.highlights.toArray()).filter((h) => h.id !== 'h-2');
  expect(others.filter((h) => h.note !== '')).toEqual([]);
});

it('keeps a note being typed when a sync brings another version of that note', async () => {
  await choose(2);
  await type('typed here');
  const db = getDb();
  await db.highlights.update('h-2', { note: 'written on another device' });
  // Until it is saved, the field shows what the reader typed, never the other version.
  const shown = new Set<string>();
  await until(() => {
    shown.add(noteField()?.value ?? '');
    return text('.saved').includes('Note saved');
  }, 'the note saved');
  expect([...shown]).toEqual(['typed here']);
  // Saved after it, the reader's note is the later edit.
  expect((await db.highlights.get('h-2'))?.note).toBe('typed here');
});

it('says so when a sync deletes the chosen highlight, keeping the note being typed', async () => {
  await choose(2);
  await type('typed as it was deleted');
  const db = getDb();
  await db.highlights.delete('h-2');
  await until(() => /deleted/i.test(text('.editor h2')), 'the editor saying it is gone');
  // The list reads the library on its own, and under load may drop the row after the editor.
  const rowsShown = () => [...mount.root.querySelectorAll('.vrow')].map((r) => r.textContent);
  await until(() => !rowsShown().some((row) => row?.includes('Quote 2')), 'its row gone');
  // No other highlight takes its place, and what was typed is still there to copy.
  expect(editorQuote()).toBe('');
  expect(noteField()?.value).toBe('typed as it was deleted');
  expect(noteField()?.readOnly).toBe(true);
  expect(mount.root.querySelectorAll('.vrow.active')).toHaveLength(0);
});
