// The import boundaries between runtime contexts are lint rules; this proves every line the
// config draws bites, by static import, by dynamic import and (for IndexedDB) by global.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { BOUNDARIES } from '../../../eslint.config.js';

const eslint = new ESLint();

/** The rules that enforce a boundary; any other finding (unused vars…) is not counted. */
const BOUNDARY_RULES = new Set([
  'no-restricted-imports',
  'no-restricted-syntax',
  'no-restricted-globals',
  'no-restricted-properties',
]);

async function boundaryFindings(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: file });
  if (!result) throw new Error(`eslint returned nothing for ${file}`);
  return result.messages.flatMap((m) =>
    m.ruleId && BOUNDARY_RULES.has(m.ruleId) ? [m.ruleId] : [],
  );
}

/**
 * Written out by hand, not read from the config, so that dropping a line from the config fails
 * here instead of silently dropping its test.
 */
const FORBIDDEN = {
  anchoring: {
    contexts: ['content', 'background', 'storage', 'ui', 'shared'],
    packages: ['webextension-polyfill', 'dexie', 'preact'],
  },
  shared: { contexts: ['content', 'background', 'storage', 'ui'], packages: ['dexie', 'preact'] },
  content: { contexts: ['storage', 'ui', 'background'], packages: ['dexie', 'preact', 'valibot'] },
  background: { contexts: ['ui', 'content'], packages: ['preact', 'dexie'] },
  storage: {
    contexts: ['ui', 'content', 'background', 'anchoring'],
    packages: ['webextension-polyfill', 'preact'],
  },
  ui: { contexts: ['background', 'content'], packages: ['dexie'] },
} as const;

const sorted = (list: readonly string[]) => [...list].sort();

const contextCases = Object.entries(FORBIDDEN).flatMap(([from, rule]) =>
  rule.contexts.map((to) => [from, to] as const),
);
const packageCases = Object.entries(FORBIDDEN).flatMap(([from, rule]) =>
  rule.packages.map((name) => [from, name] as const),
);

describe('context boundaries', () => {
  it('the table below names every line the config draws', () => {
    const drawn = Object.fromEntries(
      Object.entries(BOUNDARIES).map(([context, rule]) => [
        context,
        { contexts: sorted(rule.contexts), packages: sorted(rule.packages) },
      ]),
    );
    const tested = Object.fromEntries(
      Object.entries(FORBIDDEN).map(([context, rule]) => [
        context,
        { contexts: sorted(rule.contexts), packages: sorted(rule.packages) },
      ]),
    );
    expect(drawn).toEqual(tested);
  });

  it.each(contextCases)('%s may not import %s statically', async (from, to) => {
    const code = `import { x } from '../${to}/x';\nvoid x;`;
    expect(await boundaryFindings(`src/${from}/x.ts`, code)).toEqual(['no-restricted-imports']);
  });

  it.each(contextCases)('%s may not import %s dynamically', async (from, to) => {
    const code = `void import('../${to}/x');`;
    expect(await boundaryFindings(`src/${from}/x.ts`, code)).toEqual(['no-restricted-syntax']);
  });

  it.each(packageCases)('%s may not import the package %s statically', async (from, name) => {
    const code = `import x from '${name}';\nvoid x;`;
    expect(await boundaryFindings(`src/${from}/x.ts`, code)).toEqual(['no-restricted-imports']);
  });

  it.each(packageCases)('%s may not import the package %s dynamically', async (from, name) => {
    const code = `void import('${name}');`;
    expect(await boundaryFindings(`src/${from}/x.ts`, code)).toEqual(['no-restricted-syntax']);
  });

  it.each([
    ['src/ui/popup/x.ts', "import { createRouter } from '../../background/router';"],
    ['src/ui/popup/x.ts', 'void import(`../../content/index`);'],
    ['src/content/x.ts', "import { useState } from 'preact/hooks';"],
    ['src/content/x.ts', "void import('preact/hooks');"],
    ['src/content/deep/x.ts', "void import('../../storage/db');"],
  ])('deeper paths, subpaths and template literals are caught: %s, %s', async (file, code) => {
    expect(await boundaryFindings(file, code)).toHaveLength(1);
  });

  it.each([
    ['src/content/x.ts', "import { describe } from '../anchoring';"],
    ['src/content/x.ts', "import { LIMITS } from '../shared/limits';"],
    ['src/content/x.ts', "void import('../shared/limits');"],
    ['src/content/x.ts', "void import('./ui-toolbar');"],
    ['src/ui/popup/x.ts', "import { getDb } from '../../storage/db';"],
    ['src/ui/popup/x.ts', "void import('../../storage/db');"],
    ['src/background/x.ts', "import { getDb } from '../storage/db';"],
    ['src/storage/x.ts', "import Dexie from 'dexie';"],
    ['src/storage/x.ts', "void import('dexie');"],
  ])('%s may: %s', async (file, code) => {
    expect(await boundaryFindings(file, code)).toEqual([]);
  });
});

describe('only storage/ opens IndexedDB', () => {
  const noDatabase = Object.entries(BOUNDARIES).filter(([, rule]) => rule.noDatabase);

  it('is required of content and anchoring at least', () => {
    expect(noDatabase.map(([context]) => context)).toEqual(
      expect.arrayContaining(['content', 'anchoring']),
    );
    expect(BOUNDARIES.storage.noDatabase).toBe(false);
  });

  it.each(noDatabase.map(([context]) => context))(
    '%s may not reach the indexedDB global',
    async (context) => {
      const file = `src/${context}/x.ts`;
      expect(await boundaryFindings(file, "indexedDB.open('trailmark');")).toEqual([
        'no-restricted-globals',
      ]);
      expect(await boundaryFindings(file, "globalThis.indexedDB.open('trailmark');")).toEqual([
        'no-restricted-properties',
      ]);
      expect(await boundaryFindings(file, "window.indexedDB.open('trailmark');")).toEqual([
        'no-restricted-properties',
      ]);
    },
  );

  it('storage may', async () => {
    expect(await boundaryFindings('src/storage/x.ts', "indexedDB.open('trailmark');")).toEqual([]);
  });
});
