// Carries the typing frame's port to the content script of the tab it sits in. Firefox gives a
// frame of the extension inside a web page no `tabs` API, so the frame cannot reach its tab
// itself; the background knows the tab from the port's sender, never from anything the frame or
// the page says, and connects only to that tab's top frame, and only when that shows a web page
// (the one place a content script runs), as for every content-script message (see sender.ts).
// The content script then checks the frame's one-time token (see shared/typing-channel.ts): the
// relay only carries.
import browser, { type Runtime } from 'webextension-polyfill';
import { TYPING_PAGE, TYPING_PORT } from '../shared/typing-channel';
import { isWebUrl } from '../shared/url';

function fromTypingFrame(port: Runtime.Port): number | null {
  const sender = port.sender;
  const tabId = sender?.tab?.id;
  if (sender?.id !== browser.runtime.id || tabId === undefined) return null;
  if (!sender.url?.startsWith(browser.runtime.getURL(TYPING_PAGE))) return null;
  if (!isWebUrl(sender.tab?.url ?? '')) return null;
  // The frame sits inside the page, never as the page itself.
  return sender.frameId ? tabId : null;
}

/**
 * Messages carried while a test holds the relay, as a busy machine delays them; null when it
 * does not. The end-to-end tests hold it to put the reader's next gesture before a message.
 */
let held: (() => void)[] | null = null;

const carry = (send: () => void): void => {
  if (held) held.push(send);
  else send();
};

/** Holds what the relay carries until released; released, it goes on in the order it came. */
export function holdTypingRelay(hold: boolean): void {
  if (hold) {
    held ??= [];
    return;
  }
  const queued = held ?? [];
  held = null;
  for (const send of queued) {
    // A side that went away meanwhile takes its message with it; the rest still go.
    try {
      send();
    } catch {
      // Nothing to carry it to.
    }
  }
}

/** Each side's messages go to the other; when one side goes, so does the other. */
function pipe(a: Runtime.Port, b: Runtime.Port): void {
  a.onMessage.addListener((message: unknown) => carry(() => b.postMessage(message)));
  b.onMessage.addListener((message: unknown) => carry(() => a.postMessage(message)));
  a.onDisconnect.addListener(() => b.disconnect());
  b.onDisconnect.addListener(() => a.disconnect());
}

export function startTypingRelay(): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== TYPING_PORT) return;
    const tabId = fromTypingFrame(port);
    if (tabId === null) return port.disconnect();
    pipe(port, browser.tabs.connect(tabId, { name: TYPING_PORT, frameId: 0 }));
  });
}
