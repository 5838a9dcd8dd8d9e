// How many local changes wait to go to the server, for the status line and the popup's
// "pending": the size of the storage's outbox.
import { pendingChanges as outboxSize } from '../../storage/sync/pending';

export const pendingChanges = (): Promise<number> => outboxSize();
