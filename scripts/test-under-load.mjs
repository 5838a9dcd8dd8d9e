// `npm run test:under-load`: the README's test command, several times in a row, while one
// busy-loop process per core keeps the machine loaded — the check that the suite holds on a
// busy CI machine rather than only on an idle one. Stops at the first failed run.
//
//   node scripts/test-under-load.mjs [--runs N] [--burners N] [-- command args...]
//
// The burners are stopped whatever happens: on exit, on a signal, on a crash, and they stop by
// themselves when this process is killed outright (scripts/cpu-burner.mjs).
import { fork, spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

function parseArgs(argv) {
  const split = argv.indexOf('--');
  const options = split < 0 ? argv : argv.slice(0, split);
  const command = split < 0 ? ['npm', 'test'] : argv.slice(split + 1);
  const number = (flag, fallback) => {
    const at = options.indexOf(flag);
    if (at < 0) return fallback;
    const value = Number(options[at + 1]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${flag} needs a whole number`);
    return value;
  };
  return {
    runs: number('--runs', 3),
    burners: number('--burners', os.availableParallelism()),
    command,
  };
}

const burners = [];
let current = null;

function stopAll() {
  for (const burner of burners) if (burner.exitCode === null) burner.kill('SIGKILL');
  // The test command runs in its own process group: stop the browsers it started too.
  if (current?.exitCode === null) {
    try {
      process.kill(-current.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

function startBurners(count) {
  for (let i = 0; i < count; i += 1) {
    burners.push(fork(path.join(here, 'cpu-burner.mjs'), [], { stdio: 'ignore' }));
  }
}

/** Runs the command once; resolves with its exit code (a signal counts as a failure). */
function runOnce([command, ...args]) {
  return new Promise((resolve) => {
    current = spawn(command, args, { cwd: root, stdio: 'inherit', detached: true });
    current.on('error', (error) => {
      console.error(error.message);
      resolve(1);
    });
    current.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const { runs, burners: count, command } = parseArgs(process.argv.slice(2));
  process.on('exit', stopAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      stopAll();
      process.exit(128 + os.constants.signals[signal]);
    });
  }
  startBurners(count);
  console.log(`# ${count} CPU burner(s) running; ${runs} run(s) of: ${command.join(' ')}`);
  try {
    await runAll(runs, command);
  } finally {
    stopAll();
  }
}

async function runAll(runs, command) {
  const times = [];
  for (let run = 1; run <= runs; run += 1) {
    const started = performance.now();
    const code = await runOnce(command);
    times.push(seconds(performance.now() - started));
    console.log(`# run ${run}/${runs}: ${code === 0 ? 'passed' : 'FAILED'} in ${times.at(-1)}`);
    if (code !== 0) {
      console.log(`# under load: run ${run} of ${runs} failed (times: ${times.join(', ')})`);
      process.exitCode = code;
      return;
    }
  }
  console.log(`# under load: all ${runs} runs passed (times: ${times.join(', ')})`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
