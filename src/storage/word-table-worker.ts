// The review page's worker that reads the word table: the database opened on its own connection,
// the table handed back with its arrays transferred, not copied.
import { openDb } from './db';
import { readWordTable } from './word-table-read';

// A dedicated worker's global: its postMessage takes the transfer list second.
const scope = globalThis as unknown as {
  postMessage(message: unknown, transfer: Transferable[]): void;
};

addEventListener('message', () => {
  const db = openDb();
  readWordTable(db, () => true)
    .then((table) => {
      scope.postMessage(table, table ? [table.starts.buffer, table.words.buffer] : []);
    })
    .catch(() => scope.postMessage(null, []))
    .finally(() => db.close());
});
