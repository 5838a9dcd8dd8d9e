// Test builds only (TRAILMARK_TEST_OPEN_ROOTS): lets an end-to-end test send any message from
// this content script, as a compromised one would, in browsers whose drivers cannot reach the
// content script's own world (Firefox). The shipped build has none of it: the define is false
// there and the bundler drops the code.
import browser from 'webextension-polyfill';

declare const __TRAILMARK_TEST_SENDER__: boolean;

/** The page asks with this event (detail: JSON `{ id, message }`)… */
export const SEND_EVENT = 'trailmark-test-send';
/** …and hears the background's reply in this one (detail: JSON `{ id, reply }`). */
export const REPLY_EVENT = 'trailmark-test-reply';

async function relay(detail: string): Promise<void> {
  const { id, message } = JSON.parse(detail) as { id: string; message: unknown };
  const reply: unknown = await browser.runtime.sendMessage(message).catch((error: unknown) => ({
    thrown: String(error),
  }));
  window.dispatchEvent(new CustomEvent(REPLY_EVENT, { detail: JSON.stringify({ id, reply }) }));
}

export function installTestSender(): void {
  if (typeof __TRAILMARK_TEST_SENDER__ === 'undefined' || !__TRAILMARK_TEST_SENDER__) return;
  window.addEventListener(SEND_EVENT, (event) => {
    void relay(String((event as CustomEvent<unknown>).detail));
  });
}
