// First run and updates: the built-in archetype tags must exist, and a new reader is shown the
// welcome page with a passage to try. Each install draws its own names for what pages can see.
import browser from 'webextension-polyfill';
import type { TrailmarkDb } from '../storage/db';
import { loadSeed } from '../shared/page-names';
import { seedArchetypes } from '../storage/seed';
import { checkSafety } from './safety';

export async function onInstalled(db: TrailmarkDb, reason: string): Promise<void> {
  await seedArchetypes(db);
  // Made now, so the first pages opened already share this install's names.
  await loadSeed(browser.storage.local);
  await checkSafety(db);
  if (reason === 'install') {
    await browser.tabs.create({ url: browser.runtime.getURL('welcome.html') });
  }
}
