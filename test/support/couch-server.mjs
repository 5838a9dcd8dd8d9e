// A real CouchDB-compatible server for the sync tests: pouchdb-server from the dev dependencies,
// in memory, on loopback, with an admin account. It runs as a child process because it crashes
// on some requests it does not expect (a request without credentials, a member creating a
// database), and a crash must end the server, not the test run. Every request here carries
// credentials for that reason.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const BIN = path.join(path.dirname(require.resolve('pouchdb-server/package.json')), 'bin');
const READY_MS = 60_000;

/** A port nobody listens on right now, from the system. */
async function freePort() {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

const basic = (user, password) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** One request as `user`; the reply's JSON (or null) and status. */
async function request(url, { user, password, method = 'GET', body }) {
  const response = await fetch(url, {
    method,
    headers: {
      authorization: basic(user, password),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: the caller sees the status.
  }
  return { status: response.status, json };
}

/** Resolves once the server answers the admin, rejects if the process ends first. */
async function untilReady(child, url, admin) {
  const ended = once(child, 'exit').then(([code]) => {
    throw new Error(`pouchdb-server ended (code ${code}) before it answered`);
  });
  const deadline = Date.now() + READY_MS;
  const answers = async () => {
    for (;;) {
      try {
        if ((await request(url, admin)).status === 200) return;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw new Error(`pouchdb-server did not answer in ${READY_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  await Promise.race([answers(), ended]);
}

/**
 * Starts the server; resolves to its base URL (ending in /), the admin's name and password, and
 * stop(), which ends the process and removes its folder.
 */
export async function startCouch() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'trailmark-couch-'));
  const adminUser = 'admin';
  const adminPassword = `admin-${Math.random().toString(36).slice(2)}`;
  const config = path.join(dir, 'config.json');
  // The server hashes the admin's password into this file as it starts.
  await writeFile(
    config,
    JSON.stringify({
      admins: { [adminUser]: adminPassword },
      log: { file: path.join(dir, 'log.txt') },
    }),
  );
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [path.join(BIN, 'pouchdb-server'), '--in-memory', '--no-stdout-logs', '-o', '127.0.0.1'].concat(
      ['-p', String(port), '-c', config, '-d', dir],
    ),
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const url = `http://127.0.0.1:${port}/`;
  const admin = { user: adminUser, password: adminPassword };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await untilReady(child, url, admin);
  } catch (error) {
    await stop();
    throw new Error(`${error.message}\n${stderr}`, { cause: error });
  }
  return { url, adminUser, adminPassword, stop, stderr: () => stderr };
}

async function expectOk(what, reply) {
  const { status, json } = await reply;
  if (status < 200 || status > 299) {
    throw new Error(`${what}: HTTP ${status} ${JSON.stringify(json)}`);
  }
  return json;
}

/**
 * Creates database `database` and a non-admin account `username` that is its only member, as
 * the README tells a reader to; resolves to what the Sync section asks for.
 */
export async function createReaderDatabase(couch, { database, username, password }) {
  const admin = { user: couch.adminUser, password: couch.adminPassword };
  await expectOk(
    'create the database',
    request(`${couch.url}${database}`, { ...admin, method: 'PUT' }),
  );
  await expectOk(
    'create the account',
    request(`${couch.url}_users/org.couchdb.user:${encodeURIComponent(username)}`, {
      ...admin,
      method: 'PUT',
      body: { name: username, password, roles: [], type: 'user' },
    }),
  );
  await expectOk(
    'make the account a member',
    request(`${couch.url}${database}/_security`, {
      ...admin,
      method: 'PUT',
      body: { admins: { names: [], roles: [] }, members: { names: [username], roles: [] } },
    }),
  );
  return { server: couch.url.replace(/\/$/, ''), database, username, password };
}

/** Every document in the database, read as the admin (to check what the server holds). */
export async function allDocuments(couch, database) {
  const admin = { user: couch.adminUser, password: couch.adminPassword };
  const json = await expectOk(
    'read the documents',
    request(`${couch.url}${database}/_all_docs?include_docs=true`, admin),
  );
  return json.rows.map((row) => row.doc);
}
