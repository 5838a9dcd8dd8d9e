// Importing a JSON backup: check every record first, then merge them all in one transaction.
// A bad file is refused with what and where, and the library is left exactly as it was.
import { checkBackup, type ImportProgress } from './backup-check';
import { mergeBackup, type ImportSummary } from './backup-merge';
import type { TrailmarkDb } from './db';

export { ImportError } from './backup-records';
export type { ImportProgress, ImportSummary };

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
}

export async function importBackup(
  db: TrailmarkDb,
  file: Blob,
  { onProgress }: ImportOptions = {},
): Promise<ImportSummary> {
  const checked = await checkBackup(db, file, onProgress);
  return mergeBackup(db, file, checked, onProgress);
}
