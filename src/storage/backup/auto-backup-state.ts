// The automatic-backup schedule kept in the database's meta table, beside the record of the last
// backup: the background writes it, the review page follows it live.
import { SCHEDULE_OFF, type AutoBackupState } from '../../shared/backup-schedule';
import type { TrailmarkDb } from '../database/db';
import { readMeta, writeMeta } from '../database/meta';

const KEY = 'autoBackup';

export async function readAutoBackup(db: TrailmarkDb): Promise<AutoBackupState> {
  return (await readMeta<AutoBackupState>(db, KEY)) ?? SCHEDULE_OFF;
}

export async function writeAutoBackup(db: TrailmarkDb, state: AutoBackupState): Promise<void> {
  await writeMeta(db, KEY, state);
}
