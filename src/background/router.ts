// The one message router of the background. It answers only Trailmark's messages, checks who
// sent them, how big they are and their exact shape before any handler runs, ties a content
// script's message to the page it runs on, and turns every failure into a typed error reply
// (echoing at most a few words of what it refused), so nothing is written on bad input.
import * as v from 'valibot';
import { clip } from '../shared/clip';
import { LIMITS } from '../shared/limits';
import {
  isMessageKind,
  PAGE_ONLY_KINDS,
  requestSchemas,
  type MessageKind,
} from '../shared/message-schemas';
import {
  APP,
  type ErrorCode,
  type ErrorReply,
  type Reply,
  type RequestOf,
  type ResponseMap,
} from '../shared/messages';
import { fromOwnPage, mayNamePage, type Scope, scopeOf, type SenderInfo } from './sender';

export type { SenderInfo };

export type Handlers = {
  [K in MessageKind]: (payload: RequestOf<K>, scope: Scope) => Promise<ResponseMap[K]>;
};

/** No reply is longer than this, whatever a handler or the schema library put in it. */
const MAX_MESSAGE_CHARS = 300;

const fail = (code: ErrorCode, text: string, path?: string): ErrorReply => {
  const message = clip(text, MAX_MESSAGE_CHARS);
  return {
    ok: false,
    error: path === undefined ? { code, message } : { code, message, path: clip(path) },
  };
};

/** Ours means tagged with the app marker; anything else belongs to some other listener. */
export const isOurs = (message: unknown): boolean =>
  typeof message === 'object' && message !== null && (message as { app?: unknown }).app === APP;

function serialisedSize(message: unknown): number {
  try {
    return new TextEncoder().encode(JSON.stringify(message)).length;
  } catch {
    return Infinity;
  }
}

/** Checks everything about a message but its payload; returns the error reply if it fails. */
function checkEnvelope(
  message: unknown,
  sender: SenderInfo,
  ownId: string,
  pagesBase: string | undefined,
): ErrorReply | null {
  if (sender.id !== ownId) return fail('forbidden-sender', 'the sender is not this extension');
  if (serialisedSize(message) > LIMITS.messageBytes) {
    return fail('too-large', `message exceeds ${LIMITS.messageBytes} bytes`);
  }
  const { kind, payload } = message as { kind?: unknown; payload?: unknown };
  if (!isMessageKind(kind)) {
    return fail('unknown-kind', `unknown message kind: ${clip(String(kind))}`);
  }
  if (PAGE_ONLY_KINDS.has(kind) && !fromOwnPage(sender, pagesBase)) {
    return fail('forbidden-sender', `${kind} may only come from Trailmark's own pages`);
  }
  if (typeof payload !== 'object' || payload === null) {
    return fail('malformed', 'payload must be an object');
  }
  return null;
}

function parsePayload<K extends MessageKind>(
  kind: K,
  payload: unknown,
): { ok: true; value: RequestOf<K> } | ErrorReply {
  const result = v.safeParse(requestSchemas[kind], payload);
  if (result.success) return { ok: true, value: result.output as RequestOf<K> };
  const issue = result.issues[0];
  return fail('invalid', clip(issue.message), v.getDotPath(issue) ?? undefined);
}

/** A content script may name only its own page; payloads without a URL are checked in storage. */
function outsideScope(payload: object, scope: Scope): ErrorReply | null {
  const { url } = payload as { url?: unknown };
  if (typeof url !== 'string' || mayNamePage(scope, url)) return null;
  return fail('forbidden-sender', 'a web page may only act on its own page', 'url');
}

/** Dexie wraps the browser's error (often in an AbortError of the transaction); look inside. */
function isQuotaError(error: unknown): boolean {
  for (let e = error as { name?: string; message?: string; inner?: unknown } | undefined; e;) {
    if (e.name === 'QuotaExceededError' || /quota/i.test(e.message ?? '')) return true;
    e = e.inner as typeof e;
  }
  return false;
}

/** Maps an error thrown by a handler to a reply; never lets it escape as a rejection. */
function replyForError(error: unknown): ErrorReply {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'NotFoundError') return fail('not-found', message);
  if (name === 'ForeignRecordError') return fail('forbidden-sender', message);
  if (name === 'LimitError') return fail('too-many', message);
  if (isQuotaError(error)) {
    return fail('storage', 'The disk is full: nothing was saved. Free some space and try again.');
  }
  return fail('storage', `Could not save: ${message}`);
}

/**
 * Creates the router; returns undefined for messages it does not own, so others may answer.
 * `pagesBase` is the URL prefix of the extension's own pages (runtime.getURL('')).
 */
export function createRouter(handlers: Handlers, ownId: string, pagesBase?: string) {
  return (message: unknown, sender: SenderInfo): Promise<Reply<MessageKind>> | undefined => {
    if (!isOurs(message)) return undefined;
    const refused = checkEnvelope(message, sender, ownId, pagesBase);
    if (refused) return Promise.resolve(refused);
    const scope = scopeOf(sender, pagesBase);
    if (scope === null) {
      return Promise.resolve(
        fail(
          'forbidden-sender',
          'the sender is neither a Trailmark page nor a web page’s top frame',
        ),
      );
    }
    const { kind, payload } = message as { kind: MessageKind; payload: unknown };
    return dispatch(handlers, kind, payload, scope);
  };
}

async function dispatch<K extends MessageKind>(
  handlers: Handlers,
  kind: K,
  payload: unknown,
  scope: Scope,
): Promise<Reply<K>> {
  const parsed = parsePayload(kind, payload);
  if (!parsed.ok) return parsed;
  const foreign = outsideScope(parsed.value, scope);
  if (foreign) return foreign;
  try {
    const handler = handlers[kind] as (p: RequestOf<K>, s: Scope) => Promise<ResponseMap[K]>;
    return { ok: true, data: await handler(parsed.value, scope) };
  } catch (error) {
    return replyForError(error);
  }
}
