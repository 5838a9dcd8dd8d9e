// `npm start`: opens a browser with the freshly built extension loaded, in a throw-away profile,
// so the reader lands on the welcome page as on a first install. What to open is decided in
// start-plan.mjs; this file only looks at the machine and carries the plan out.
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { planStart } from './start-plan.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The same place the build wrote to.
const dist = process.env.TRAILMARK_DIST
  ? path.resolve(process.env.TRAILMARK_DIST)
  : path.join(root, 'dist');

const machine = {
  platform: process.platform,
  env: process.env,
  isRoot: process.getuid?.() === 0,
  exists: existsSync,
  dist: { chrome: path.join(dist, 'chrome'), firefox: path.join(dist, 'firefox') },
  // Chromium creates the folder itself; a random name keeps two starts apart.
  profile: path.join(os.tmpdir(), `trailmark-start-${process.pid}-${Date.now()}`),
  webExt: path.join(root, 'node_modules', '.bin', 'web-ext'),
};

function run(command, args, cleanup) {
  const child = spawn(command, args, { stdio: 'inherit' });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`);
    cleanup();
    process.exit(1);
  });
  child.on('exit', (code) => {
    cleanup();
    process.exit(code ?? 0);
  });
}

const plan = planStart(machine);
if (plan.action === 'explain') {
  console.error(plan.message);
  process.exit(1);
}
console.log(plan.message);
run(plan.command, plan.args, () => rmSync(machine.profile, { recursive: true, force: true }));
