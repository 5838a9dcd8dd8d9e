// How records look on the server. With a passphrase every document body is sealed with AES-GCM
// under a key derived from the passphrase (PBKDF2-SHA256, 600 000 iterations, a random salt per
// database kept in the database's meta document with a key check), bound to its document id so
// the server cannot swap bodies between ids; document ids are an HMAC of the record's stable key
// under a second derived key, so neither reveals a URL, a title or a tag name. Without a
// passphrase, bodies are plain JSON and ids a plain hash: private from a glance, not from the
// server. The meta document also names the database, so a recreated one is noticed.
import * as v from 'valibot';
import { type SyncBody, syncBodySchema } from '../../shared/sync/sync-body';
import { fromBase64, toBase64, utf8 } from './base64';
import type { CouchClient, ServerDoc } from './couch-client';
import { SyncError } from './sync-error';

export const META_ID = 'trailmark-meta';
export const MIN_ITERATIONS = 600_000;
const KEY_CHECK = 'trailmark-key-check';
/** A synced record is at most a backup record (256 KB) with its stamps. */
const MAX_BODY_CHARS = 600 * 1024;

const metaSchema = v.looseObject({
  _id: v.literal(META_ID),
  format: v.literal('trailmark-sync'),
  version: v.literal(1),
  databaseId: v.pipe(v.string(), v.minLength(8), v.maxLength(64)),
  encryption: v.nullable(
    v.strictObject({
      kdf: v.literal('PBKDF2-SHA256'),
      iterations: v.pipe(v.number(), v.safeInteger()),
      salt: v.pipe(v.string(), v.maxLength(64)),
      check: v.pipe(v.string(), v.maxLength(256)),
    }),
  ),
});
type Meta = v.InferOutput<typeof metaSchema>;

const envelopeSchema = v.looseObject({
  _id: v.string(),
  _rev: v.string(),
  body: v.optional(v.unknown()),
  enc: v.optional(v.pipe(v.string(), v.maxLength(MAX_BODY_CHARS * 2))),
});

export interface Codec {
  /** Names the server database for this device's bookkeeping. */
  databaseId: string;
  docId(key: string): Promise<string>;
  seal(docId: string, body: SyncBody): Promise<Record<string, unknown>>;
  /** The checked body of a server document; throws SyncError for anything else. */
  open(doc: ServerDoc): Promise<SyncBody>;
}

const hex = (bytes: ArrayBuffer): string =>
  Array.from(new Uint8Array(bytes).subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );

interface Keys {
  seal: CryptoKey;
  ids: CryptoKey;
}

/** The derived keys of the last passphrase used: deriving costs about a second on purpose. */
let cached: { id: string; keys: Promise<Keys> } | null = null;

async function deriveKeys(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Keys> {
  const material = await crypto.subtle.importKey('raw', utf8(passphrase), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
      material,
      512,
    ),
  );
  const [seal, ids] = await Promise.all([
    crypto.subtle.importKey('raw', bits.slice(0, 32), 'AES-GCM', false, ['encrypt', 'decrypt']),
    crypto.subtle.importKey('raw', bits.slice(32), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]),
  ]);
  return { seal, ids };
}

function keysFor(passphrase: string, salt: string, iterations: number): Promise<Keys> {
  const id = `${iterations}:${salt}:${passphrase}`;
  if (cached?.id !== id) {
    const keys = deriveKeys(passphrase, fromBase64(salt), iterations);
    keys.catch(() => undefined);
    cached = { id, keys };
  }
  return cached.keys;
}

async function seal(key: CryptoKey, docId: string, text: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: utf8(docId) },
    key,
    utf8(text),
  );
  const out = new Uint8Array(12 + sealed.byteLength);
  out.set(iv);
  out.set(new Uint8Array(sealed), 12);
  return toBase64(out);
}

/** The opened text, or null when the key or the id does not fit. */
async function unseal(key: CryptoKey, docId: string, text: string): Promise<string | null> {
  try {
    const bytes = fromBase64(text);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.subarray(0, 12), additionalData: utf8(docId) },
      key,
      bytes.subarray(12),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}

const wrongData = (why: string) =>
  new SyncError(`the server holds a document Trailmark cannot read (${why})`);

function parseBody(raw: unknown): SyncBody {
  const parsed = v.safeParse(syncBodySchema, raw);
  if (!parsed.success) throw wrongData('not a Trailmark record');
  return parsed.output;
}

function checkSize(text: string): void {
  if (text.length > MAX_BODY_CHARS) throw wrongData('a document is too large');
}

