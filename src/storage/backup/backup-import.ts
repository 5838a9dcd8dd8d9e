// Importing a JSON backup: every record is checked inside the one transaction that writes them,
// which commits only once the whole file has passed. A bad file is refused with what and where,
// and the library is left exactly as it was.
import type { ImportProgress } from './backup-check';
import { mergeBackup, type ImportSummary } from './backup-merge';
import type { TrailmarkDb } from '../database/db';

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
  return mergeBackup(db, file, onProgress);
}
