// A content script speaks only for its own page, in real Chromium. The messages are sent from
// the content script's own isolated world, reached over CDP, with the shipped build.
import assert from 'node:assert/strict';
import { launchChromium } from './support/chromium-driver.mjs';
import { waitFor } from './support/page-actions.mjs';
import { pageScopeScenarios } from './support/page-scope-scenarios.mjs';

/** Runs `send(message)` in the Trailmark content script's isolated world of `page`. */
async function contentScriptSender(driver, page) {
  const cdp = await driver.context.newCDPSession(page);
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const world = await waitFor(
    () =>
      contexts.find(
        (c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://'),
      ),
    { what: 'the content script’s isolated world' },
  );
  return async (message) => {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      contextId: world.id,
      expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
      awaitPromise: true,
      returnByValue: true,
    });
    assert.equal(exceptionDetails, undefined, JSON.stringify(exceptionDetails));
    return result.value;
  };
}

pageScopeScenarios(launchChromium, contentScriptSender);
