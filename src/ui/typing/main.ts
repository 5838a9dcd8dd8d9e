// The typing frame: the note and new-tag fields of the toolbar, in a page of the extension's own
// origin so that the page the toolbar sits on cannot listen to the keys. It acts only for the
// toolbar that made it: it waits for a token posted to it, proves it over the extension's
// messaging to its own tab's content script, and from then on talks only over that port. It
// never posts anything to the page, and never reads its URL or the page's messages for orders.
import browser, { type Runtime } from 'webextension-polyfill';
import { tokenCss } from '../../shared/design-tokens';
import {
  isTokenOffer,
  parseToFrame,
  TYPING_PORT,
  TYPING_PORT_OWN_PAGE,
  type FromFrame,
  type TypingField,
} from '../../shared/typing-channel';
import './typing.css';

const note = document.getElementById('note') as HTMLTextAreaElement;
const tag = document.getElementById('tag') as HTMLInputElement;
const tagForm = document.getElementById('tag-form') as HTMLFormElement;
const tagNames = document.getElementById('tag-names') as HTMLDataListElement;

/** A page may post made-up tokens to this frame; each is tried once, and only so many. */
const MAX_TRIES = 8;

let port: Runtime.Port | null = null;
let session = -1;
/** The toolbar's opening these fields belong to, which a close names (see TypingView). */
let opening = -1;
let wanted: TypingField | null = null;
let tries = 0;

function applyTheme(): void {
  const style = document.createElement('style');
  style.textContent = tokenCss(':root');
  document.head.append(style);
}

const fieldFor = (field: TypingField) => (field === 'note' ? note : tag);

/**
 * Keys the reader types between the toolbar focusing this frame and the frame learning which
 * field they are for: kept here (never in the page) and put into the field once it is known.
 * They can come before the new highlight's fields do (the keys come straight from the browser,
 * the toolbar's messages through the background), so a new highlight keeps them; leaving the
 * frame drops them.
 */
let early = '';
/**
 * Esc among the kept keys: the note typed before it is placed and sent first, then the toolbar
 * closes, in the order the reader typed them.
 */
let closeAfterEarly = false;

function focusWanted(): void {
  if (!wanted) return;
  const field = fieldFor(wanted);
  field.focus();
  if (!early) return;
  const text = early;
  early = '';
  const submit = field === tag && text.endsWith('\n');
  field.setRangeText(
    field === tag ? text.replace(/\n/g, '') : text,
    field.selectionStart ?? field.value.length,
    field.selectionEnd ?? field.value.length,
    'end',
  );
  field.dispatchEvent(new Event('input'));
  if (submit) tagForm.requestSubmit();
  if (closeAfterEarly) post({ type: 'close', opening });
  closeAfterEarly = false;
}

const inField = (): boolean => document.activeElement === note || document.activeElement === tag;

/** A key typed while no field has focus: kept for the field the toolbar names next. */
function keepEarly(event: KeyboardEvent): void {
  if (inField() || closeAfterEarly || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key.length === 1) early += event.key;
  else if (event.key === 'Enter') early += '\n';
  else if (event.key === 'Backspace') early = early.slice(0, -1);
  else return;
  event.preventDefault();
}

/**
 * What the reader did while the port was being made again (the background had stopped): sent
 * once it is back, in order, so no key of a note and no new tag is lost in between.
 */
const OUTBOX_MAX = 100;
let outbox: FromFrame[] = [];

function post(message: FromFrame): void {
  if (port) port.postMessage(message);
  else outbox = [...outbox, message].slice(-OUTBOX_MAX);
}

function flushOutbox(): void {
  for (const message of outbox.splice(0)) port?.postMessage(message);
}

/** The welcome page runs the toolbar as its own script, not as a content script. */
function topIsOwnPage(): boolean {
  try {
    return window.top?.location.origin === location.origin;
  } catch {
    return false;
  }
}

const connect = (): Runtime.Port =>
  browser.runtime.connect({ name: topIsOwnPage() ? TYPING_PORT_OWN_PAGE : TYPING_PORT });

function onToolbarMessage(message: unknown): void {
  const parsed = parseToFrame(message);
  if (!parsed) return;
  if (parsed.type === 'focus') {
    // Sent only right after the toolbar itself focused this frame on the reader's key or click.
    wanted = parsed.field;
    focusWanted();
    return;
  }
  opening = parsed.opening;
  if (parsed.session !== session) {
    session = parsed.session;
    note.value = parsed.note;
    tag.value = '';
  }
  tagNames.replaceChildren(
    ...parsed.tagNames.map((name) =>
      Object.assign(document.createElement('option'), { value: name }),
    ),
  );
}

/**
 * Tokens offered while this frame still held a port. The toolbar offers a fresh one when its side
 * of the port drops (a stopped background drops both), and that offer can arrive here before this
 * side hears of the drop: it is kept, and tried once it does, or the note field would stay out of
 * reach until the page reloads. Only the latest few are kept, as a page may post made-up ones.
 */
let offered: string[] = [];

function onOffer(token: string): void {
  offered = [...offered, token].slice(-MAX_TRIES);
  tryOffered();
}

function tryOffered(): void {
  if (port) return;
  for (const token of offered.splice(0)) tryToken(token);
}

/** Tries one offered token: a wrong one is refused and its port closed. */
function tryToken(token: string): void {
  if (tries >= MAX_TRIES) return;
  tries += 1;
  const candidate = connect();
  const welcome = (message: unknown) => {
    if (parseToFrame(message) === null || port) return;
    port = candidate;
    tries = 0;
    offered = [];
    onToolbarMessage(message);
    flushOutbox();
  };
  candidate.onMessage.addListener((message: unknown) =>
    port === candidate ? onToolbarMessage(message) : welcome(message),
  );
  candidate.onDisconnect.addListener(() => {
    if (port !== candidate) return;
    port = null;
    tryOffered();
  });
  candidate.postMessage({ type: 'hello', token } satisfies FromFrame);
}

addEventListener('message', (event) => {
  if (isTokenOffer(event.data)) onOffer(event.data.trailmarkTypingToken);
});
// Coming back to the frame starts with no field focused, so the toolbar decides which one.
addEventListener('blur', () => {
  wanted = null;
  early = '';
  closeAfterEarly = false;
  if (inField()) (document.activeElement as HTMLElement).blur();
});

note.addEventListener('input', () => post({ type: 'note', session, text: note.value }));
tagForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const name = tag.value.trim();
  if (name) post({ type: 'tag', session, name });
  tag.value = '';
});
addEventListener(
  'keydown',
  (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (early && !inField()) closeAfterEarly = true;
      else post({ type: 'close', opening });
    } else keepEarly(event);
  },
  true,
);

applyTheme();
document.body.dataset.ready = 'true';
