// The records of a backup file, one at a time and checked: its header first, then each section
// in order, every record parsed and validated against its table's schema. Both passes of an
// import (check, then write) read the file through this, so they cannot disagree about it.
import * as v from 'valibot';
import {
  BACKUP_FORMAT,
  BACKUP_SECTIONS,
  BACKUP_VERSION,
  backupHeader,
  type BackupRecord,
  type BackupSection,
  describeIssue,
  MAX_RECORD_CHARS,
  RECORD_SCHEMAS,
} from '../shared/backup-schema';
import { JsonSectionReader, JsonShapeError } from '../shared/json-sections';
import { textChunks } from './read-text';

/** A refused file: what is wrong and where, in words a reader can act on. */
export class ImportError extends Error {
  override name = 'ImportError';
}

export interface RecordAt<S extends BackupSection = BackupSection> {
  section: S;
  record: BackupRecord<S>;
  /** 1-based position among all records of the file. */
  number: number;
  /** 1-based position within its section. */
  index: number;
}

/** The records one chunk of the file completed, and how far into the file that chunk ends. */
export interface BackupChunk {
  records: RecordAt[];
  bytes: number;
}

export const where = (at: Pick<RecordAt, 'section' | 'number' | 'index'>): string =>
  `record ${at.number} (${at.section} #${at.index})`;

const HEADER_FIELDS = new Set(['format', 'version', 'exportedAt']);

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ImportError(`${what} is not valid JSON`);
  }
}

/** Section bookkeeping: known names, each once, in the order a backup writes them. */
class SectionOrder {
  private last = -1;
  private header: Record<string, unknown> = {};
  private checkedHeader = false;

  field(key: string, text: string): void {
    if (!HEADER_FIELDS.has(key)) return;
    if (this.last >= 0) throw new ImportError(`the field "${key}" must come before the records`);
    this.header[key] = parseJson(text, `the field "${key}"`);
  }

  open(key: string): BackupSection {
    this.checkHeader();
    const order = BACKUP_SECTIONS.indexOf(key as BackupSection);
    if (order === -1) throw new ImportError(`unknown section "${key}": not a Trailmark backup`);
    if (order <= this.last) {
      throw new ImportError(`the section "${key}" is repeated or out of order`);
    }
    this.last = order;
    return key as BackupSection;
  }

  checkHeader(): void {
    if (this.checkedHeader) return;
    const result = v.safeParse(backupHeader, this.header);
    if (!result.success) {
      const found = this.header.version;
      const newer =
        this.header.format === BACKUP_FORMAT && typeof found === 'number' && found > BACKUP_VERSION;
      throw new ImportError(
        newer
          ? `this backup is version ${String(found)}, made by a newer Trailmark: update Trailmark first`
          : `not a Trailmark backup: ${describeIssue(result.issues)}`,
      );
    }
    this.checkedHeader = true;
  }
}

function checkRecord(section: BackupSection, text: string, at: Omit<RecordAt, 'record'>) {
  const parsed = parseJson(text, where(at));
  const result = v.safeParse(RECORD_SCHEMAS[section], parsed);
  if (!result.success) throw new ImportError(`${where(at)}: ${describeIssue(result.issues)}`);
  return result.output;
}

/**
 * Every record of the file, checked, a chunk at a time (handing them out one by one would cost
 * the write pass a wait per record); throws ImportError at the first problem.
 */
export async function* backupRecords(file: Blob): AsyncGenerator<BackupChunk> {
  const reader = new JsonSectionReader(MAX_RECORD_CHARS);
  const order = new SectionOrder();
  let section: BackupSection | null = null;
  let number = 0;
  let index = 0;
  const events = function* (text: string) {
    try {
      yield* reader.push(text);
    } catch (error) {
      if (error instanceof JsonShapeError) {
        throw new ImportError(`after record ${number}: ${error.message}`);
      }
      throw error;
    }
  };
  try {
    for await (const chunk of textChunks(file)) {
      const records: RecordAt[] = [];
      for (const event of events(chunk.text)) {
        if (event.kind === 'field') order.field(event.key, event.text);
        else if (event.kind === 'section') {
          section = order.open(event.key);
          index = 0;
        } else if (event.kind === 'item' && section) {
          number += 1;
          index += 1;
          const at = { section, number, index };
          records.push({ ...at, record: checkRecord(section, event.text, at) });
        }
      }
      yield { records, bytes: chunk.bytes };
    }
  } catch (error) {
    if (error instanceof TypeError) throw new ImportError('the file is not UTF-8 text');
    throw error;
  }
  try {
    reader.end();
  } catch (error) {
    // Say where the last whole record was, so a file cut or broken deep inside can be found.
    const where = number > 0 ? `after record ${number}: ` : '';
    throw new ImportError(`${where}${(error as Error).message}`);
  }
  order.checkHeader();
}
