// The names this content script shows the page, held in one place: this install's own, read
// from extension storage at start. A document that needs a name before they arrive (or cannot
// read them) draws a set of its own instead, so nothing ever falls back to a fixed name; once a
// name was handed out the set never changes for the document, so its drawings and styles agree.
import type { Storage } from 'webextension-polyfill';
import { loadPageNames, newSeed, pageNamesFrom, type PageNames } from '../shared/page-names';

let loaded: PageNames | null = null;
let settled: PageNames | null = null;

export const names = (): PageNames => (settled ??= loaded ?? pageNamesFrom(newSeed()));

export async function useInstallNames(storage: Storage.StorageArea): Promise<void> {
  loaded = await loadPageNames(storage).catch(() => null);
}
