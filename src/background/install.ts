// First run and updates: the built-in archetype tags must exist, and a new reader is shown the
// welcome page with a passage to try. Each install draws its own names for what pages can see.
import browser from 'webextension-polyfill';
import type { TrailmarkDb } from '../storage/database/db';
import { loadSeed, pageNamesFrom, type PageNames } from '../shared/page-names';
import { seedArchetypes } from '../storage/records/seed';
import { checkSafety } from './safety';

let seed: Promise<string> | undefined;

/** This install's page names, made once per worker's life even when asked twice at once. */
export const installPageNames = async (): Promise<PageNames> =>
  pageNamesFrom(await (seed ??= loadSeed(browser.storage.local)));

export async function onInstalled(db: TrailmarkDb, reason: string): Promise<void> {
  await seedArchetypes(db);
  // Made now, so the first pages opened already share this install's names.
  await installPageNames();
  await checkSafety(db);
  if (reason === 'install') {
    await browser.tabs.create({ url: browser.runtime.getURL('welcome.html') });
  }
}
