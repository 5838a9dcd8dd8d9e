// One sync run against one library: pull the server's changes a batch at a time (each batch
// applied with its checkpoint in one transaction), then push the outbox a batch at a time (each
// record leaves the outbox once the server holds it), then read the feed past the run's own
// writes, so the next run does not download and check them again. Between batches the run gives
// the event loop back, so Trailmark's pages never wait long on it; a run stopped anywhere
// resumes from the last batch with nothing lost or applied twice.
import type { SyncReport, SyncSettings } from '../../shared/sync-types';
import type { TrailmarkDb } from '../../storage/database/db';
import {
  applyRemote,
  type Checkpoint,
  type IncomingDoc,
  RefusedDocument,
  unseenRevisions,
} from '../../storage/sync/apply-remote';
import { deviceId } from '../../storage/sync/find-local';
import { confirmPushed, type Outgoing, readOutbox } from '../../storage/sync/outbox-read';
import {
  enterTarget,
  forgetRevisions,
  restartFeed,
  sinceCheckpoint,
} from '../../storage/sync/sync-target';
import { type ChangesPage, type ClientOptions, CouchClient, type ServerDoc } from './couch-client';
import { type Codec, META_ID, openCodec } from './sync-codec';
import { SyncError } from './sync-error';

export const DEFAULT_BATCH_SIZE = 200;
/** Conflicting pushes of the same batch before the run gives up until the next one. */
const MAX_CONFLICT_ROUNDS = 5;
/** Feed entries without bodies are small: read this many batches' worth per request. */
const ECHO_PAGE_FACTOR = 5;

export interface RunOptions extends ClientOptions {
  batchSize?: number | undefined;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

interface Run {
  db: TrailmarkDb;
  client: CouchClient;
  codec: Codec;
  /** The server database, as this device's bookkeeping names it. */
  target: string;
  checkpoint: ServerCheckpoint;
  /** What this run pushed: document id to the revision the server gave it. */
  own: Map<string, string>;
  batch: number;
  signal: AbortSignal | undefined;
}

function checkStopped(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new SyncError('sync was stopped');
}

async function apply(db: TrailmarkDb, docs: IncomingDoc[], checkpoint?: Checkpoint) {
  try {
    return await applyRemote(db, docs, checkpoint);
  } catch (error) {
    if (error instanceof RefusedDocument) throw new SyncError(error.message);
    throw error;
  }
}

const isRecordDoc = (id: string) => id !== META_ID && !id.startsWith('_');

async function openAll(codec: Codec, docs: readonly ServerDoc[]): Promise<IncomingDoc[]> {
  const opened: IncomingDoc[] = [];
  for (const doc of docs) {
    if (!isRecordDoc(doc._id)) continue;
    const body = await codec.open(doc);
    opened.push({ docId: doc._id, rev: String(doc._rev), body });
  }
  return opened;
}

/** The server's copy of the feed position, as CouchDB replication keeps it. */
class ServerCheckpoint {
  private rev: string | undefined;
  constructor(
    private readonly client: CouchClient,
    private readonly id: string,
  ) {}

  async read(): Promise<string | null> {
    const doc = await this.client.getLocal(this.id);
    this.rev = typeof doc?._rev === 'string' ? doc._rev : undefined;
    return typeof doc?.since === 'string' ? doc.since : null;
  }

