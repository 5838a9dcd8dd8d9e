// Unit test files run in worker threads of one process, and Node's BroadcastChannel reaches every
// thread: Dexie tells other "tabs" of each write through it, so one file's writes reached another
// file's database of the same name (the default one, or a fresh one under a colliding name) and,
// for one, dropped its word table again and again until a wait ran out. A browser's tabs of one
// profile do share writes; unrelated test files do not. Each thread gets channels of its own.
// Plain JavaScript, so that a test's own worker can load it too.
import { threadId } from 'node:worker_threads';

/** The channel every thread shares, for a test that must reach across. */
export const SharedChannel = globalThis.BroadcastChannel;

globalThis.BroadcastChannel = class ThreadChannel extends SharedChannel {
  constructor(name) {
    super(`thread-${threadId}:${name}`);
  }
};
