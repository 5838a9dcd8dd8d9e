// The full JSON backup: every table, lossless, versioned, in the section order an import reads.
// It is produced a batch at a time as text parts (one per batch of records) that the caller
// turns into a Blob for download or hands to a scheduled backup — never one giant string.
import { BACKUP_FORMAT, BACKUP_SECTIONS, BACKUP_VERSION } from '../shared/backup-schema';
import type { BackupSection } from '../shared/backup-schema';
import { forEachBatchReadAhead } from './batches';
import type { TrailmarkDb } from './db';

export interface ExportProgress {
  section: BackupSection;
  records: number;
  total: number;
}

export interface ExportOptions {
  now?: number;
  onProgress?: (progress: ExportProgress) => void;
}

const tableOf = (db: TrailmarkDb, section: BackupSection) => db[section];

/** The backup as text parts; joined they make one JSON document. */
export async function exportBackup(
  db: TrailmarkDb,
  { now = Date.now(), onProgress }: ExportOptions = {},
): Promise<string[]> {
  const tables = BACKUP_SECTIONS.map((s) => tableOf(db, s));
  return db.transaction('r', tables, async () => {
    const total = (await Promise.all(tables.map((t) => t.count()))).reduce((a, b) => a + b, 0);
    const header = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now };
    const parts = [JSON.stringify(header).slice(0, -1)];
    let records = 0;
    for (const section of BACKUP_SECTIONS) {
      parts.push(`,\n${JSON.stringify(section)}:[`);
      let first = true;
      await forEachBatchReadAhead<{ id: string }, unknown>(tableOf(db, section), (batch) => {
        parts.push((first ? '\n' : ',\n') + batch.map((r) => JSON.stringify(r)).join(',\n'));
        first = false;
        records += batch.length;
        onProgress?.({ section, records, total });
      });
      parts.push('\n]');
    }
    parts.push('}\n');
    return parts;
  });
}

/** The file name a backup is saved under: the day it was made. */
export const backupFileName = (now: number): string =>
  `trailmark-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
