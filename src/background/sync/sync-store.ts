// Where sync keeps its settings and its last status: the browser's local extension storage of
// this device only — never browser sync storage (which copies itself to the reader's browser
// account), never the library's database (which backups and exports read).
import browser from 'webextension-polyfill';
import { SYNC_STATE_KEY } from '../../shared/sync-settings';
import type { SyncSettings } from '../../shared/sync-types';
import { SYNC_OFF, type SyncRecord, type SyncStore } from './sync-record';

const SETTINGS_KEY = 'trailmark-sync-settings';

async function read<T>(key: string): Promise<T | null> {
  const stored = (await browser.storage.local.get(key)) as Record<string, T | undefined>;
  return stored[key] ?? null;
}

export const browserSyncStore: SyncStore = {
  settings: () => read<SyncSettings>(SETTINGS_KEY),
  async setSettings(settings) {
    if (settings === null) await browser.storage.local.remove(SETTINGS_KEY);
    else await browser.storage.local.set({ [SETTINGS_KEY]: settings });
  },
  record: async () => (await read<SyncRecord>(SYNC_STATE_KEY)) ?? SYNC_OFF,
  async setRecord(record) {
    await browser.storage.local.set({ [SYNC_STATE_KEY]: record });
  },
};
