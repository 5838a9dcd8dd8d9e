// The migration harness: for every schema version, build a database at that version, fill it
// with that version's records, open it with the latest schema and check every record survived.
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../src/storage/database/db';
import { LATEST_VERSION, SCHEMA_VERSIONS } from '../../../src/storage/database/schema';
import { records } from '../../../src/storage/database/snapshot';
import { FILLS } from './migration-fills';
import { freshDb } from './test-db';

describe.each(SCHEMA_VERSIONS.map((v) => v.version))('from schema version %i', (version) => {
  it('upgrades to the latest version with every record intact', async () => {
    const fill = FILLS[version];
    expect(fill, `migration-fills.ts needs records for version ${version}`).toBeDefined();
    if (!fill) return;
    const name = `migrate-from-${version}-${crypto.randomUUID()}`;
    const old = freshDb(
      SCHEMA_VERSIONS.filter((v) => v.version <= version),
      name,
    );
    await old.open();
    await fill.write(old);
    old.close();

    const latest = openDb(name);
    await latest.open();
    expect(latest.verno).toBe(LATEST_VERSION);
    expect(await records(latest)).toEqual(fill.expected);
    expect(await latest.outbox.toCollection().primaryKeys()).toEqual(fill.queued);
    await latest.delete();
  });
});
