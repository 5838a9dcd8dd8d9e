// First run and updates: the built-in archetype tags must exist, and a new reader is shown the
// welcome page with a passage to try.
import browser from 'webextension-polyfill';
import type { TrailmarkDb } from '../storage/database/db';
import { seedArchetypes } from '../storage/records/seed';
import { checkSafety } from './safety';

export async function onInstalled(db: TrailmarkDb, reason: string): Promise<void> {
  await seedArchetypes(db);
  await checkSafety(db);
  if (reason === 'install') {
    await browser.tabs.create({ url: browser.runtime.getURL('welcome.html') });
  }
}
