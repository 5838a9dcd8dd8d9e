// Extension pages ask the background for what only it may do (set alarms, save downloads)
// through the same typed, validated messages the content script uses.
import browser from 'webextension-polyfill';
import {
  envelope,
  MessageError,
  type MessageKind,
  type Reply,
  type RequestOf,
  type ResponseMap,
} from '../../shared/messages';

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
