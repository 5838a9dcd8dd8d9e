// Unit tests: pure logic in Node (storage on fake-indexeddb), DOM logic in happy-dom where no
// layout is involved. Real-browser suites live in test/e2e and test/browser and run under node:test.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    restoreMocks: true,
    // IndexedDB for storage tests; Dexie reads the global when it loads, so it must come first.
    setupFiles: ['fake-indexeddb/auto'],
  },
});
