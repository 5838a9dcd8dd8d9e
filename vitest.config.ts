// Unit tests: pure logic in Node (storage on fake-indexeddb), DOM logic in happy-dom where no
// layout is involved. Real-browser suites live in test/e2e and test/browser and run under node:test.
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    restoreMocks: true,
    // Vitest keeps one core free by default, which on a 2-core CI machine means one worker and
    // every file in a row; the sync files mostly wait on their loopback server, so use them all.
    maxWorkers: Math.max(2, availableParallelism()),
    // Threads start faster than the default child processes: 75 s against 81 s for the whole
    // unit run on an idle 2-core machine. No test changes process-wide state (cwd, signals); the
    // one thing threads shared that processes did not, BroadcastChannel, the setup file below
    // gives each thread of its own.
    pool: 'threads',
    // A limit on how long a test may hang, not a speed check: on a busy 2-core machine a test of
    // a 10 000-highlight library took over 5 s (the default), so the bound is generous.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Channels of the thread's own first (see the file); then IndexedDB for storage tests: Dexie
    // reads both globals when it loads, so they come before any test file.
    setupFiles: ['test/unit/setup/thread-channels.mjs', 'fake-indexeddb/auto'],
  },
});
