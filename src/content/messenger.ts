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
import { deliver, deliverUntilDone, type Persistence } from './delivery';

/** A typed reply is the background's last word; anything else is a lost message worth resending. */
const isAnswer = (error: unknown): boolean => error instanceof MessageError;

export function send<K extends MessageKind>(
  kind: K,
  payload: RequestOf<K>,
): Promise<ResponseMap[K]> {
  return deliver(() => askBackground(kind, payload), isAnswer);
}

/** For what must not be lost: tries until the background takes it, however long that is. */
export function sendUntilDone<K extends MessageKind>(
  kind: K,
  payload: RequestOf<K>,
  persistence: Persistence,
): Promise<ResponseMap[K]> {
  return deliverUntilDone(() => askBackground(kind, payload), isAnswer, persistence);
}
