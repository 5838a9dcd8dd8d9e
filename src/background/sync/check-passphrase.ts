// Before sync is turned on, the passphrase is tried against what the database already holds (the
// key check its first device sealed into the meta document), so a wrong one is refused at once,
// in words, with nothing kept here and nothing written to the server — not at the first run.
import type { SyncSettings } from '../../shared/sync-types';
import { CHECK_TIMEOUT_MS, checkAccount } from './check-account';
import { CouchClient } from './couch-client';
import { checkPassphrase as checkAgainstMeta } from './sync-codec';
import { SyncError } from './sync-error';

const sentence = (words: string): string =>
  `${words.charAt(0).toUpperCase()}${words.slice(1)}${words.endsWith('.') ? '' : '.'}`;

/** Null when the passphrase fits the database (or the database is new); otherwise why not. */
export async function checkPassphrase(
  settings: SyncSettings,
  fetcher?: typeof fetch,
  timeoutMs = CHECK_TIMEOUT_MS,
): Promise<string | null> {
  try {
    const client = new CouchClient(settings, { fetch: fetcher, timeoutMs });
    await checkAgainstMeta(client, settings.passphrase ?? '');
    return null;
  } catch (error) {
    if (error instanceof SyncError) return sentence(error.message);
    throw error;
  }
}

/** Everything "Turn on sync" asks the server first: the account, then the passphrase. */
export const checkTurnOn = async (settings: SyncSettings): Promise<string | null> =>
  (await checkAccount(settings)) ?? (await checkPassphrase(settings));
