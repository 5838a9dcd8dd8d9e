// Makes chosen writes fail the way a full disk does, through the real write path (a Dexie
// middleware under every table), so end-to-end tests can check what the reader sees and that
// nothing is half-written. Installed only when a test asks for it.
import type { DBCore, Middleware } from 'dexie';
import type { TrailmarkDb } from './db';

const NAME = 'trailmark-write-faults';
const plan = { skip: 0, fail: 0 };
const installed = new WeakSet<TrailmarkDb>();

function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

const faults: Middleware<DBCore> = {
  stack: 'dbcore',
  name: NAME,
  create: (down) => ({
    ...down,
    table(name) {
      const table = down.table(name);
      return {
        ...table,
        mutate(request) {
          if (plan.skip > 0) plan.skip -= 1;
          else if (plan.fail > 0) {
            plan.fail -= 1;
            return Promise.reject(quotaError());
          }
          return table.mutate(request);
        },
      };
    },
  }),
};

/** Lets `skip` writes through, then fails the next `fail` writes with a QuotaExceededError. */
export async function failWrites(db: TrailmarkDb, skip: number, fail: number): Promise<void> {
  plan.skip = skip;
  plan.fail = fail;
  if (installed.has(db)) return;
  // Middleware joins the stack when the database opens.
  db.close();
  db.use(faults);
  await db.open();
  installed.add(db);
}
