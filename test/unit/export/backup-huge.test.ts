// A 100 MB backup that is broken deep inside: the import reads it a chunk at a time, refuses it
// naming the record and the field, and writes nothing. The file is made in the test, a megabyte
// at a time, so no 100 MB fixture is kept in the repository.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HighlightRecord } from '../../../src/shared/types';
import { exportBackup } from '../../../src/storage/backup/backup-export';
import { ImportError, importBackup } from '../../../src/storage/backup/backup-import';
import type { TrailmarkDb } from '../../../src/storage/database/db';
import { freshDb } from '../storage/test-db';
import { everything, fillLibrary, highlights, T0 } from './library-fixture';

const TARGET_BYTES = 100 * 1024 * 1024;
/** The fixture's records ahead of the generated highlights: 5 tags, 2 goals, 2 pages, 3 highlights. */
const RECORDS_BEFORE = 12;
const NOTE = 'Worth rereading before the promotion talk. '.repeat(45);
const ONE_MB = 1024 * 1024;

let source: TrailmarkDb;
let target: TrailmarkDb;
beforeEach(async () => {
  source = freshDb();
  target = freshDb();
  await fillLibrary(source);
  await importBackup(target, new Blob(await exportBackup(source, { now: T0 })));
});
afterEach(async () => {
  await source.delete();
  await target.delete();
});

const bulkHighlight = (i: number): HighlightRecord => ({
  ...(highlights[0] as HighlightRecord),
  id: `bulk-${i}`,
  tagIds: [],
  note: NOTE,
  createdAt: T0 + i,
  updatedAt: T0 + i,
});

/**
 * The fixture library's backup with highlights added until it weighs about 100 MB; `breakAt`
 * (counted from the end) gets `broken` applied to its text.
 */
async function hugeBackup(breakAt: number, broken: (json: string) => string) {
  const text = (await exportBackup(source, { now: T0 })).join('');
  const cut = text.indexOf('\n],\n"links":[');
  const perRecord = JSON.stringify(bulkHighlight(0)).length + 2;
  const count = Math.ceil((TARGET_BYTES - text.length) / perRecord);
  // Blobs of a megabyte each, so the strings that made them can be collected as we go.
  const blobs: Blob[] = [new Blob([text.slice(0, cut)])];
  let pending: string[] = [];
  let pendingLength = 0;
  for (let i = 0; i < count; i += 1) {
    const json = JSON.stringify(bulkHighlight(i));
    const record = `,\n${i === count - breakAt ? broken(json) : json}`;
    pending.push(record);
    pendingLength += record.length;
    if (pendingLength >= ONE_MB) {
      blobs.push(new Blob(pending));
      pending = [];
      pendingLength = 0;
    }
  }
  blobs.push(new Blob([...pending, text.slice(cut)]));
  const file = new Blob(blobs, { type: 'application/json' });
  return { file, count, brokenNumber: RECORDS_BEFORE + count - breakAt + 1 };
}

/** Imports the file, sampling the heap meanwhile; returns the error, time and heap growth. */
async function refusedImport(file: Blob) {
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 20);
  const started = performance.now();
  const error = await importBackup(target, file).catch((e: unknown) => e);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return { error, seconds, heapGrowthMb: (peak - baseline) / ONE_MB };
}

describe('a 100 MB backup broken deep inside', () => {
  const brokenColour = () =>
    hugeBackup(10, (json) => json.replace('"color":"yellow"', '"color":"crimson"'));

  it('is refused at the broken record, naming it and its field; nothing is written', async () => {
    const { file, count, brokenNumber } = await brokenColour();
    expect(file.size).toBeGreaterThanOrEqual(TARGET_BYTES);
    const before = await everything(target);
    const wordsBefore = await target.highlightWords.count();

    const { error, seconds } = await refusedImport(file);

    expect(error).toBeInstanceOf(ImportError);
    const index = brokenNumber - RECORDS_BEFORE + 3;
    expect((error as Error).message).toMatch(
      new RegExp(`^record ${brokenNumber} \\(highlights #${index}\\): field "color"`),
    );
    expect(await everything(target)).toEqual(before);
    expect(await target.highlightWords.count()).toBe(wordsBefore);
    console.log(
      `# ${(file.size / ONE_MB).toFixed(0)} MB, ${count + RECORDS_BEFORE} records, refused at record ${brokenNumber} in ${seconds.toFixed(2)} s: ${(error as Error).message}`,
    );
  }, 180_000);

  it('is refused when one record near the end is cut off mid-string', async () => {
    const { file, brokenNumber } = await hugeBackup(3, (json) => json.slice(0, json.length / 2));
    const before = await everything(target);
    const { error, seconds } = await refusedImport(file);
    expect(error).toBeInstanceOf(ImportError);
    // The open string swallows the rest of the file, so the reader names the last whole record.
    expect((error as Error).message).toBe(
      `after record ${brokenNumber - 1}: the file ends early: is it cut short?`,
    );
    expect(await everything(target)).toEqual(before);
    console.log(`# cut record refused in ${seconds.toFixed(2)} s: ${(error as Error).message}`);
  }, 180_000);

  it('is refused early when one string in it is 100 MB long, without reading it whole', async () => {
    const head = (await exportBackup(source, { now: T0 })).join('');
    const cut = head.indexOf('\n],\n"links":[');
    const record = JSON.stringify(bulkHighlight(0)).replace(`"note":"${NOTE}"`, '"note":"');
    const opening = `${head.slice(0, cut)},\n${record.slice(0, record.indexOf('"note":"') + 8)}`;
    const filler = new Blob(['x'.repeat(ONE_MB)]);
    const file = new Blob([opening, ...Array<Blob>(100).fill(filler), '"}', head.slice(cut)]);
    const before = await everything(target);
    const { error, seconds, heapGrowthMb } = await refusedImport(file);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(
      new RegExp(`after record ${RECORDS_BEFORE}: an item of "highlights" is larger than`),
    );
    expect(await everything(target)).toEqual(before);
    console.log(
      `# 100 MB string refused in ${seconds.toFixed(2)} s, heap growth ${heapGrowthMb.toFixed(1)} MB: ${(error as Error).message}`,
    );
  }, 180_000);
});
