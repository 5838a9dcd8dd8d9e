// What the reader types in the Sync section, checked the same way on the page (to say what is
// wrong beside each field) and in the background (which trusts no message). Credentials travel
// only to a server over https, or in plain http to this very machine.
import type { SyncSettings, SyncState } from './sync-types';

export const SYNC_FIELDS = ['server', 'database', 'username', 'password', 'passphrase'] as const;
export type SyncField = (typeof SYNC_FIELDS)[number];

export type SyncProblems = Partial<Record<SyncField, string>>;

export type SyncCheck =
  { ok: true; settings: SyncSettings } | { ok: false; problems: SyncProblems };

/** The fields as typed (a form or a message), before they are checked. */
export type SyncInput = Omit<SyncSettings, 'passphrase'> & { passphrase?: string | undefined };

/** What the pages may see of the settings: never the password or the passphrase. */
export interface SyncAccount {
  server: string;
  database: string;
  username: string;
  encrypted: boolean;
}

export const SYNC_LIMITS = {
  server: 2000,
  /** CouchDB's own bound on a database name. */
  database: 238,
  username: 200,
  password: 1000,
  passphrase: 1000,
  passphraseMin: 8,
} as const;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** CouchDB's rule for database names. */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

function serverProblem(raw: string): string | null {
  if (raw === '')
    return 'Enter the address of your CouchDB server, such as https://couch.example.org.';
  if (raw.length > SYNC_LIMITS.server) return 'That address is too long.';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'That is not a web address: write it in full, such as https://couch.example.org.';
  }
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    return 'Use https:// for this server. Plain http:// is allowed only to localhost or 127.0.0.1, since your password would travel unprotected.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return 'The address must start with https:// (or http:// for localhost).';
  }
  if (url.username || url.password) {
    return 'Leave the username and password out of the address: they have fields of their own.';
  }
  if (url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    return 'Give only the server’s address, without a path: the database has a field of its own.';
  }
  return null;
}

function databaseProblem(name: string): string | null {
  if (name === '') return 'Enter the name of your database on that server.';
  if (name.length > SYNC_LIMITS.database) return 'That database name is too long.';
  if (!DATABASE_NAME.test(name)) {
    return 'A database name starts with a lowercase letter and holds only lowercase letters, digits and _ $ ( ) + - /.';
  }
  return null;
}

function required(value: string, max: number, missing: string, tooLong: string): string | null {
  if (value === '') return missing;
  return value.length > max ? tooLong : null;
}

function passphraseProblem(passphrase: string): string | null {
  if (passphrase === '') return null;
  if (passphrase.length < SYNC_LIMITS.passphraseMin) {
    return `A passphrase needs at least ${SYNC_LIMITS.passphraseMin} characters; leave it empty to sync without encryption.`;
  }
  return passphrase.length > SYNC_LIMITS.passphrase ? 'That passphrase is too long.' : null;
}

/** The address as it is stored: its origin, without a trailing slash. */
export const serverOrigin = (raw: string): string => new URL(raw).origin;

/** Checks every field; on success, the settings trimmed and the address reduced to its origin. */
export function checkSyncSettings(input: SyncInput): SyncCheck {
  const server = input.server.trim();
  const database = input.database.trim();
  const username = input.username.trim();
  // Spaces may be part of a password or passphrase: kept as typed.
  const { password } = input;
  const passphrase = input.passphrase ?? '';
  const found: [SyncField, string | null][] = [
    ['server', serverProblem(server)],
    ['database', databaseProblem(database)],
    [
      'username',
      required(
        username,
        SYNC_LIMITS.username,
        'Enter the username of your account on that server.',
        'That username is too long.',
      ),
    ],
    [
      'password',
      required(
        password,
        SYNC_LIMITS.password,
        'Enter the password of that account.',
        'That password is too long.',
      ),
    ],
    ['passphrase', passphraseProblem(passphrase)],
  ];
  const problems: SyncProblems = {};
  for (const [field, problem] of found) if (problem !== null) problems[field] = problem;
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const settings: SyncSettings = { server: serverOrigin(server), database, username, password };
  if (passphrase !== '') settings.passphrase = passphrase;
  return { ok: true, settings };
}

/** The settings without their secrets, for a page to show. */
export const accountOf = (settings: SyncSettings): SyncAccount => ({
  server: settings.server,
  database: settings.database,
  username: settings.username,
  encrypted: (settings.passphrase ?? '') !== '',
});

/** What the background tells a page about sync: its state, and the account without secrets. */
export interface SyncStatus {
  state: SyncState;
  account: SyncAccount | null;
}

/** The local-storage key of sync's status; a page watches it to learn that the status changed. */
export const SYNC_STATE_KEY = 'trailmark-sync-state';
