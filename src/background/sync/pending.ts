// How many local changes wait to go to the server, for the status line and the popup's
// "pending". The engine's outbox (src/storage) answers this once it lands; until then nothing
// is counted, and this one function is where to point at it.
export async function pendingChanges(): Promise<number> {
  return 0;
}
