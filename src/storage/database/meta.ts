// Facts about the database itself, one record per key: the eviction canary and when the last
// backup was made.
import type { TrailmarkDb } from './db';

export interface MetaRecord {
  key: string;
  value: unknown;
}

export async function readMeta<T>(db: TrailmarkDb, key: string): Promise<T | null> {
  return ((await db.meta.get(key))?.value as T | undefined) ?? null;
}

export async function writeMeta(db: TrailmarkDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}