  async write(since: string): Promise<void> {
    this.rev = await this.client.putLocal(this.id, {
      since,
      ...(this.rev ? { _rev: this.rev } : {}),
    });
  }
}

/** Where this run starts reading the feed. */
async function feedStart(run: Run, since: string): Promise<string> {
  // No checkpoint of this device on the server at all: the database was restored or replaced
  // behind its meta document, so read it whole again (merging what is known changes nothing).
  // One that lags behind the local one only means a run stopped between the two writes.
  const onServer = await run.checkpoint.read();
  if (since === '0' || onServer !== null) return since;
  await restartFeed(run.db, run.target);
  return '0';
}

/** Revisions this run wrote itself, by document id: known here without looking them up. */
type OwnRevisions = ReadonlyMap<string, string>;

interface Pulled {
  received: number;
  since: string;
}

/** The documents of one feed page this device has not merged yet, opened. */
async function unseenDocs(run: Run, page: ChangesPage, own: OwnRevisions): Promise<IncomingDoc[]> {
  const revisions = page.results.flatMap((r) => {
    const rev = r.changes[0]?.rev;
    return rev && !r.deleted && isRecordDoc(r.id) && own.get(r.id) !== rev
      ? [{ id: r.id, rev }]
      : [];
  });
  if (revisions.length === 0) return [];
  const wanted = new Set(await unseenRevisions(run.db, revisions));
  if (wanted.size === 0) return [];
  const withBodies = page.results.flatMap((r) =>
    r.doc && wanted.has(r.id) ? [r.doc as ServerDoc] : [],
  );
  const docs = withBodies.length > 0 ? withBodies : await run.client.bulkGet([...wanted]);
  return openAll(run.codec, docs);
}

/**
 * Reads the feed from `since` to its end, a page at a time, each page applied with its
 * checkpoint. Right after a push (`own` given) the feed holds mostly this run's own writes
 * coming back: it is then read without bodies, in longer pages, and only what others wrote
 * meanwhile is fetched, so the next run starts past this device's own writes.
 */
async function pull(run: Run, since: string, own?: OwnRevisions): Promise<Pulled> {
  const limit = own ? run.batch * ECHO_PAGE_FACTOR : run.batch;
  let received = 0;
  for (;;) {
    checkStopped(run.signal);
    const page = await run.client.changes(since, limit, !own);
    const docs = await unseenDocs(run, page, own ?? new Map());
    const next = String(page.last_seq);
    received += await apply(run.db, docs, sinceCheckpoint(run.target, next));
    await run.checkpoint.write(next);
    if (page.results.length < limit || next === since) return { received, since: next };
    since = next;
    await pause();
  }
}

async function sealAll(codec: Codec, batch: readonly Outgoing[], ids: readonly string[]) {
  return Promise.all(
    batch.map(async (item, i) => ({
      ...(await codec.seal(ids[i] ?? '', item.body)),
      ...(item.rev ? { _rev: item.rev } : {}),
    })),
  );
}

/** Pushes one batch; returns how many the server took and the ids that were in conflict. */
async function pushBatch(run: Run, batch: Outgoing[]) {
  const ids = await Promise.all(batch.map((item) => run.codec.docId(item.key)));
  const docs = await sealAll(run.codec, batch, ids);
  const results = await run.client.bulkDocs(docs);
  const byId = new Map(results.map((r) => [r.id, r]));
  const taken: (Outgoing & { newRev: string; docId: string })[] = [];
  const conflicts: Outgoing[] = [];
  for (const [i, item] of batch.entries()) {
    const id = ids[i] ?? '';
    const result = byId.get(id);
    if (result?.rev && !result.error) taken.push({ ...item, newRev: result.rev, docId: id });
    else if (result?.error === 'conflict') conflicts.push(item);
    else if (result?.error) {
      throw new SyncError(`the server refused a change: ${result.reason ?? result.error}`);
    }
  }
  await confirmPushed(run.db, taken);
  for (const item of taken) run.own.set(item.docId, item.newRev);
  return { taken: taken.length, conflicts };
}

/** Another device wrote these first: merge its versions, then push the merged ones. */
async function resolveConflicts(run: Run, conflicts: Outgoing[]): Promise<void> {
  const ids = await Promise.all(conflicts.map((item) => run.codec.docId(item.key)));
  const found = await run.client.bulkGet(ids);
  await apply(run.db, await openAll(run.codec, found));
  // A revision the server does not have (it was emptied, or deleted the document): write anew.
  const present = new Set(found.map((doc) => doc._id));
  await forgetRevisions(
    run.db,
    conflicts.filter((_, i) => !present.has(ids[i] ?? '')).map((item) => item.key),
  );
}

async function push(run: Run): Promise<number> {
  let sent = 0;
  let conflictRounds = 0;
  for (;;) {
    checkStopped(run.signal);
    const batch = await readOutbox(run.db, run.batch);
    if (batch.length === 0) return sent;
    const { taken, conflicts } = await pushBatch(run, batch);
    sent += taken;
    if (conflicts.length > 0) {
      conflictRounds += 1;
      if (conflictRounds > MAX_CONFLICT_ROUNDS) {
        throw new SyncError('records kept changing on the server meanwhile; sync will try again');
      }
      await resolveConflicts(run, conflicts);
    } else if (taken === 0) {
      throw new SyncError('the server did not take the changes');
    }
    await pause();
  }
}

/** One run of sync between `db` and the reader's server database. */
export async function runSync(
  db: TrailmarkDb,
  settings: SyncSettings,
  options: RunOptions = {},
): Promise<SyncReport> {
  const client = new CouchClient(settings, options);
  await client.checkDatabase();
  const codec = await openCodec(client, settings.passphrase ?? '');
  const target = `${client.address}|${codec.databaseId}`;
  const run: Run = {
    db,
    client,
    codec,
    target,
    checkpoint: new ServerCheckpoint(client, `trailmark-${await deviceId(db)}`),
    own: new Map(),
    batch: Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE),
    signal: options.signal,
  };
  const first = await pull(run, await feedStart(run, await enterTarget(db, run.target)));
  const sent = await push(run);
  const echoes = run.own.size > 0 ? await pull(run, first.since, run.own) : { received: 0 };
  return { at: Date.now(), sent, received: first.received + echoes.received };
}
