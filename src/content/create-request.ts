// What a reader asked a new highlight to be: its colour, tags, and where the editor opens. Two
// presses that land while one create is still starting make one highlight, as if the second
// press had come once the editor was open.
import type { HighlightColor } from '../shared/types';
import type { TypingField } from '../shared/typing-channel';
import type { Focus } from './toolbar';

export interface CreateRequest {
  color: HighlightColor;
  then: TypingField | undefined;
  tagIds: readonly string[];
  focus: Focus;
}

/** The first request with the second applied on top: its colour, its field, both tag lists. */
export function followedBy(first: CreateRequest, next: CreateRequest): CreateRequest {
  return {
    color: next.color,
    then: next.then ?? first.then,
    tagIds: [...new Set([...first.tagIds, ...next.tagIds])],
    focus: first.focus,
  };
}
