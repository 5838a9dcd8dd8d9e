// The files a reader chose, read on the device as text: a zip archive (Omnivore's export,
// Readwise's Markdown export) is opened here, in memory, and its text files read in its place.
// Nothing is fetched. A damaged or cut-short archive is refused with the reason.
import { unzipSync } from 'fflate';
import { ImportRefused } from './import-plan';
import type { NamedText } from './omnivore';

/** Bigger than any highlights export; a larger file is refused before it is read. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
const TEXT_ENTRY = /\.(json|md|markdown|csv|txt)$/i;

const isZip = (bytes: Uint8Array): boolean =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

function decode(name: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportRefused(`${name} is not text (UTF-8): it is of no format Trailmark reads`);
  }
}

function unzip(name: string, bytes: Uint8Array): NamedText[] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (entry) => TEXT_ENTRY.test(entry.name) });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new ImportRefused(`${name} is a damaged or incomplete zip archive (${why})`);
  }
  return Object.entries(entries)
    .filter(([entry]) => !entry.startsWith('__MACOSX/'))
    .map(([entry, data]) => ({ name: entry, text: decode(entry, data) }));
}

export async function readImportFiles(files: readonly Blob[]): Promise<NamedText[]> {
  const read: NamedText[] = [];
  for (const file of files) {
    const name = file instanceof File ? file.name : 'the file';
    if (file.size > MAX_IMPORT_BYTES)
      throw new ImportRefused(`${name} is too large to be an export`);
    const bytes = new Uint8Array(await file.arrayBuffer());
    read.push(...(isZip(bytes) ? unzip(name, bytes) : [{ name, text: decode(name, bytes) }]));
  }
  return read;
}
