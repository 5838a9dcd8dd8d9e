// The JSON backup file, checked record by record before an import writes anything. One schema
// per table, strict about shapes and sizes: a file edited by hand or cut short is refused with
// the record and the field that are wrong, never half-imported.
import * as v from 'valibot';
import { LIMITS } from './limits';
import { EARLIEST_DATE, isDateWithin, latestPastDate, latestPlannedDate } from './record-dates';
import { GOAL_STATUSES, HIGHLIGHT_COLORS, PAGE_STATUSES } from './types';
import { isBackupPageUrl } from './url';

export const BACKUP_FORMAT = 'trailmark-backup';
/**
 * The backup layout this build writes; it reads this one and every older one. Version 2 gave
 * tags and links `updatedAt`; read from a version 1 file, it is their `createdAt`.
 */
export const BACKUP_VERSION = 2;

/** Fills in the update time a version 1 file does not have. */
const withUpdateTime = <T extends { createdAt: number; updatedAt?: number | undefined }>(
  record: T,
): T & { updatedAt: number } => ({ ...record, updatedAt: record.updatedAt ?? record.createdAt });

/** Sections in the order a backup lists them: each refers only to those before it. */
export const BACKUP_SECTIONS = [
  'tags',
  'goals',
  'pages',
  'highlights',
  'links',
  'reviews',
] as const;
export type BackupSection = (typeof BACKUP_SECTIONS)[number];

/** No single record may be bigger than this, whatever the file claims. */
export const MAX_RECORD_CHARS = 256 * 1024;

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.id), v.regex(/^[\w-]+$/));
/** A length, offset or duration: a whole number from 0. */
const whole = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const dateBetween = (latest: (now: number) => number, until: string) =>
  v.pipe(
    v.number(),
    v.check(
      (t) => isDateWithin(t, latest(Date.now())),
      `must be a date from ${new Date(EARLIEST_DATE).toISOString().slice(0, 10)} to ${until}, in milliseconds`,
    ),
  );
/** When something happened. */
const time = dateBetween(latestPastDate, 'tomorrow');
/** When something is planned for. */
const plannedTime = dateBetween(latestPlannedDate, 'a century ahead');
const plannedDay = v.pipe(
  v.string(),
  v.isoDate(),
  v.check(
    (day) => isDateWithin(Date.parse(day), latestPlannedDate(Date.now())),
    'must be a day from 2000-01-01 to a century ahead',
  ),
);
const count = v.pipe(v.number(), v.minValue(0), v.finite());
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
// A tag named twice on one record is one tag.
const ids = v.pipe(
  v.array(id),
  v.maxLength(LIMITS.tagIds),
  v.transform((list) => (list.length > 1 ? [...new Set(list)] : list)),
);
const url = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(LIMITS.url),
  v.url(),
  v.check(isBackupPageUrl, 'must be an http or https address'),
);

const quoteSelector = v.strictObject({
  type: v.literal('TextQuoteSelector'),
  exact: text(LIMITS.quote),
  prefix: text(LIMITS.context),
  suffix: text(LIMITS.context),
});

const positionSelector = v.strictObject({
  type: v.literal('TextPositionSelector'),
  start: whole,
  end: whole,
});

const page = v.strictObject({
  id,
  url,
  title: text(LIMITS.title),
  site: text(LIMITS.url),
  firstVisitAt: time,
  lastVisitAt: time,
  readingMs: whole,
  maxScroll: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  status: v.picklist(PAGE_STATUSES),
  tagIds: ids,
  tracked: v.boolean(),
  updatedAt: time,
});

const highlight = v.strictObject({
  id,
  pageId: id,
  selectors: v.pipe(
    v.array(v.variant('type', [quoteSelector, positionSelector])),
    v.maxLength(LIMITS.selectors),
  ),
  quote: text(LIMITS.quote),
  color: v.picklist(HIGHLIGHT_COLORS),
  tagIds: ids,
  note: text(LIMITS.note),
  createdAt: time,
  updatedAt: time,
  anchorStatus: v.picklist(['anchored', 'orphan', 'unknown']),
  position: whole,
});

const tag = v.pipe(
  v.strictObject({
    id,
    name: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.tagName)),
    nameKey: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.tagName)),
    color: text(32),
    kind: v.picklist(['archetype', 'custom']),
    createdAt: time,
    updatedAt: v.optional(time),
    private: v.optional(v.boolean()),
  }),
  v.transform(withUpdateTime),
);

const percent = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100));

const checkIn = v.strictObject({
  id,
  date: v.pipe(v.string(), v.isoDate()),
  shares: v.record(
    id,
    v.pipe(
      v.strictObject({ low: percent, high: percent }),
      v.check((r) => r.low <= r.high, 'a range must not end below its start'),
    ),
  ),
  createdAt: time,
});

const question = v.strictObject({
  id,
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.question)),
  done: v.boolean(),
  createdAt: time,
});

const goal = v.strictObject({
  id,
  title: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.title)),
  why: text(LIMITS.note),
  targetDate: v.nullable(plannedDay),
  status: v.picklist(GOAL_STATUSES),
  targetMix: v.nullable(v.record(id, percent)),
  createdAt: time,
  updatedAt: time,
  checkIns: v.optional(v.pipe(v.array(checkIn), v.maxLength(LIMITS.checkIns))),
  questions: v.optional(v.pipe(v.array(question), v.maxLength(LIMITS.questions))),
});

const link = v.pipe(
  v.strictObject({
    id,
    goalId: id,
    targetType: v.picklist(['page', 'highlight']),
    targetId: id,
    pageId: id,
    note: text(LIMITS.note),
    createdAt: time,
    updatedAt: v.optional(time),
  }),
  v.transform(withUpdateTime),
);

const review = v.strictObject({
  id,
  dueAt: plannedTime,
  intervalDays: count,
  ease: count,
  reps: count,
  lastReviewedAt: time,
  firstReviewedAt: time,
  done: v.boolean(),
});

export const RECORD_SCHEMAS = {
  tags: tag,
  goals: goal,
  pages: page,
  highlights: highlight,
  links: link,
  reviews: review,
} satisfies Record<BackupSection, v.GenericSchema>;

export type BackupRecord<S extends BackupSection> = v.InferOutput<(typeof RECORD_SCHEMAS)[S]>;

export const backupHeader = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(BACKUP_VERSION)),
  exportedAt: time,
});

/** "field "quote": Invalid length…" — the first problem valibot found, with where it is. */
export function describeIssue(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return 'invalid';
  const path = issue.path?.map((item) => String(item.key)).join('.');
  return path ? `field "${path}": ${issue.message}` : issue.message;
}
