// Writes store-ready zips of the built extension: artifacts/trailmark-<browser>-<version>.zip.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));

async function filesOf(dir, prefix = '') {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = {};
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    const name = prefix + entry.name;
    if (entry.isDirectory()) Object.assign(files, await filesOf(full, `${name}/`));
    else files[name] = new Uint8Array(await readFile(full));
  }
  return files;
}

await mkdir(path.join(root, 'artifacts'), { recursive: true });
for (const target of ['chrome', 'firefox']) {
  const files = await filesOf(path.join(root, 'dist', target));
  // A fixed timestamp keeps the zips byte-for-byte reproducible.
  const zip = zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
  const out = path.join('artifacts', `trailmark-${target}-${version}.zip`);
  await writeFile(path.join(root, out), zip);
  console.log(`${out}: ${Object.keys(files).length} files, ${(zip.length / 1024).toFixed(1)} KB`);
}
