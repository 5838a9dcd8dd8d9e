// A content script speaks only for its own page, in real Firefox. Its drivers cannot reach a
// content script's own world, so this file loads a test build whose content script sends what
// the page hands it (src/content/test-sender); the shipped build has no such door, checked here.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { launchFirefox } from './support/firefox-driver.mjs';
import { openRootsBuild } from './support/open-roots-build.mjs';
import { pageScopeScenarios } from './support/page-scope-scenarios.mjs';
import { DIST_CHROME, DIST_FIREFOX } from './support/paths.mjs';

async function launchTestBuild() {
  const { dist } = await openRootsBuild();
  return launchFirefox({ dist });
}

/** Hands a message to the test build's content script through the page's own events. */
const contentScriptSender = async (driver, page) => (message) =>
  page.evaluate(
    (detail) =>
      new Promise((resolve) => {
        const { id } = JSON.parse(detail);
        addEventListener('trailmark-test-reply', function heard(event) {
          const answer = JSON.parse(event.detail);
          if (answer.id !== id) return;
          removeEventListener('trailmark-test-reply', heard);
          resolve(answer.reply);
        });
        dispatchEvent(new CustomEvent('trailmark-test-send', { detail }));
      }),
    JSON.stringify({ id: crypto.randomUUID(), message }),
  );

test('the shipped content script has no door for a test to send through', async () => {
  for (const dist of [DIST_CHROME, DIST_FIREFOX]) {
    const script = await readFile(path.join(dist, 'content.js'), 'utf8');
    assert.ok(script.length > 1000, `${dist} holds the content script`);
    assert.ok(!script.includes('trailmark-test-send'), `${dist} has no test sender`);
  }
});

pageScopeScenarios(launchTestBuild, contentScriptSender);
