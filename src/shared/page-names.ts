// The names Trailmark leaves where a page script can read them: highlight registry names, the
// attribute that shows the pointer over a highlight, the host elements of its in-page UI, the
// fallback painter's element and the reveal fragment's key. A fixed name would tell every page
// that Trailmark is installed, so each install draws one random seed and derives every name
// from it; no name ever contains "trailmark".
import type { Storage } from 'webextension-polyfill';
import { HIGHLIGHT_COLORS, type HighlightColor } from './types';
import { randomLetters } from './random-id';

export interface PageNames {
  /** Highlight registry name of each colour. */
  colors: Record<HighlightColor, string>;
  /** Registry name of the brief flash on a revealed highlight. */
  flash: string;
  /** Registry name of the mark on highlights drawn but not saved yet. */
  pending: string;
  /** Registry name of the mark on highlights that carry a note (never the note itself). */
  noted: string;
  /** Attribute on <html> while the pointer is over a highlight. */
  pointer: string;
  /** Attribute holding a highlight's id on the fallback painter's elements. */
  markId: string;
  /** Custom element names (they must hold a hyphen). */
  mark: string;
  toolbar: string;
  tip: string;
  status: string;
  /** Key of the fragment that opens a page at a highlight: `#key=id`. */
  reveal: string;
}

export const PAGE_NAMES_KEY = 'pageNamesSeed';
const SEED_LENGTH = 16;

/** FNV-1a, then xorshift: the same seed and role always give the same letters. */
function derivedLetters(seed: string, role: string, length: number): string {
  let state = 0x811c9dc5;
  for (const char of `${seed}/${role}`) state = Math.imul(state ^ char.charCodeAt(0), 0x01000193);
  let letters = '';
  while (letters.length < length) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    letters += String.fromCharCode(97 + ((state >>> 0) % 26));
  }
  return letters;
}

export function pageNamesFrom(seed: string): PageNames {
  const word = (role: string) => derivedLetters(seed, role, 8);
  const element = (role: string) =>
    `${derivedLetters(seed, role, 5)}-${derivedLetters(seed, `${role}+`, 5)}`;
  const colors = Object.fromEntries(HIGHLIGHT_COLORS.map((color) => [color, word(color)]));
  return {
    colors: colors as Record<HighlightColor, string>,
    flash: word('flash'),
    pending: word('pending'),
    noted: word('noted'),
    pointer: word('pointer'),
    markId: word('mark-id'),
    mark: element('mark'),
    toolbar: element('toolbar'),
    tip: element('tip'),
    status: element('status'),
    reveal: word('reveal'),
  };
}

export const newSeed = (): string => randomLetters(SEED_LENGTH);

const isSeed = (value: unknown): value is string =>
  typeof value === 'string' && /^[a-z]{16}$/.test(value);

/**
 * This install's seed, made on first use. Two tabs racing on a fresh install may each write
 * one; both then use whichever was stored last.
 */
export async function loadSeed(storage: Storage.StorageArea): Promise<string> {
  const stored = (await storage.get(PAGE_NAMES_KEY))[PAGE_NAMES_KEY];
  if (isSeed(stored)) return stored;
  await storage.set({ [PAGE_NAMES_KEY]: newSeed() });
  const written = (await storage.get(PAGE_NAMES_KEY))[PAGE_NAMES_KEY];
  if (!isSeed(written)) throw new Error('the page names could not be stored');
  return written;
}

export const loadPageNames = async (storage: Storage.StorageArea): Promise<PageNames> =>
  pageNamesFrom(await loadSeed(storage));
