// The review page in real Chromium; downloads are also checked through Playwright's event.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launchChromium } from './support/chromium-driver.mjs';
import { reviewScenarios } from './support/review-scenarios.mjs';

reviewScenarios(launchChromium, {
  async onDownload(page, start, name) {
    const [download] = await Promise.all([page.waitForEvent('download'), start()]);
    assert.match(download.suggestedFilename(), name);
    const text = await readFile(await download.path(), 'utf8');
    assert.match(text, /^# Evidence pack/);
  },
});
