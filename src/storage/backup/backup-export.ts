// The full JSON backup: every table, lossless, versioned, in the section order an import reads.
// It is produced a batch at a time: as text parts (one per batch of records) for a scheduled
// backup, or as a Blob filled batch by batch for a download from a page — never one giant string.
import { BACKUP_FORMAT, BACKUP_SECTIONS, BACKUP_VERSION } from '../../shared/backup-schema';
import type { BackupSection } from '../../shared/backup-schema';
import { forEachBatchReadAhead } from '../database/batches';
import type { TrailmarkDb } from '../database/db';
import { blobWriter } from './text-blob';

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

/** Writes the backup's text, in order, to `write`, a batch of records per call. */
async function writeBackup(
  db: TrailmarkDb,
  { now = Date.now(), onProgress }: ExportOptions,
  write: (text: string) => void,
): Promise<void> {
  const tables = BACKUP_SECTIONS.map((s) => tableOf(db, s));
  await db.transaction('r', tables, async () => {
    const total = (await Promise.all(tables.map((t) => t.count()))).reduce((a, b) => a + b, 0);
    const header = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now };
    write(JSON.stringify(header).slice(0, -1));
    let records = 0;
    for (const section of BACKUP_SECTIONS) {
      write(`,\n${JSON.stringify(section)}:[`);
      let first = true;
      await forEachBatchReadAhead<{ id: string }, unknown>(tableOf(db, section), (batch) => {
        write((first ? '\n' : ',\n') + batch.map((r) => JSON.stringify(r)).join(',\n'));
        first = false;
        records += batch.length;
        onProgress?.({ section, records, total });
      });
      write('\n]');
    }
    write('}\n');
  });
}

/** The backup as text parts; joined they make one JSON document. */
export async function exportBackup(
  db: TrailmarkDb,
  options: ExportOptions = {},
): Promise<string[]> {
  const parts: string[] = [];
  await writeBackup(db, options, (text) => parts.push(text));
  return parts;
}

/** The same backup as one Blob, filled while it is read, for a download from a page. */
export async function exportBackupBlob(
  db: TrailmarkDb,
  options: ExportOptions = {},
): Promise<Blob> {
  const writer = blobWriter('application/json');
  await writeBackup(db, options, writer.write);
  return writer.finish();
}

/** The file name a backup is saved under: the day it was made. */
export const backupFileName = (now: number): string =>
  `trailmark-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
