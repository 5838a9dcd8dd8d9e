// Unit tests: pure logic in Node (storage on fake-indexeddb), DOM logic in happy-dom where no
// layout is involved. Real-browser suites live in test/e2e and test/browser and run under node:test.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    restoreMocks: true,
    // A bound, not a speed check: at 5 s (the default) nine tests timed out on a loaded machine.
    testTimeout: 60_000,
    // IndexedDB for storage tests; Dexie reads the global when it loads, so it must come first.
    setupFiles: ['fake-indexeddb/auto'],
  },
});
