// A thin client for the parts of CouchDB's replication API sync uses: the changes feed, bulk
// writes and reads, and checkpoints in _local documents. Every request carries the reader's
// credentials (Basic auth), ends within a time limit, reads at most a bounded answer, and checks
// the answer's shape; anything else ends in a SyncError whose message a reader can act on.
import * as v from 'valibot';
import type { SyncSettings } from '../../shared/sync-types';
import { toBase64, utf8 } from './base64';
import { SyncError } from './sync-error';

export interface ClientOptions {
  signal?: AbortSignal | undefined;
  /** How long one request may take, answer included. */
  timeoutMs?: number | undefined;
  fetch?: typeof fetch | undefined;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
/** The biggest answer read: a batch of a few hundred documents is far below it. */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

/** The server's address, if it is one sync may use: https, or plain http to this machine only. */
export function serverAddress(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new SyncError('the server address is not a web address');
  }
  const plainLocal = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !plainLocal) {
    throw new SyncError('the server address must start with https:// (http:// only to localhost)');
  }
  if (url.username || url.password) {
    throw new SyncError('put the username and password in their own fields, not in the address');
  }
  url.search = '';
  url.hash = '';
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

function statusError(status: number, database: string): SyncError {
  if (status === 401) return new SyncError('the server refused the username or password');
  if (status === 403) return new SyncError('the server does not let this account use the database');
  if (status === 404)
    return new SyncError(`the database "${database}" does not exist on the server`);
  if (status === 413) return new SyncError('the server refused a document as too large');
  if (status >= 500)
    return new SyncError(`the server failed (HTTP ${status}); sync will try again`);
  return new SyncError(`the server answered with HTTP ${status}`);
}

const unreadable = (what: string) =>
  new SyncError(`the server sent an answer Trailmark cannot read (${what})`);

async function readCapped(response: Response): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_ANSWER_BYTES) throw new SyncError('the server sent an answer too big to read');
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > MAX_ANSWER_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new SyncError('the server sent an answer too big to read');
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

interface Answer {
  status: number;
  json: unknown;
}

const changesSchema = v.object({
  results: v.array(
    v.object({
      id: v.string(),
      seq: v.unknown(),
      changes: v.array(v.object({ rev: v.string() })),
      deleted: v.optional(v.boolean()),
      doc: v.optional(v.looseObject({ _id: v.string(), _rev: v.string() })),
    }),
  ),
  last_seq: v.union([v.string(), v.number()]),
});
export type ChangesPage = v.InferOutput<typeof changesSchema>;

const bulkDocsSchema = v.array(
  v.object({
    id: v.string(),
    ok: v.optional(v.boolean()),
    rev: v.optional(v.string()),
    error: v.optional(v.string()),
    reason: v.optional(v.string()),
  }),
);
export type BulkDocsResult = v.InferOutput<typeof bulkDocsSchema>;

const bulkGetSchema = v.object({
  results: v.array(
    v.object({
      id: v.string(),
      docs: v.array(
        v.object({
          ok: v.optional(v.looseObject({ _id: v.string() })),
          error: v.optional(v.unknown()),
        }),
      ),
    }),
  ),
});

const writeSchema = v.object({ rev: v.string() });
const localSchema = v.looseObject({ _rev: v.optional(v.string()) });

export type ServerDoc = Record<string, unknown> & { _id: string };

export class CouchClient {
  /** The database's address, without credentials: names it in this device's bookkeeping. */
  readonly address: string;
  private readonly base: string;
  private readonly auth: string;
  private readonly doFetch: typeof fetch;
  private readonly timeoutMs: number;

