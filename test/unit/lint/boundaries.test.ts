// The import boundaries between runtime contexts are lint rules; this proves they bite.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restrictedImports(file: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result?.messages.filter((m) => m.ruleId === 'no-restricted-imports').length ?? -1;
}

describe('context boundaries', () => {
  it.each([
    ['src/content/x.ts', "import { getDb } from '../storage/db';"],
    ['src/content/x.ts', "import { Popup } from '../ui/popup/Popup';"],
    ['src/content/x.ts', "import { createRouter } from '../background/router';"],
    ['src/content/x.ts', "import Dexie from 'dexie';"],
    ['src/ui/popup/x.ts', "import { createRouter } from '../../background/router';"],
    ['src/ui/popup/x.ts', "import Dexie from 'dexie';"],
    ['src/background/x.ts', "import { Popup } from '../ui/popup/Popup';"],
    ['src/background/x.ts', "import Dexie from 'dexie';"],
    ['src/anchoring/x.ts', "import browser from 'webextension-polyfill';"],
    ['src/anchoring/x.ts', "import { LIMITS } from '../shared/limits';"],
    ['src/shared/x.ts', "import { getDb } from '../storage/db';"],
    ['src/storage/x.ts', "import browser from 'webextension-polyfill';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {};\n`)).toBe(1);
  });

  it.each([
    ['src/content/x.ts', "import { describe } from '../anchoring';"],
    ['src/content/x.ts', "import { LIMITS } from '../shared/limits';"],
    ['src/ui/popup/x.ts', "import { getDb } from '../../storage/db';"],
    ['src/background/x.ts', "import { getDb } from '../storage/db';"],
    ['src/storage/x.ts', "import Dexie from 'dexie';"],
  ])('%s may: %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {};\n`)).toBe(0);
  });
});
