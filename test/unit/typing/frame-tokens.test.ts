// @vitest-environment happy-dom
// The typing frame's side of its handshake with the toolbar, against fake ports: which offered
// tokens it tries, and when. A stopped background drops the port at both ends at once; the
// toolbar then offers a fresh token, and that offer can reach the frame before the frame hears
// of the drop. Found under load in Firefox: the offer was ignored, and N on the editor never
// reached the note field again on that page.
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it, vi } from 'vitest';

interface FakePort {
  name: string;
  sent: unknown[];
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(fn: (m: unknown) => void): void; removeListener(): void };
  onDisconnect: { addListener(fn: () => void): void };
  /** A message from the toolbar's side. */
  receive(message: unknown): void;
  /** The other side went away. */
  drop(): void;
}

function fakePort(name: string): FakePort {
  const onMessage: ((m: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const port: FakePort = {
    name,
    sent: [],
    postMessage: (message) => port.sent.push(message),
    disconnect: () => undefined,
    onMessage: { addListener: (fn) => onMessage.push(fn), removeListener: () => undefined },
    onDisconnect: { addListener: (fn) => onDisconnect.push(fn) },
    receive: (message) => onMessage.forEach((fn) => fn(message)),
    drop: () => onDisconnect.forEach((fn) => fn()),
  };
  return port;
}

const ports = vi.hoisted(() => [] as FakePort[]);
vi.mock('webextension-polyfill', () => ({
  default: { runtime: { connect: ({ name }: { name: string }) => makePort(name) } },
}));
// Hoisted mocks cannot close over module bindings made later; this one is read at call time.
function makePort(name: string): FakePort {
  const port = fakePort(name);
  ports.push(port);
  return port;
}

const offer = (token: string) =>
  window.dispatchEvent(new MessageEvent('message', { data: { trailmarkTypingToken: token } }));
const hellos = () => ports.map((port) => (port.sent[0] as { token?: string }).token);
// The toolbar's opening, told apart from the session so a close naming the wrong one shows.
const show = (session: number, note: string) => ({
  type: 'show',
  session,
  opening: session * 10,
  note,
  tagNames: [],
});
const note = () => document.getElementById('note') as HTMLTextAreaElement;

beforeAll(async () => {
  const html = readFileSync('src/ui/typing.html', 'utf8');
  const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
  document.body.innerHTML = body.replace(/<script[\s\S]*?<\/script>/g, '');
  await import('../../../src/ui/typing/main');
});

it('tries the first token offered, and takes the port that welcomes it', () => {
  offer('first');
  expect(hellos()).toEqual(['first']);
  ports[0]?.receive(show(1, 'kept'));
  expect(note().value).toBe('kept');
});

it('a token offered while its port is live leaves that port in use', () => {
  offer('made-up-by-the-page');
  expect(hellos()).toEqual(['first']);
  ports[0]?.receive(show(2, 'still this port'));
  expect(note().value).toBe('still this port');
});

it('a token offered before the frame hears its port dropped is tried once it does', () => {
  offer('after-the-drop');
  expect(hellos()).toEqual(['first']);
  ports[0]?.drop();
  expect(hellos()).toContain('after-the-drop');
  const fresh = ports.find(
    (port) => (port.sent[0] as { token: string }).token === 'after-the-drop',
  );
  fresh?.receive(show(3, 'through the new port'));
  expect(note().value).toBe('through the new port');
  ports[0]?.receive(show(4, 'from the dropped port'));
  expect(note().value, 'the dropped port no longer speaks').toBe('through the new port');
});

it('what the reader types while the port is being made again is sent, in order, once it is back', () => {
  const current = ports.at(-1);
  current?.drop();
  note().value = 'through the new port, and more';
  note().dispatchEvent(new Event('input'));
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
  offer('once-more');
  const fresh = ports.at(-1);
  expect(fresh?.sent).toEqual([{ type: 'hello', token: 'once-more' }]);
  fresh?.receive(show(3, 'the draft the toolbar had'));
  expect(fresh?.sent.slice(1)).toEqual([
    { type: 'note', session: 3, text: 'through the new port, and more' },
    { type: 'close', opening: 30 },
  ]);
  expect(note().value, 'the same session keeps what was typed').toBe(
    'through the new port, and more',
  );
});

it("keys typed before a new highlight's fields arrive go into the field the toolbar names", () => {
  const current = ports.at(-1);
  for (const key of ['S', 'o', 'Enter'])
    window.dispatchEvent(new KeyboardEvent('keydown', { key }));
  current?.receive(show(5, ''));
  current?.receive({ type: 'focus', field: 'tag' });
  expect(current?.sent.at(-1)).toEqual({ type: 'tag', session: 5, name: 'So' });
});

it('Esc typed among the kept keys closes only after their note is sent', () => {
  const current = ports.at(-1);
  window.dispatchEvent(new FocusEvent('blur'));
  for (const key of ['R', 'a', 'Escape', 'x'])
    window.dispatchEvent(new KeyboardEvent('keydown', { key }));
  expect(current?.sent.at(-1), 'nothing sent before the field is named').toEqual({
    type: 'tag',
    session: 5,
    name: 'So',
  });
  current?.receive({ type: 'focus', field: 'note' });
  expect(current?.sent.slice(-2)).toEqual([
    { type: 'note', session: 5, text: 'Ra' },
    { type: 'close', opening: 50 },
  ]);
});
