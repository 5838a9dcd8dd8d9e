// A fresh database per test on fake-indexeddb, under a unique name so tests never share state
// (test files run in threads of one process, so a process id and a counter are not enough).
import { openDb, type TrailmarkDb } from '../../../src/storage/database/db';
import type { SchemaVersion } from '../../../src/storage/database/schema';

export function freshDb(versions?: readonly SchemaVersion[], name?: string): TrailmarkDb {
  return openDb(name ?? `trailmark-test-${crypto.randomUUID()}`, versions);
}
