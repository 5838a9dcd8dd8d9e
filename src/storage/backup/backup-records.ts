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
} from '../../shared/backup-schema';
import { JsonSectionReader, JsonShapeError } from '../../shared/json-sections';
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

/** A record found in the file, not yet parsed: checking it is left to whoever takes it. */
export interface RawRecord extends Omit<RecordAt, 'record'> {
  text: string;
}

/** The records one chunk of the file completed, and how far into the file that chunk ends. */
export interface BackupChunk {
  records: RawRecord[];
  bytes: number;
}

/** Characters read before a chunk is handed out: about a thousand records. */
const CHUNK_CHARS = 1 << 20;

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

/** Parses and validates one record against its table's schema; throws ImportError if it fails. */
export function checkedRecord({ text, ...at }: RawRecord): RecordAt {
  const parsed = parseJson(text, where(at));
  const result = v.safeParse(RECORD_SCHEMAS[at.section], parsed);
  if (!result.success) throw new ImportError(`${where(at)}: ${describeIssue(result.issues)}`);
  return { ...at, record: result.output };
}

/** Walks the file's text: header fields, sections in order, and the records in each. */
class RecordScanner {
  private readonly reader = new JsonSectionReader(MAX_RECORD_CHARS);
  private readonly order = new SectionOrder();
  private section: BackupSection | null = null;
  private number = 0;
  private index = 0;

  /** Appends the records this text completes to `into`. */
  push(text: string, into: RawRecord[]): void {
    for (const event of this.events(text)) {
      if (event.kind === 'field') this.order.field(event.key, event.text);
      else if (event.kind === 'section') {
        this.section = this.order.open(event.key);
        this.index = 0;
      } else if (event.kind === 'item' && this.section) {
        this.number += 1;
        this.index += 1;
        into.push({
          section: this.section,
          number: this.number,
          index: this.index,
          text: event.text,
        });
      }
    }
  }

  end(): void {
    try {
      this.reader.end();
    } catch (error) {
      // Say where the last whole record was, so a file cut or broken deep inside can be found.
      const where = this.number > 0 ? `after record ${this.number}: ` : '';
      throw new ImportError(`${where}${(error as Error).message}`);
    }
    this.order.checkHeader();
  }

  private *events(text: string) {
    try {
      yield* this.reader.push(text);
    } catch (error) {
      if (error instanceof JsonShapeError) {
        throw new ImportError(`after record ${this.number}: ${error.message}`);
      }
      throw error;
    }
  }
}

/**
 * Every record of the file, a chunk at a time (handing them out one by one would cost the
 * importer a wait per record), with the file's shape, header and section order checked; throws
 * ImportError at the first problem. Records come unparsed, so that the importer can parse them
 * while the database stores the ones before.
 */
export async function* backupRecords(file: Blob): AsyncGenerator<BackupChunk> {
  const scanner = new RecordScanner();
  let records: RawRecord[] = [];
  let chars = 0;
  let bytes = 0;
  try {
    for await (const chunk of textChunks(file)) {
      bytes = chunk.bytes;
      chars += chunk.text.length;
      scanner.push(chunk.text, records);
      if (chars >= CHUNK_CHARS) {
        yield { records, bytes };
        records = [];
        chars = 0;
      }
    }
    scanner.end();
  } catch (error) {
    // The records read before the problem go out first: one of them may be the first problem.
    if (records.length > 0) yield { records, bytes };
    if (error instanceof TypeError) throw new ImportError('the file is not UTF-8 text');
    throw error;
  }
  if (records.length > 0) yield { records, bytes: file.size };
}
