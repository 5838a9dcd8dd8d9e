// Sends typed requests to the background and unwraps its replies, so callers see either the
// data or a MessageError with the background's code. Requests the background never answered
// (it was stopped, or restarting) are sent again until they are.
import { askBackground } from '../shared/ask-background';
import {
  MessageError,
  type MessageKind,
  type RequestOf,
  type ResponseMap,
} from '../shared/messages';
import { deliver } from './delivery';

/** A typed reply is the background's last word; anything else is a lost message worth resending. */
const isAnswer = (error: unknown): boolean => error instanceof MessageError;

export function send<K extends MessageKind>(
  kind: K,
  payload: RequestOf<K>,
): Promise<ResponseMap[K]> {
  return deliver(() => askBackground(kind, payload), isAnswer);
}
