// A server that answers badly — refused credentials, failures, wrong shapes, a huge document, a
// record that fails an import's checks, no answer at all — ends the run with a clear SyncError
// and leaves the library exactly as it was.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncSettings } from '../../../src/shared/sync-types';
import { createHighlight } from '../../../src/storage/records/highlights';
import { snapshot } from '../../../src/storage/database/snapshot';
import { pendingChanges } from '../../../src/storage/sync/pending';
import { newHighlight, URL_A } from '../storage/fixtures';
import { newDevice, sync } from './sync-devices';

type Answer = { status: number; body: string } | 'hang';
type Scenario = (method: string, path: string) => Answer | undefined;

const json = (status: number, value: unknown): Answer => ({ status, body: JSON.stringify(value) });
const META = {
  _id: 'trailmark-meta',
  _rev: '1-a',
  format: 'trailmark-sync',
  version: 1,
  databaseId: 'fake-database',
  encryption: null,
};

/** A well-behaved, empty server. */
function normal(method: string, path: string, body: string): Answer {
  if (path === '/lib') return json(200, { db_name: 'lib' });
  if (path === '/lib/trailmark-meta') return json(200, META);
  if (path.startsWith('/lib/_local/')) {
    return method === 'PUT'
      ? json(201, { ok: true, rev: '0-1' })
      : json(404, { error: 'not_found' });
  }
  if (path.startsWith('/lib/_changes')) return json(200, { results: [], last_seq: '0' });
  if (path === '/lib/_bulk_docs') {
    const docs = (JSON.parse(body) as { docs: { _id: string }[] }).docs;
    return json(
      201,
      docs.map((d) => ({ id: d._id, ok: true, rev: '1-b' })),
    );
  }
  return json(404, { error: 'not_found' });
}

let scenario: Scenario | null = null;
const hanging: ServerResponse[] = [];
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    const path = req.url ?? '/';
    const answer = scenario?.(req.method ?? 'GET', path) ?? normal(req.method ?? 'GET', path, body);
    if (answer === 'hang') {
      hanging.push(res);
      return;
    }
    res.writeHead(answer.status, { 'Content-Type': 'application/json' });
    res.end(answer.body);
  });
});
let settings: SyncSettings;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  settings = { server: `http://127.0.0.1:${port}`, database: 'lib', username: 'u', password: 'p' };
});
afterAll(async () => {
  for (const res of hanging) res.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const docId = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 32);
const clock = { base: '001700000000000-00000-other' };

/** A changes feed holding these bodies as plain documents with the right ids. */
const feed =
  (...bodies: Record<string, unknown>[]): Scenario =>
  (_method, path) => {
    const docs = bodies.map((body) => ({ _id: docId(String(body.key)), _rev: '1-c', body }));
    if (path.startsWith('/lib/_changes')) {
      return json(200, {
        results: docs.map((doc, i) => ({
          id: doc._id,
          seq: String(i + 1),
          changes: [{ rev: doc._rev }],
          doc,
        })),
        last_seq: String(docs.length),
      });
    }
    if (path === '/lib/_bulk_get') {
      return json(200, { results: docs.map((doc) => ({ id: doc._id, docs: [{ ok: doc }] })) });
    }
    return undefined;
  };

const pageBody = {
  v: 1,
  table: 'pages',
  key: 'pages:https://example.com/a',
  record: {
    id: 'p-remote',
    url: 'https://example.com/a',
    title: 'A',
    site: 'example.com',
    firstVisitAt: 1_700_000_000_000,
    lastVisitAt: 1_700_000_000_000,
    readingMs: 0,
    maxScroll: 0,
    status: 'reading',
    tagIds: [],
    tracked: false,
    updatedAt: 1_700_000_000_000,
  },
  clock,
  reading: { other: 0 },
};

const highlightBody = (color: string, quote = 'q') => ({
  v: 1,
  table: 'highlights',
  key: 'highlights:h-remote',
  record: {
    id: 'h-remote',
    pageId: 'https://example.com/a',
    selectors: [],
    quote,
    color,
    tagIds: [],
    note: '',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    position: 0,
  },
  clock,
});

const everywhere =
  (answer: Answer): Scenario =>
  () =>
    answer;
const on =
  (prefix: string, answer: Answer): Scenario =>
  (_method, path) =>
    path.startsWith(prefix) ? answer : undefined;

const CASES: [string, Scenario, RegExp][] = [
  ['refused credentials', everywhere(json(401, { error: 'unauthorized' })), /username or password/],
  [
    'a forbidden database',
    everywhere(json(403, { error: 'forbidden' })),
    /does not let this account/,
  ],
  [
    'a failing server',
    on('/lib/_changes', json(503, { error: 'down' })),
    /server failed \(HTTP 503\)/,
  ],
  ['a feed of the wrong shape', on('/lib/_changes', json(200, { results: 5 })), /cannot read/],
  [
    'an answer that is not JSON',
    on('/lib/_changes', { status: 200, body: '<html>' }),
    /cannot read/,
  ],
  ['a server that never answers', on('/lib/_changes', 'hang'), /did not answer within 1 s/],
  [
    'a document too large',
    feed(pageBody, highlightBody('yellow', 'x'.repeat(1_000_000))),
    /too large/,
  ],
  [
    'a record that fails the import checks',
    feed(pageBody, highlightBody('purple')),
    /refuses.*color/,
  ],
  [
    'a document under another id',
    (method, path) => {
      const answer = feed(pageBody)(method, path);
      return answer === undefined || answer === 'hang'
        ? answer
        : { ...answer, body: answer.body.replaceAll(docId(pageBody.key), docId('pages:x')) };
    },
    /id does not match/,
  ],
  [
    'a meta document of something else',
    on('/lib/trailmark-meta', json(200, { _id: 'trailmark-meta', _rev: '1-a', hello: 1 })),
    /something other than Trailmark/,
  ],
  ['a failing write', on('/lib/_bulk_docs', json(500, { error: 'boom' })), /server failed/],
  [
    'a write refused per document',
    on('/lib/_bulk_docs', json(201, [])),
    /did not take the changes/,
  ],
];

describe('a hostile or broken server', () => {
  it.each(CASES)('%s ends in a clear error with nothing written', async (_name, bad, message) => {
    const db = await newDevice();
    await createHighlight(db, newHighlight());
    scenario = null;
    await sync(db, settings);
    // Something waits to be pushed, so a failing write has something to lose.
    await createHighlight(db, newHighlight({ url: `${URL_A}/more` }));
    const before = await snapshot(db);
    scenario = bad;
    await expect(sync(db, settings, { timeoutMs: 1000 })).rejects.toThrow(message);
    expect(await snapshot(db)).toEqual(before);
    expect(await pendingChanges(db)).toBe(2);
    await db.delete();
  });
});
