// How many local changes wait for the server, for the Sync status line and the popup.
import { getDb, type TrailmarkDb } from '../database/db';

/** The outbox size: records changed here and not yet on the server. */
export const pendingChanges = (db: TrailmarkDb = getDb()): Promise<number> => db.outbox.count();
