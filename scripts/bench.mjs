// `npm run bench`: runs every bench/<name>/run.mjs in turn (alphabetical), each in its own
// process so that one bench's browser and memory cannot skew the next. Fails if any bench fails.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bench');
const only = process.argv.slice(2);

const benches = fs
  .readdirSync(benchDir, { withFileTypes: true })
  .filter(
    (entry) => entry.isDirectory() && fs.existsSync(path.join(benchDir, entry.name, 'run.mjs')),
  )
  .map((entry) => entry.name)
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

let failed = 0;
for (const name of benches) {
  console.log(`\n=== bench/${name} ===`);
  const result = spawnSync(process.execPath, [path.join(benchDir, name, 'run.mjs')], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    failed++;
    console.error(`bench/${name} failed (exit ${result.status ?? result.signal})`);
  }
}
if (benches.length === 0) console.error('no bench/*/run.mjs found');
process.exitCode = failed > 0 || benches.length === 0 ? 1 : 0;
