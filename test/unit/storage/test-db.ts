// A fresh database per test on fake-indexeddb, under a unique name so tests never share state.
import { openDb, type TrailmarkDb } from '../../../src/storage/database/db';
import type { SchemaVersion } from '../../../src/storage/database/schema';

let counter = 0;

export function freshDb(versions?: readonly SchemaVersion[], name?: string): TrailmarkDb {
  counter += 1;
  return openDb(name ?? `trailmark-test-${process.pid}-${counter}`, versions);
}
