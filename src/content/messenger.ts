// Sends typed requests to the background and unwraps its replies, so callers see either the
// data or a MessageError with the background's code. Requests the background never answered
// (it was stopped, or restarting) are sent again until they are.
import browser from 'webextension-polyfill';
import { deliver } from './delivery';
import {
  envelope,
  MessageError,
  type MessageKind,
  type Reply,
  type RequestOf,
  type ResponseMap,
} from '../shared/messages';

/** A typed reply is the background's last word; anything else is a lost message worth resending. */
const isAnswer = (error: unknown): boolean => error instanceof MessageError;

async function sendOnce<K extends MessageKind>(
  kind: K,
  payload: RequestOf<K>,
): Promise<ResponseMap[K]> {
  const reply = (await browser.runtime.sendMessage(envelope(kind, payload))) as
    Reply<K> | undefined;
  if (!reply) throw new Error('Trailmark did not answer');
  if (!reply.ok) throw new MessageError(reply.error.code, reply.error.message);
  return reply.data;
}

export function send<K extends MessageKind>(
  kind: K,
  payload: RequestOf<K>,
): Promise<ResponseMap[K]> {
  return deliver(() => sendOnce(kind, payload), isAnswer);
}
