// The Sync section's fields, checked as the page and the background both check them: https
// everywhere but this machine, a real database name, the secrets kept as typed.
import { describe, expect, it } from 'vitest';
import { accountOf, checkSyncSettings, type SyncInput } from '../../../src/shared/sync-settings';
import type { SyncSettings } from '../../../src/shared/sync-types';

const good: SyncSettings = {
  server: 'https://couch.example.org',
  database: 'reader-ann',
  username: 'ann',
  password: ' pass word ',
};

const problemsOf = (patch: Partial<SyncInput>) => {
  const result = checkSyncSettings({ ...good, ...patch });
  return result.ok ? {} : result.problems;
};

describe('the server address', () => {
  it.each([
    'https://couch.example.org',
    'https://couch.example.org/',
    'https://couch.example.org:6984',
    'http://localhost:5984',
    'http://127.0.0.1:5984/',
    'http://[::1]:5984',
  ])('accepts %s', (server) => {
    expect(problemsOf({ server })).toEqual({});
  });

  it('refuses plain http to any other host, saying why', () => {
    for (const server of [
      'http://couch.example.org',
      'http://192.168.1.5:5984',
      'http://127.0.0.2',
    ]) {
      expect(problemsOf({ server }).server).toMatch(
        /Use https:\/\/.*only to localhost or 127\.0\.0\.1/,
      );
    }
  });

  it('refuses what is not a web address, another scheme, a path, or credentials in it', () => {
    expect(problemsOf({ server: '' }).server).toMatch(/Enter the address/);
    expect(problemsOf({ server: 'couch.example.org' }).server).toMatch(/not a web address/);
    expect(problemsOf({ server: 'ftp://couch.example.org' }).server).toMatch(
      /must start with https/,
    );
    expect(problemsOf({ server: 'https://couch.example.org/db' }).server).toMatch(/without a path/);
    expect(problemsOf({ server: 'https://couch.example.org/?a=1' }).server).toMatch(
      /without a path/,
    );
    expect(problemsOf({ server: 'https://ann:pw@couch.example.org' }).server).toMatch(
      /fields of their own/,
    );
  });

  it('keeps only the origin, trimmed', () => {
    const result = checkSyncSettings({ ...good, server: '  https://Couch.Example.org/  ' });
    expect(result.ok && result.settings.server).toBe('https://couch.example.org');
  });
});

describe('the other fields', () => {
  it('wants a CouchDB database name', () => {
    expect(problemsOf({ database: '' }).database).toMatch(/Enter the name/);
    expect(problemsOf({ database: 'Reader' }).database).toMatch(/lowercase letter/);
    expect(problemsOf({ database: '_users' }).database).toMatch(/lowercase letter/);
    expect(problemsOf({ database: 'a'.repeat(239) }).database).toMatch(/too long/);
    expect(problemsOf({ database: 'reader/ann_2(x)+$-' })).toEqual({});
  });

  it('wants a username and a password, and names every missing field at once', () => {
    expect(problemsOf({ username: ' ', password: '' })).toEqual({
      username: expect.stringMatching(/Enter the username/),
      password: expect.stringMatching(/Enter the password/),
    });
  });

  it('takes an empty passphrase as none, and a short one as a mistake', () => {
    const none = checkSyncSettings({ ...good, passphrase: '' });
    expect(none.ok && 'passphrase' in none.settings).toBe(false);
    expect(problemsOf({ passphrase: 'short' }).passphrase).toMatch(/at least 8 characters/);
    const kept = checkSyncSettings({ ...good, passphrase: ' long enough ' });
    expect(kept.ok && kept.settings.passphrase).toBe(' long enough ');
  });

  it('keeps the password as typed, spaces and all', () => {
    const result = checkSyncSettings(good);
    expect(result.ok && result.settings.password).toBe(' pass word ');
  });
});

describe('what a page may see', () => {
  it('is the account without its password or passphrase', () => {
    const account = accountOf({ ...good, passphrase: 'secret phrase' });
    expect(account).toEqual({
      server: good.server,
      database: good.database,
      username: good.username,
      encrypted: true,
    });
    expect(JSON.stringify(account)).not.toMatch(/pass word|secret phrase/);
    expect(accountOf(good).encrypted).toBe(false);
  });
});
