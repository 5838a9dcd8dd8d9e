// The library view's tests render it into a fresh element over a database seeded with the
// archetype tags, and wait on what it shows: one setup for them all, cleared after each test.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach } from 'vitest';
import { getDb } from '../../../src/storage/database/db';
import { seedArchetypes } from '../../../src/storage/records/seed';

export interface Mount {
  readonly root: HTMLElement;
  /** The text of the first element matching `css`, or ''. */
  text(css: string): string;
  /** Waits (up to 30 s of test time) until `condition` holds; the failure shows `context`. */
  until(condition: () => boolean, what: string): Promise<void>;
}

/** Registers the hooks; `seed` writes the test's records after the tags. */
export function useLibraryMount(
  context: string,
  seed: () => Promise<void> = async () => {},
): Mount {
  let root: HTMLElement | null = null;
  beforeEach(async () => {
    root = document.createElement('div');
    document.body.append(root);
    await seedArchetypes(getDb());
    await seed();
  });
  afterEach(async () => {
    if (root) render(null, root);
    root?.remove();
    const db = getDb();
    await Promise.all(db.tables.map((table) => table.clear()));
  });
  const mounted = (): HTMLElement => {
    if (!root) throw new Error('nothing is mounted outside a test');
    return root;
  };
  const text = (css: string) => mounted().querySelector(css)?.textContent ?? '';
  return {
    get root() {
      return mounted();
    },
    text,
    async until(condition, what) {
      for (let i = 0; i < 3000 && !condition(); i += 1) {
        await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
      }
      if (!condition()) throw new Error(`never: ${what} (${context}: "${text(context)}")`);
    },
  };
}
