// A real CouchDB-compatible server for sync tests: pouchdb-server from npm, in memory, on a free
// loopback port, with an admin user. It runs as a child process because it crashes on some
// requests it does not expect (one without credentials, a member creating a database), and a
// crash must end the server, not the test run; every request the helpers make carries the
// admin's credentials for that reason. `stop()` ends it and removes its folder.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const BIN = join(require.resolve('pouchdb-server/package.json'), '..', 'bin', 'pouchdb-server');
const READY_WITHIN_MS = 60_000;

/** A port nothing listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const basic = ({ username, password }) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

/** Resolves once the server answers its welcome, or rejects if it exits first. */
async function answering(url, admin, child) {
  let exited = null;
  child.once('exit', (code) => (exited = code ?? -1));
  const deadline = Date.now() + READY_WITHIN_MS;
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`pouchdb-server exited (${exited}) before answering`);
    try {
      const response = await fetch(url, { headers: { Authorization: basic(admin) } });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`pouchdb-server did not answer within ${READY_WITHIN_MS / 1000} s`);
}

/**
 * Starts a server; returns its address (no trailing slash), the admin's credentials (as `admin`,
 * and as `adminUser` / `adminPassword`), `request(method, path, body)`
 * (as the admin, JSON in and out), `createDb(name)`, `docs(name)` (every document as stored) and
 * `stop()`.
 */
export async function startCouch() {
  const dir = await mkdtemp(join(tmpdir(), 'trailmark-couch-'));
  const admin = { username: 'admin', password: `pw-${Math.random().toString(36).slice(2)}` };
  const config = join(dir, 'config.json');
  await writeFile(
    config,
    JSON.stringify({
      admins: { [admin.username]: admin.password },
      log: { file: join(dir, 'log.txt') },
    }),
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [BIN, '--in-memory', '--port', String(port), '--host', '127.0.0.1', '--config', config, '-n'],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    await answering(url, admin, child);
  } catch (error) {
    child.kill();
    await rm(dir, { recursive: true, force: true });
    throw new Error(`${error.message}\n${stderr}`, { cause: error });
  }

  async function request(method, path, body) {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { Authorization: basic(admin), 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, json: await response.json() };
  }

  return {
    url,
    admin,
    adminUser: admin.username,
    adminPassword: admin.password,
    request,
    async createDb(name) {
      const { status, json } = await request('PUT', `/${name}`);
      if (status !== 201 && status !== 200)
        throw new Error(`cannot create ${name}: ${JSON.stringify(json)}`);
    },
    /** Every document of a database as the server stores it (with _local ones left out). */
    async docs(name) {
      const { json } = await request('GET', `/${name}/_all_docs?include_docs=true`);
      return json.rows.map((row) => row.doc);
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function expectOk(what, { status, json }) {
  if (status < 200 || status > 299)
    throw new Error(`${what}: HTTP ${status} ${JSON.stringify(json)}`);
  return json;
}

/**
 * Creates database `database` and a non-admin account `username` that is its only member, as
 * the README tells a reader to; resolves to what the Sync section asks for.
 */
export async function createReaderDatabase(couch, { database, username, password }) {
  await couch.createDb(database);
  await expectOk(
    'create the account',
    await couch.request('PUT', `/_users/org.couchdb.user:${encodeURIComponent(username)}`, {
      name: username,
      password,
      roles: [],
      type: 'user',
    }),
  );
  await expectOk(
    'make the account a member',
    await couch.request('PUT', `/${database}/_security`, {
      admins: { names: [], roles: [] },
      members: { names: [username], roles: [] },
    }),
  );
  return { server: couch.url, database, username, password };
}
