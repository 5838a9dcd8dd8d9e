// Sends typed requests to the background and unwraps its replies, so callers see either the
// data or a MessageError with the background's code.
import browser from 'webextension-polyfill';
import {
  envelope,
  MessageError,
  type MessageKind,
  type Reply,
  type RequestOf,
  type ResponseMap,
} from '../shared/messages';

export async function send<K extends MessageKind>(
  kind: K,
  payload: RequestOf<K>,
): Promise<ResponseMap[K]> {
  const reply = (await browser.runtime.sendMessage(envelope(kind, payload))) as
    Reply<K> | undefined;
  if (!reply) throw new MessageError('storage', 'Trailmark did not answer');
  if (!reply.ok) throw new MessageError(reply.error.code, reply.error.message);
  return reply.data;
}
