// The envelope and replies of the message contract. Types only and tiny helpers, so that the
// content script can import it without pulling in the schema library.
import type { AutoBackupState } from './backup-schedule';
import type { SyncStatus } from './sync-settings';
import type { HighlightRecord, PageRecord, TagRecord } from './types';
import type { MessageKind, RequestOf } from './message-schemas';

export type { MessageKind, RequestOf };

/** Marks a message as Trailmark's: the background answers these and ignores everything else. */
export const APP = 'trailmark';

export interface Envelope<K extends MessageKind = MessageKind> {
  app: typeof APP;
  kind: K;
  payload: RequestOf<K>;
}

/** What the background answers for each kind. */
export interface ResponseMap {
  'page.load': { page: PageRecord | null; highlights: HighlightRecord[]; tags: TagRecord[] };
  'highlight.create': { highlight: HighlightRecord };
  'highlight.update': { highlight: HighlightRecord };
  'highlight.delete': { deleted: boolean };
  'highlight.placed': { updated: number };
  'tag.create': { tag: TagRecord };
  'page.reading': { recorded: boolean };
  'backup.schedule': { schedule: AutoBackupState };
  /** `refused` says, in words, why the server did not accept the account; sync stays as it was. */
  'sync.enable': { status: SyncStatus; refused: string | null };
  'sync.disable': { status: SyncStatus };
  'sync.now': { status: SyncStatus };
  'sync.status': { status: SyncStatus };
}

export type ErrorCode =
  | 'malformed'
  | 'unknown-kind'
  | 'invalid'
  | 'too-large'
  | 'forbidden-sender'
  | 'not-found'
  | 'too-many'
  | 'storage';

export interface ErrorReply {
  ok: false;
  error: { code: ErrorCode; message: string; path?: string };
}

export type Reply<K extends MessageKind> = { ok: true; data: ResponseMap[K] } | ErrorReply;

export const envelope = <K extends MessageKind>(kind: K, payload: RequestOf<K>): Envelope<K> => ({
  app: APP,
  kind,
  payload,
});

/** A failed request, carrying the background's typed error. */
export class MessageError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

/** Background → content script: highlight the current selection (shortcut or context menu). */
export const HIGHLIGHT_SELECTION = { app: APP, kind: 'content.highlight-selection' } as const;

/** Whether a message to the content script is Trailmark's of this kind. */
function isContentMessage(message: unknown, kind: string): boolean {
  if (typeof message !== 'object' || message === null) return false;
  const fields = message as { app?: unknown; kind?: unknown };
  return fields.app === APP && fields.kind === kind;
}

export const isHighlightSelectionRequest = (message: unknown): boolean =>
  isContentMessage(message, HIGHLIGHT_SELECTION.kind);

/** Extension pages → content script: scroll to a highlight and flash it. */
export const revealRequest = (id: string) => ({ app: APP, kind: 'content.reveal', id }) as const;

export function revealedId(message: unknown): string | null {
  if (!isContentMessage(message, 'content.reveal')) return null;
  const { id } = message as { id?: unknown };
  return typeof id === 'string' ? id : null;
}

/** Extension pages → content script: the page now has a record, so its reading time counts. */
export const PAGE_SAVED = { app: APP, kind: 'content.page-saved' } as const;

export const isPageSavedNotice = (message: unknown): boolean =>
  isContentMessage(message, PAGE_SAVED.kind);
