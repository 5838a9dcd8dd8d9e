// The canary marker in the extension's key-value storage, kept apart from IndexedDB so that it
// survives when the database is wiped.
import browser from 'webextension-polyfill';

export interface CanaryMarker {
  canaryId: string;
  /** When a wipe was noticed; null while none was. */
  wipedAt: number | null;
  lastBackupAt: number | null;
}

/** Where the marker is kept: outside the database (browser.storage.local in the extension). */
export interface MarkerStore {
  get(): Promise<CanaryMarker | null>;
  set(marker: CanaryMarker): Promise<void>;
}

const KEY = 'trailmark-canary';

export const markerStore: MarkerStore = {
  async get() {
    const stored = (await browser.storage.local.get(KEY)) as Record<
      string,
      CanaryMarker | undefined
    >;
    return stored[KEY] ?? null;
  },
  async set(marker) {
    await browser.storage.local.set({ [KEY]: marker });
  },
};
