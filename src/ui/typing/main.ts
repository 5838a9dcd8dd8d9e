// The typing frame: the note and new-tag fields of the toolbar, in a page of the extension's own
// origin so that the page the toolbar sits on cannot listen to the keys. It acts only for the
// toolbar that made it: it waits for a token posted to it, proves it over the extension's
// messaging to its own tab's content script, and from then on talks only over that port. It
// never posts anything to the page, and never reads its URL or the page's messages for orders.
import browser, { type Runtime } from 'webextension-polyfill';
import { IN_PAGE_THEME, tokenDeclarations } from '../../shared/in-page-theme';
import {
  isTokenOffer,
  parseToFrame,
  TYPING_PORT,
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
let wanted: TypingField | null = null;
let tries = 0;

function applyTheme(): void {
  const style = document.createElement('style');
  style.textContent = `:root { ${tokenDeclarations(IN_PAGE_THEME.light)} }
@media (prefers-color-scheme: dark) { :root { ${tokenDeclarations(IN_PAGE_THEME.dark)} } }`;
  document.head.append(style);
}

const fieldFor = (field: TypingField) => (field === 'note' ? note : tag);

function focusWanted(): void {
  if (wanted && document.hasFocus()) fieldFor(wanted).focus();
}

const post = (message: FromFrame): void => port?.postMessage(message);

/** The welcome page runs the toolbar as its own script, not as a content script. */
function topIsOwnPage(): boolean {
  try {
    return window.top?.location.origin === location.origin;
  } catch {
    return false;
  }
}

async function connect(): Promise<Runtime.Port | null> {
  if (topIsOwnPage()) return browser.runtime.connect({ name: TYPING_PORT });
  const tab = await browser.tabs.getCurrent();
  if (tab?.id === undefined) return null;
  return browser.tabs.connect(tab.id, { name: TYPING_PORT, frameId: 0 });
}

function onToolbarMessage(message: unknown): void {
  const parsed = parseToFrame(message);
  if (!parsed) return;
  if (parsed.type === 'focus') {
    wanted = parsed.field;
    focusWanted();
    return;
  }
  if (parsed.session !== session) {
    session = parsed.session;
    note.value = parsed.note;
    tag.value = '';
  }
  tagNames.replaceChildren(
    ...parsed.tagNames.map((name) => Object.assign(document.createElement('option'), { value: name })),
  );
}

/** Tries one offered token: a wrong one is refused and its port closed. */
async function tryToken(token: string): Promise<void> {
  if (port || tries >= MAX_TRIES) return;
  tries += 1;
  const candidate = await connect().catch(() => null);
  if (!candidate) return;
  const welcome = (message: unknown) => {
    if (parseToFrame(message) === null || port) return;
    port = candidate;
    onToolbarMessage(message);
  };
  candidate.onMessage.addListener((message: unknown) =>
    port === candidate ? onToolbarMessage(message) : welcome(message),
  );
  candidate.onDisconnect.addListener(() => {
    if (port === candidate) port = null;
  });
  candidate.postMessage({ type: 'hello', token } satisfies FromFrame);
}

addEventListener('message', (event) => {
  if (isTokenOffer(event.data)) void tryToken(event.data.trailmarkTypingToken);
});
addEventListener('focus', focusWanted);

note.addEventListener('input', () => post({ type: 'note', session, text: note.value }));
tagForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const name = tag.value.trim();
  if (name) post({ type: 'tag', session, name });
  tag.value = '';
});
addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    event.preventDefault();
    post({ type: 'close' });
  }
});

applyTheme();
document.body.dataset.ready = 'true';
