// The message contract between the content script and the background: one schema per request
// kind. The background validates every message against it on receipt, so a page that forges or
// mangles a message gets a typed error and nothing is written.
import * as v from 'valibot';
import { BACKUP_INTERVALS } from './backup-schedule';
import { HIGHLIGHT_COLORS } from './types';
import { LIMITS } from './limits';
import { checkSyncSettings, SYNC_LIMITS } from './sync-settings';
import { PAGE_URL_PATTERN } from './url';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.id), v.regex(/^[\w-]+$/));
const offset = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const webUrl = v.pipe(v.string(), v.maxLength(LIMITS.url), v.regex(PAGE_URL_PATTERN));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

const quoteSelector = v.strictObject({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.quote)),
  prefix: text(LIMITS.context),
  suffix: text(LIMITS.context),
});

const positionSelector = v.pipe(
  v.strictObject({ type: v.literal('TextPositionSelector'), start: offset, end: offset }),
  v.check((s) => s.end >= s.start, 'end must not be before start'),
);

const selectors = v.pipe(
  v.array(v.variant('type', [quoteSelector, positionSelector])),
  v.minLength(1),
  v.maxLength(LIMITS.selectors),
  v.check(
    (list) => list.some((s) => s.type === 'TextQuoteSelector'),
    'a TextQuoteSelector is required',
  ),
);

const tagIds = v.pipe(v.array(id), v.maxLength(LIMITS.tagIds));
const color = v.picklist(HIGHLIGHT_COLORS);

/** Request payload schema for every message kind the background answers. */
export const requestSchemas = {
  'page.load': v.strictObject({ url: webUrl }),
  'highlight.create': v.strictObject({
    id,
    url: webUrl,
    title: text(LIMITS.title),
    selectors,
    color,
    tagIds,
    note: text(LIMITS.note),
  }),
  'highlight.update': v.strictObject({
    id,
    color: v.optional(color),
    tagIds: v.optional(tagIds),
    note: v.optional(text(LIMITS.note)),
  }),
  'highlight.delete': v.strictObject({ id }),
  'tag.create': v.strictObject({
    id,
    name: v.pipe(
      v.string(),
      v.trim(),
      v.minLength(1),
      v.maxLength(LIMITS.tagName),
      v.regex(/^[^\p{Cc}]*$/u, 'a tag name may not hold control characters'),
    ),
  }),
  'page.reading': v.strictObject({
    url: webUrl,
    title: text(LIMITS.title),
    /** Active reading time since the last report; a report covers at most a few minutes. */
    activeMs: v.pipe(
      v.number(),
      v.safeInteger(),
      v.minValue(0),
      v.maxValue(LIMITS.readingReportMs),
    ),
    maxScroll: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  }),
  'highlight.placed': v.strictObject({
    url: webUrl,
    results: v.pipe(
      v.array(v.strictObject({ id, status: v.picklist(['anchored', 'orphan']), position: offset })),
      v.maxLength(LIMITS.batch),
    ),
  }),
  /** Turns the automatic backup on (with its interval) or off (null). */
  'backup.schedule': v.strictObject({ interval: v.nullable(v.picklist(BACKUP_INTERVALS)) }),
  /** Checks the account on the server, then keeps the settings and syncs. */
  'sync.enable': v.pipe(
    v.strictObject({
      server: text(SYNC_LIMITS.server),
      database: text(SYNC_LIMITS.database),
      username: text(SYNC_LIMITS.username),
      password: text(SYNC_LIMITS.password),
      passphrase: v.optional(text(SYNC_LIMITS.passphrase)),
    }),
    v.check((settings) => checkSyncSettings(settings).ok, 'the sync settings are not valid'),
  ),
  'sync.disable': v.strictObject({}),
  'sync.now': v.strictObject({}),
  'sync.status': v.strictObject({}),
};

export type MessageKind = keyof typeof requestSchemas;
export type RequestOf<K extends MessageKind> = v.InferOutput<(typeof requestSchemas)[K]>;

/**
 * Kinds only Trailmark's own pages may send. The content script shares the extension's id but
 * runs beside untrusted pages, so it must not reach settings that save files to disk, nor the
 * sync account (which sends the library to a server, and whose status names that server).
 */
export const PAGE_ONLY_KINDS: ReadonlySet<MessageKind> = new Set<MessageKind>([
  'backup.schedule',
  'sync.enable',
  'sync.disable',
  'sync.now',
  'sync.status',
]);

export const isMessageKind = (kind: unknown): kind is MessageKind =>
  typeof kind === 'string' && Object.hasOwn(requestSchemas, kind);
