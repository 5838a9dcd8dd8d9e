// The toolbar's side of the typing frame (see shared/typing-channel.ts): makes the frame, posts
// it a fresh one-time token on every load, and accepts over the extension's messaging only the
// port that presents that token. A frame that loaded anything else (the page navigated it) gets
// no token and stays hidden, so the reader never types into something the page put there.
//
// The port runs through the background, which the browser stops when it has had nothing to do
// for a while, dropping the port. It is made again only while the fields are shown: made again
// at once, it woke the background each time it stopped, for as long as the tab stayed open.
import browser, { type Runtime } from 'webextension-polyfill';
import {
  parseFromFrame,
  TYPING_PAGE,
  TYPING_PORT,
  TYPING_PORT_OWN_PAGE,
  type ToFrame,
  type TypingField,
  type TypingView,
} from '../shared/typing-channel';

export interface TypingHandlers {
  note(session: number, text: string): void;
  tag(session: number, name: string): void;
  /** Esc in the frame, for the toolbar's opening it names. */
  close(opening: number): void;
}

export interface TypingFrame {
  element: HTMLIFrameElement;
  /** Shows the fields for one highlight; the same session keeps what is being typed. */
  show(view: TypingView): void;
  /** Moves the reader's focus into a field: only ever after the reader's own gesture. */
  focus(field: TypingField): void;
  /** Shows or hides the fields; they are shown only once the frame has proved itself. */
  display(shown: boolean): void;
}

/**
 * A focus asked for while the frame was still loading is given once it is ready only if the
 * page's focus is still where it was (on the toolbar, or wherever the keys came from), however
 * long the load took on a busy machine: a reader who has moved on is not pulled back.
 */
const pageFocus = (): Element | null => document.activeElement;

const randomToken = (): string => {
  // getRandomValues works on http pages too, where randomUUID does not exist.
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
};

type Accept = (port: Runtime.Port) => void;
const waiting = new Set<Accept>();
let listening = false;

/** One listener for the content script: each connecting port is offered to the live frames. */
function listen(): void {
  if (listening) return;
  listening = true;
  // In a content script the port comes through the background's relay; on Trailmark's own
  // pages, where this runs as a page script, straight from the frame.
  const name =
    location.origin === new URL(browser.runtime.getURL('')).origin
      ? TYPING_PORT_OWN_PAGE
      : TYPING_PORT;
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== name) return;
    if (port.sender?.id !== browser.runtime.id) return port.disconnect();
    for (const accept of waiting) accept(port);
  });
}

export function createTypingFrame(handlers: TypingHandlers): TypingFrame {
  listen();
  const src = browser.runtime.getURL(TYPING_PAGE);
  const origin = new URL(src).origin;
  const element = document.createElement('iframe');
  element.className = 'typing';
  element.title = 'Note and new tag';
  element.hidden = true;
  element.src = src;

  let token = '';
  let port: Runtime.Port | null = null;
  let last: ToFrame | null = null;
  /** A field to focus once the port is ready, if the reader's focus is still where it was. */
  let wanted: { field: TypingField; still: () => boolean } | null = null;
  let shown = false;
  /** The frame's document proved itself and has not loaded anything since. */
  let proven = false;

  const updateHidden = () => {
    element.hidden = !(shown && proven);
  };
  const root = () => element.getRootNode() as Document | ShadowRoot;

  const send = (message: ToFrame) => port?.postMessage(message);

  function onFrameMessage(message: unknown): void {
    const parsed = parseFromFrame(message);
    if (!parsed) return;
    if (parsed.type === 'note') handlers.note(parsed.session, parsed.text);
    else if (parsed.type === 'tag') handlers.tag(parsed.session, parsed.name);
    else if (parsed.type === 'close') handlers.close(parsed.opening);
  }

  function ready(accepted: Runtime.Port): void {
    port = accepted;
    proven = true;
    updateHidden();
    accepted.onMessage.addListener((message: unknown) => {
      if (port === accepted) onFrameMessage(message);
    });
    accepted.onDisconnect.addListener(() => {
      if (port !== accepted) return;
      port = null;
      if (shown) offerToken();
    });
    if (last) send(last);
    if (wanted && shown && wanted.still()) focusFrame(wanted.field);
    wanted = null;
  }

  /** The first message of a port must be the current token; anything else closes it. */
  const accept: Accept = (candidate) => {
    const first = (message: unknown) => {
      candidate.onMessage.removeListener(first);
      const hello = parseFromFrame(message);
      if (hello?.type === 'hello' && token !== '' && hello.token === token) {
        token = '';
        ready(candidate);
      } else {
        candidate.disconnect();
      }
    };
    candidate.onMessage.addListener(first);
  };
  waiting.add(accept);

  /** Only a document of the extension's origin can receive it: the page's never does. */
  function offerToken(): void {
    token = randomToken();
    element.contentWindow?.postMessage({ trailmarkTypingToken: token }, origin);
  }

  element.addEventListener('load', () => {
    // Every load starts over: a navigation the page forced gets no token and stays hidden.
    port?.disconnect();
    port = null;
    proven = false;
    updateHidden();
    offerToken();
  });

  /**
   * Firefox does not move the focus into the frame while it is still dispatching the key that
   * asked for it (the toolbar keeps it); a task later it does. Only if the reader's focus is
   * still where the key left it: a reader who has moved on is not pulled back.
   */
  function focusElement(): void {
    element.focus();
    if (root().activeElement === element) return;
    const from = pageFocus();
    const inRoot = root().activeElement;
    setTimeout(() => {
      if (shown && pageFocus() === from && root().activeElement === inRoot) element.focus();
    });
  }

  function focusFrame(field: TypingField): void {
    focusElement();
    send({ type: 'focus', field });
  }

  return {
    element,
    show(view) {
      last = { type: 'show', ...view };
      send(last);
    },
    focus(field) {
      if (port) return focusFrame(field);
      const from = pageFocus();
      // The frame proved itself and only its port is being made again: the keys go into it at
      // once (it keeps them for the field), never to the page.
      if (proven && shown) focusElement();
      wanted = { field, still: () => root().activeElement === element || pageFocus() === from };
    },
    display(value) {
      // Firefox fires no blur into a focused frame that is hidden: its field would keep the
      // focus ring the next time the frame is shown, unfocused.
      if (!value && root().activeElement === element) element.blur();
      if (!value) wanted = null;
      if (value && !shown && !port) offerToken();
      shown = value;
      updateHidden();
    },
  };
}
