// Runs npm scripts side by side and fails if any fails: the static checks (types, lint,
// format) are independent and each mostly one core's work, so on a 2-core CI machine they
// take the longest one's time instead of their sum. Each one's output is printed whole when it
// ends, never interleaved.
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function runScript(name) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '-s', name], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(0);
      process.stdout.write(
        `\n> ${name}: ${code === 0 ? 'ok' : `failed (${code})`}, ${seconds} s\n`,
      );
      process.stdout.write(Buffer.concat(output));
      resolve(code === 0);
    });
  });
}

const names = process.argv.slice(2);
const results = await Promise.all(names.map(runScript));
if (results.some((ok) => !ok)) process.exitCode = 1;