  constructor(
    private readonly settings: SyncSettings,
    private readonly options: ClientOptions = {},
  ) {
    const database = settings.database.trim();
    if (!DATABASE_NAME.test(database)) {
      throw new SyncError(
        'the database name must start with a lowercase letter and hold only lowercase letters, digits and _$()+-/',
      );
    }
    this.base = `${serverAddress(settings.server).toString().replace(/\/$/, '')}/${encodeURIComponent(database)}`;
    this.address = this.base;
    this.auth = `Basic ${toBase64(utf8(`${settings.username}:${settings.password}`))}`;
    this.doFetch = options.fetch ?? ((...args) => fetch(...args));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  private async request(method: string, path: string, body?: unknown): Promise<Answer> {
    this.options.signal?.throwIfAborted?.();
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout;
    try {
      const response = await this.doFetch(`${this.base}${path}`, {
        method,
        headers: {
          Accept: 'application/json',
          Authorization: this.auth,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal,
        credentials: 'omit',
        cache: 'no-store',
      });
      const text = await readCapped(response);
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        if (response.ok) throw unreadable('not JSON');
      }
      return { status: response.status, json };
    } catch (error) {
      if (error instanceof SyncError) throw error;
      if (this.options.signal?.aborted) throw new SyncError('sync was stopped');
      if (timeout.aborted) {
        throw new SyncError(
          `the server did not answer within ${Math.round(this.timeoutMs / 1000)} s`,
        );
      }
      throw new SyncError('cannot reach the server: check the address and the network');
    }
  }

  private async expect<T>(
    answer: Answer,
    schema: v.GenericSchema<unknown, T>,
    what: string,
    allowed: readonly number[] = [200, 201, 202],
  ): Promise<T> {
    if (!allowed.includes(answer.status)) throw statusError(answer.status, this.settings.database);
    const parsed = v.safeParse(schema, answer.json);
    if (!parsed.success) throw unreadable(what);
    return parsed.output;
  }

  /** Throws unless the database exists and the account may read it. */
  async checkDatabase(): Promise<void> {
    await this.expect(await this.request('GET', ''), v.object({}), 'database info');
  }

  /** A document, or null if there is none. */
  async getDoc(id: string): Promise<ServerDoc | null> {
    const answer = await this.request('GET', `/${encodeURIComponent(id)}`);
    if (answer.status === 404) return null;
    return this.expect(answer, v.looseObject({ _id: v.string() }), 'document');
  }

  /** Writes a new document; false if one with this id was written meanwhile. */
  async createDoc(id: string, doc: Record<string, unknown>): Promise<boolean> {
    const answer = await this.request('PUT', `/${encodeURIComponent(id)}`, doc);
    if (answer.status === 409) return false;
    await this.expect(answer, writeSchema, 'write');
    return true;
  }

  /** A page of the changes feed; with `bodies` false, ids and revisions only (a small answer). */
  async changes(since: string, limit: number, bodies = true): Promise<ChangesPage> {
    const query = new URLSearchParams({
      since,
      limit: String(limit),
      ...(bodies ? { include_docs: 'true' } : {}),
      style: 'main_only',
    });
    return this.expect(await this.request('GET', `/_changes?${query}`), changesSchema, 'changes');
  }

  async bulkDocs(docs: readonly Record<string, unknown>[]): Promise<BulkDocsResult> {
    const answer = await this.request('POST', '/_bulk_docs', { docs });
    return this.expect(answer, bulkDocsSchema, 'bulk write');
  }

  /** The current version of each document (those that exist). */
  async bulkGet(ids: readonly string[]): Promise<ServerDoc[]> {
    const answer = await this.request('POST', '/_bulk_get', { docs: ids.map((id) => ({ id })) });
    const page = await this.expect(answer, bulkGetSchema, 'bulk read');
    return page.results.flatMap((r) => r.docs.flatMap((d) => (d.ok ? [d.ok] : [])));
  }

  async getLocal(id: string): Promise<Record<string, unknown> | null> {
    const answer = await this.request('GET', `/_local/${encodeURIComponent(id)}`);
    if (answer.status === 404) return null;
    return this.expect(answer, localSchema, 'checkpoint');
  }

  /** Writes a checkpoint, over the version read before (`_rev` inside `doc`). */
  async putLocal(id: string, doc: Record<string, unknown>): Promise<string> {
    const answer = await this.request('PUT', `/_local/${encodeURIComponent(id)}`, doc);
    return (await this.expect(answer, writeSchema, 'checkpoint')).rev;
  }
}
