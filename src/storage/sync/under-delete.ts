// What a delete that reached this device does to the records under the deleted one (a page's
// highlights and links, a highlight's links and schedule, a goal's links): those last changed
// before the delete go with it; one made or edited after it is a new edit, which keeps itself
// and everything between it and the deleted record, their coming back stamped anew and sent, so
// that every device ends with the same records whichever learnt of the delete first.
import type { SyncTable } from '../../shared/sync/sync-body';
import { laterHlc } from '../../shared/sync/hlc';
import { revivedClock } from './merge';
import type { TrailmarkDb } from '../database/db';
import { type Dependent, dependentsOf } from './dependents';
import type { ClockRow } from './sync-rows';
import type { AnyRecord } from './wire';

/** One record's part of applying a batch: the record written or removed, its clock row, sent or not. */
export interface Writes {
  table: SyncTable;
  put?: AnyRecord;
  remove?: string;
  clock: ClockRow;
  /** Queued for the server with this stamp: this device changed it while applying. */
  queue?: string;
}

export interface UnderDelete {
  /** Something under the record was made or edited after the delete. */
  keeps: boolean;
  writes: Writes[];
}

const kept = (dep: Dependent, stamp: string): Writes => ({
  table: dep.table,
  clock: { ...dep.row, key: dep.key, clock: revivedClock(dep.clock, stamp) },
  queue: stamp,
});

const gone = (dep: Dependent, deleted: string): Writes => ({
  table: dep.table,
  remove: dep.record.id,
  clock: {
    ...dep.row,
    key: dep.key,
    clock: dep.row?.clock ?? { base: dep.own },
    deleted: laterHlc(dep.row?.deleted, deleted),
  },
});

/**
 * The records under `record`, deleted at `deleted`: what goes and what stays. `all` takes
 * everything under it (the record itself went with what it pointed at).
 */
export async function underDelete(
  db: TrailmarkDb,
  table: SyncTable,
  record: AnyRecord,
  deleted: string,
  { run, all }: { run: { device: string; stamp(): string }; all: boolean },
): Promise<UnderDelete> {
  const below = await dependentsOf(db, table, record, run.device);
  const writes = below.flatMap((dep): Writes[] => {
    if (all || dep.below <= deleted) return [gone(dep, deleted)];
    return dep.own <= deleted ? [kept(dep, run.stamp())] : [];
  });
  const keeps = !all && below.some((dep) => dep.below > deleted);
  return { keeps, writes };
}
