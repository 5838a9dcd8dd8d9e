// Built-in tags as seeding made them: every device seeds its own at install, so they go to no
// server, and the oldest stamp there is makes them yield to any version a reader changed.
import { ARCHETYPES } from '../../shared/archetypes';
import type { SyncTable } from '../../shared/sync/sync-body';
import type { AnyRecord } from './wire';

export function isSeededBuiltIn(table: SyncTable, record: AnyRecord | undefined): boolean {
  if (table !== 'tags' || !record) return false;
  const seed = ARCHETYPES.find((a) => a.id === record.id);
  return (
    seed !== undefined &&
    record.kind === 'archetype' &&
    record.name === seed.name &&
    record.color === seed.color &&
    record.private !== true &&
    record.createdAt === record.updatedAt
  );
}
