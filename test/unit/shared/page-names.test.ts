// Names a page can read: random per install, stable within one, never "trailmark", and valid
// where they are used (custom element names, CSS identifiers, attribute names).
import { describe, expect, it } from 'vitest';
import { loadSeed, newSeed, pageNamesFrom, PAGE_NAMES_KEY } from '../../../src/shared/page-names';
import { randomId } from '../../../src/shared/random-id';

const memoryStorage = () => {
  const items = new Map<string, unknown>();
  return {
    items,
    get: async (key: string) => (items.has(key) ? { [key]: items.get(key) } : {}),
    set: async (values: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(values)) items.set(key, value);
    },
  };
};

const allNames = (seed: string): string[] => {
  const { colors, ...rest } = pageNamesFrom(seed);
  return [...Object.values(colors), ...Object.values(rest)];
};

describe('page names', () => {
  it('differ between installs, and are all distinct within one', () => {
    const a = allNames(newSeed());
    const b = allNames(newSeed());
    expect(new Set(a).size).toBe(a.length);
    expect(a.filter((name) => b.includes(name))).toEqual([]);
  });

  it('are valid where they are used and never name the extension', () => {
    const names = pageNamesFrom(newSeed());
    for (const element of [names.mark, names.toolbar, names.tip, names.status])
      expect(element).toMatch(/^[a-z]+-[a-z]+$/);
    for (const word of [...Object.values(names.colors), names.flash, names.pointer, names.reveal])
      expect(word).toMatch(/^[a-z]{8}$/);
    expect(JSON.stringify(names)).not.toMatch(/trailmark/i);
  });

  it('come from one seed made on first use and kept', async () => {
    const storage = memoryStorage();
    const first = await loadSeed(storage as never);
    expect(await loadSeed(storage as never)).toBe(first);
    expect(storage.items.get(PAGE_NAMES_KEY)).toBe(first);
    expect(pageNamesFrom(first)).toEqual(pageNamesFrom(first));
  });
});

describe('randomId', () => {
  it('makes version-4 UUIDs without crypto.randomUUID (absent in insecure contexts)', () => {
    const ids = Array.from({ length: 500 }, randomId);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
