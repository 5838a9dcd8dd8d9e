// One typed request to the background and its reply unwrapped: the data, or a MessageError with
// the background's code. The content script (which resends what was never answered) and the
// extension pages both speak to the background through it.
import browser from 'webextension-polyfill';
import {
  envelope,
  MessageError,
  type MessageKind,
  type Reply,
  type RequestOf,
  type ResponseMap,
} from './messages';

export async function askBackground<K extends MessageKind>(
  kind: K,
  payload: RequestOf<K>,
): Promise<ResponseMap[K]> {
  const reply = (await browser.runtime.sendMessage(envelope(kind, payload))) as
    Reply<K> | undefined;
  if (!reply) throw new Error('Trailmark’s background did not answer');
  if (!reply.ok) throw new MessageError(reply.error.code, reply.error.message);
  return reply.data;
}
