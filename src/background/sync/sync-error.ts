// The one error a sync run ends with: its message is what the reader sees, as it is.

/** A failure the reader can act on; `message` is shown as it is ("wrong passphrase"). */
export class SyncError extends Error {
  override name = 'SyncError';
}
