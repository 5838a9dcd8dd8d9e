// Errors the repositories raise on purpose, so callers can tell "you asked for something that is
// not there" from a failing database.
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}
