// Errors the repositories raise on purpose, so callers can tell "you asked for something that is
// not there" from a failing database.
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

/** A sender confined to one page asked for a record of another page. */
export class ForeignRecordError extends Error {
  override name = 'ForeignRecordError';
}

/** A bounded kind of write (new tags from web pages) has used up its allowance for now. */
export class LimitError extends Error {
  override name = 'LimitError';
}
