// Every exporter against a golden file. Run with UPDATE_GOLDEN=1 to rewrite them after a change
// that is meant, then read the diff.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import { exportAnnotations } from '../../../src/storage/backup/export-annotations';
import { exportBackup, exportBackupBlob } from '../../../src/storage/backup/backup-export';
import { exportEvidencePack } from '../../../src/storage/backup/export-markdown';
import { freshDb } from '../storage/test-db';
import { fillLibrary, T0 } from './library-fixture';

// Dates in the pack are the reader's local days: pin the zone so the golden file holds anywhere.
process.env.TZ = 'UTC';

const GOLDEN = path.resolve(__dirname, '../../fixtures/golden');
const NOW = T0 + 10 * 24 * 3600e3;

async function matchesGolden(name: string, text: string) {
  const file = path.join(GOLDEN, `${name}.golden`);
  if (process.env.UPDATE_GOLDEN) await writeFile(file, text);
  // Golden files end in .golden so that the formatter leaves them byte for byte as exported.
  expect(text).toBe(await readFile(file, 'utf8'));
}

let db: TrailmarkDb;
beforeEach(async () => {
  db = freshDb();
  await fillLibrary(db);
});
afterEach(() => db.delete());

describe('exporters', () => {
  it('writes the evidence pack of chosen goals with the other reading', async () => {
    const parts = await exportEvidencePack(db, {
      goalIds: ['goal-staff', 'goal-done'],
      includeOtherReading: true,
      now: NOW,
    });
    await matchesGolden('evidence-pack.md', parts.join(''));
  });

  it('limits the pack to a period', async () => {
    const day = 24 * 3600e3;
    const parts = await exportEvidencePack(db, {
      goalIds: ['goal-staff'],
      period: { from: T0 + day, to: T0 + 30 * day },
      periodLabel: '2026-06-02 to 2026-07-01',
      now: NOW,
    });
    await matchesGolden('evidence-pack-period.md', parts.join(''));
  });

  it('writes every highlight as W3C Web Annotation JSON-LD', async () => {
    const text = (await exportAnnotations(db, { now: NOW })).join('');
    const parsed = JSON.parse(text);
    expect(parsed.total).toBe(3);
    expect(parsed.first.items).toHaveLength(3);
    // Each annotation stays valid when copied out of the collection.
    for (const item of parsed.first.items) {
      expect(item['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    }
    await matchesGolden('annotations.jsonld', text);
  });

  it('writes the JSON backup', async () => {
    await matchesGolden('backup.json', (await exportBackup(db, { now: NOW })).join(''));
  });

  it('writes the same JSON backup into a Blob for a download', async () => {
    const blob = await exportBackupBlob(db, { now: NOW });
    expect(blob.type).toBe('application/json');
    await matchesGolden('backup.json', await blob.text());
  });
});
