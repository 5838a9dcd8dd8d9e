// Sync of a large library through a real pouchdb-server on loopback: 10 000 highlights on 1 000
// pages pushed from one device and pulled by an empty second device, then one changed
// highlight end to end: once as runs go now (each device's feed position past its own writes),
// once with the first device reading its own writes back first, as every run did before. Runs the engine in Node on fake-indexeddb (slower than a browser's
// IndexedDB, so the figures are on the safe side). Prints figures; asserts nothing.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'sync-bench.ts')], {
  stdio: 'inherit',
});
process.exitCode = result.status ?? 1;