async function newMeta(passphrase: string): Promise<Record<string, unknown>> {
  const databaseId = toBase64(crypto.getRandomValues(new Uint8Array(12)));
  if (!passphrase) return { format: 'trailmark-sync', version: 1, databaseId, encryption: null };
  const salt = toBase64(crypto.getRandomValues(new Uint8Array(16)));
  const keys = await keysFor(passphrase, salt, MIN_ITERATIONS);
  const check = await seal(keys.seal, META_ID, KEY_CHECK);
  const encryption = { kdf: 'PBKDF2-SHA256', iterations: MIN_ITERATIONS, salt, check };
  return { format: 'trailmark-sync', version: 1, databaseId, encryption };
}

function parseMeta(doc: unknown): Meta {
  const parsed = v.safeParse(metaSchema, doc);
  if (!parsed.success) {
    throw new SyncError('the server database holds something other than Trailmark data');
  }
  return parsed.output;
}

/** The database's meta document, or null while no device has synced to it. */
async function findMeta(client: CouchClient): Promise<Meta | null> {
  const doc = await client.getDoc(META_ID);
  return doc ? parseMeta(doc) : null;
}

/** The database's meta document, written first by whichever device syncs first. */
async function readMeta(client: CouchClient, passphrase: string): Promise<Meta> {
  const found = await findMeta(client);
  if (found) return found;
  await client.createDoc(META_ID, await newMeta(passphrase));
  return parseMeta(await client.getDoc(META_ID));
}

function plainCodec(databaseId: string): Codec {
  const docId = async (key: string) => hex(await crypto.subtle.digest('SHA-256', utf8(key)));
  return {
    databaseId,
    docId,
    seal: async (_id, body) => ({ _id, body }),
    async open(doc) {
      const envelope = v.safeParse(envelopeSchema, doc);
      if (!envelope.success || envelope.output.body === undefined) throw wrongData('no body');
      checkSize(JSON.stringify(envelope.output.body));
      const body = parseBody(envelope.output.body);
      if ((await docId(body.key)) !== doc._id) throw wrongData('its id does not match');
      return body;
    },
  };
}

function sealedCodec(databaseId: string, keys: Keys): Codec {
  const docId = async (key: string) => hex(await crypto.subtle.sign('HMAC', keys.ids, utf8(key)));
  return {
    databaseId,
    docId,
    seal: async (_id, body) => ({ _id, enc: await seal(keys.seal, _id, JSON.stringify(body)) }),
    async open(doc) {
      const envelope = v.safeParse(envelopeSchema, doc);
      if (!envelope.success || envelope.output.enc === undefined) throw wrongData('not encrypted');
      const text = await unseal(keys.seal, doc._id, envelope.output.enc);
      if (text === null)
        throw wrongData('it does not open with this passphrase: changed or swapped');
      checkSize(text);
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        throw wrongData('not JSON');
      }
      const body = parseBody(raw);
      if ((await docId(body.key)) !== doc._id) throw wrongData('its id does not match');
      return body;
    },
  };
}

/**
 * The keys this passphrase opens the database's documents with (null for a database without
 * encryption); a SyncError when it does not fit what the database's first device chose.
 */
async function unlock(meta: Meta, passphrase: string): Promise<Keys | null> {
  const { encryption } = meta;
  if (!encryption) {
    if (passphrase) {
      throw new SyncError(
        'this database is not encrypted: leave the passphrase empty, or sync to a new database',
      );
    }
    return null;
  }
  if (!passphrase) throw new SyncError('this database is encrypted: enter its passphrase');
  if (encryption.iterations < MIN_ITERATIONS) {
    throw new SyncError('the database asks for a weak key derivation: refused');
  }
  const keys = await keysFor(passphrase, encryption.salt, encryption.iterations);
  if ((await unseal(keys.seal, META_ID, encryption.check)) !== KEY_CHECK) {
    throw new SyncError('wrong passphrase');
  }
  return keys;
}

/** How this database's documents are read and written, once the passphrase is known right. */
export async function openCodec(client: CouchClient, passphrase = ''): Promise<Codec> {
  const meta = await readMeta(client, passphrase);
  const keys = await unlock(meta, passphrase);
  return keys ? sealedCodec(meta.databaseId, keys) : plainCodec(meta.databaseId);
}

/**
 * Throws the SyncError a first run would for this passphrase, writing nothing: a database no
 * device has synced to yet takes any passphrase (the first run makes it the database's).
 */
export async function checkPassphrase(client: CouchClient, passphrase = ''): Promise<void> {
  const meta = await findMeta(client);
  if (meta) await unlock(meta, passphrase);
}
