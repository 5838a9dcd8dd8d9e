// The checks of an import: refuse the file at the first record that is malformed, repeats an
// id, or points at something neither the file nor the library holds. Only ids are kept between
// records, so memory grows with the number of records, not their size.
import type { BackupSection } from '../../shared/backup-schema';
import { ImportError, type RecordAt, where } from './backup-records';
import type { TrailmarkDb } from '../database/db';

export interface ImportProgress {
  bytes: number;
  totalBytes: number;
  records: number;
}

interface Reference {
  section: BackupSection;
  id: string;
  from: Pick<RecordAt, 'section' | 'number' | 'index'>;
  field: string;
}

/** The references a record makes to records of other sections. */
function referencesOf(at: RecordAt): Reference[] {
  const ref = (section: BackupSection, id: string, field: string): Reference => ({
    section,
    id,
    from: at,
    field,
  });
  const tags = (ids: readonly string[]) => ids.map((id) => ref('tags', id, 'tagIds'));
  const { record } = at;
  switch (at.section) {
    case 'pages':
      return tags((record as RecordAt<'pages'>['record']).tagIds);
    case 'highlights': {
      const h = record as RecordAt<'highlights'>['record'];
      return [ref('pages', h.pageId, 'pageId'), ...tags(h.tagIds)];
    }
    case 'links': {
      const l = record as RecordAt<'links'>['record'];
      const target = l.targetType === 'page' ? 'pages' : 'highlights';
      return [
        ref('goals', l.goalId, 'goalId'),
        ref(target, l.targetId, 'targetId'),
        ref('pages', l.pageId, 'pageId'),
      ];
    }
    case 'reviews':
      return [ref('highlights', record.id, 'id')];
    default:
      return [];
  }
}

/** Values that must be unique across a section besides the id (the stores enforce them). */
function uniqueKeyOf(at: RecordAt): string | null {
  if (at.section === 'pages') return `url ${(at.record as RecordAt<'pages'>['record']).url}`;
  if (at.section === 'tags') return `name ${(at.record as RecordAt<'tags'>['record']).nameKey}`;
  if (at.section === 'links') {
    const l = at.record as RecordAt<'links'>['record'];
    return `goal and target ${l.goalId} ${l.targetId}`;
  }
  return null;
}

class Ledger {
  private ids = new Map<BackupSection, Set<string>>();
  private keys = new Set<string>();
  /** References the file itself cannot satisfy: the library must, or the file is refused. */
  outside = new Map<string, Reference>();

  add(at: RecordAt): void {
    const ids = this.ids.get(at.section) ?? new Set();
    this.ids.set(at.section, ids);
    if (ids.has(at.record.id)) {
      throw new ImportError(`${where(at)}: field "id": ${at.record.id} appears twice in the file`);
    }
    ids.add(at.record.id);
    const key = uniqueKeyOf(at);
    if (key !== null) {
      if (this.keys.has(`${at.section} ${key}`)) {
        throw new ImportError(`${where(at)}: a second ${at.section} record with the same ${key}`);
      }
      this.keys.add(`${at.section} ${key}`);
    }
    for (const reference of referencesOf(at)) {
      if (!this.ids.get(reference.section)?.has(reference.id)) {
        this.outside.set(`${reference.section} ${reference.id}`, reference);
      }
    }
  }
}

async function checkOutside(db: TrailmarkDb, outside: ReadonlyMap<string, Reference>) {
  const refs = [...outside.values()];
  for (const section of new Set(refs.map((r) => r.section))) {
    const wanted = refs.filter((r) => r.section === section);
    const found = await db[section].bulkGet(wanted.map((r) => r.id));
    const missing = wanted.find((_, i) => !found[i]);
    if (missing) {
      throw new ImportError(
        `${where(missing.from)}: field "${missing.field}": no ${section} record ${missing.id} in the file or the library`,
      );
    }
  }
}

/**
 * Checks records as they stream past, in file order: each one on arrival (shape, repeats), and
 * at the end the references that only the library can satisfy. Throws ImportError at the first
 * problem.
 */
export class BackupCheck {
  private readonly ledger = new Ledger();
  readonly counts: Record<BackupSection, number> = {
    tags: 0,
    goals: 0,
    pages: 0,
    highlights: 0,
    links: 0,
    reviews: 0,
  };

  records = 0;

  add(at: RecordAt): void {
    this.ledger.add(at);
    this.counts[at.section] += 1;
    this.records += 1;
  }

  /** Run inside the import's transaction, after the last record. */
  finish(db: TrailmarkDb): Promise<void> {
    return checkOutside(db, this.ledger.outside);
  }
}
