// Before sync is turned on, one request asks the server whether this account may use this
// database, so that a mistyped password or database name is said at once, in words, and
// nothing is kept. The request goes from the background, never from a page.
import type { SyncSettings } from '../../shared/sync-types';

/** How long the server may take to answer before the reader is told it does not. */
export const CHECK_TIMEOUT_MS = 20_000;

export const basicAuth = (username: string, password: string): string => {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
};

function refusal(status: number, database: string): string {
  if (status === 401) return 'Wrong username or password.';
  if (status === 403) {
    return `This account may not use the database “${database}”: make it a member of the database (see the README’s Sync section).`;
  }
  if (status === 404) {
    return `There is no database “${database}” on this server: create it first (see the README’s Sync section).`;
  }
  return `The server answered with an error (HTTP ${status}). Try again later.`;
}

const looksLikeCouch = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && 'db_name' in body;

/** Null when the account may read the database; otherwise why not, in words. */
export async function checkAccount(
  settings: SyncSettings,
  fetcher: typeof fetch = fetch,
  timeoutMs = CHECK_TIMEOUT_MS,
): Promise<string | null> {
  const url = `${settings.server}/${encodeURIComponent(settings.database)}`;
  let response: Response;
  try {
    response = await fetcher(url, {
      headers: {
        authorization: basicAuth(settings.username, settings.password),
        accept: 'application/json',
      },
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      return 'The server did not answer in time. Check the address, or try again later.';
    }
    return 'Cannot reach the server. Check the address, and that the server is running.';
  }
  if (!response.ok) return refusal(response.status, settings.database);
  const body: unknown = await response.json().catch(() => null);
  return looksLikeCouch(body) ? null : 'That address does not answer like a CouchDB server.';
}
