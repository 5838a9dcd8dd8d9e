// Test files must not hear each other's database writes: a message on a channel of the same name
// from another thread (another test file) does not arrive, while one on this thread's own channel
// does — so the first check is not passing merely because nothing ever arrives.
import { threadId, Worker } from 'node:worker_threads';
import { afterEach, expect, it } from 'vitest';

const SETUP = new URL('./thread-channels.mjs', import.meta.url).href;

/** Runs `body` in a new thread that loaded this folder's setup, as a test file's thread has. */
function inTestThread(body: string): Promise<void> {
  const code = `(async () => { const { SharedChannel } = await import(${JSON.stringify(SETUP)}); ${body} })();`;
  const worker = new Worker(code, { eval: true });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', () => resolve());
  });
}

/** Code that posts one message, on a channel of this thread or (`shared`) of every thread. */
const post = (channel: string, shared = false) =>
  `{ const c = new ${shared ? 'SharedChannel' : 'BroadcastChannel'}(${JSON.stringify(channel)});
     c.postMessage('hello'); c.close(); }`;

const opened: BroadcastChannel[] = [];
afterEach(() => opened.splice(0).forEach((c) => c.close()));

function listen(name: string): string[] {
  const heard: string[] = [];
  const channel = new BroadcastChannel(name);
  channel.onmessage = (event: MessageEvent) => heard.push(String(event.data));
  opened.push(channel);
  return heard;
}

it('hears a message on its own thread’s channel from another thread', async () => {
  const heard = listen('probe');
  await inTestThread(post(`thread-${threadId}:probe`, true));
  await expect.poll(() => heard).toEqual(['hello']);
});

it('does not hear another test file’s thread on a channel of the same name', async () => {
  const heard = listen('probe');
  const control = listen('control');
  // The control goes out after the probe, from the same thread: once it is in, so would the probe be.
  await inTestThread(`${post('probe')} ${post(`thread-${threadId}:control`, true)}`);
  await expect.poll(() => control).toEqual(['hello']);
  expect(heard).toEqual([]);
});
