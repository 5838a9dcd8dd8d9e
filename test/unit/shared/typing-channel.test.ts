// The typing frame's channel accepts only well-formed, bounded messages: whatever a page or a
// stray port sends, the toolbar and the frame act on nothing else.
import { describe, expect, it } from 'vitest';
import {
  isTokenOffer,
  NOTE_MAX,
  parseFromFrame,
  parseToFrame,
  TAG_MAX,
} from '../../../src/shared/typing-channel';

describe('messages from the frame', () => {
  it('keeps hello, note, tag and close as sent', () => {
    expect(parseFromFrame({ type: 'hello', token: 'ab12' })).toEqual({
      type: 'hello',
      token: 'ab12',
    });
    expect(parseFromFrame({ type: 'note', session: 3, text: 'why' })).toEqual({
      type: 'note',
      session: 3,
      text: 'why',
    });
    expect(parseFromFrame({ type: 'tag', session: 3, name: '  Solver ' })).toEqual({
      type: 'tag',
      session: 3,
      name: 'Solver',
    });
    expect(parseFromFrame({ type: 'close', opening: 2 })).toEqual({ type: 'close', opening: 2 });
  });

  it('refuses what is malformed or too long', () => {
    for (const bad of [
      null,
      'note',
      { type: 'note', session: '3', text: 'x' },
      { type: 'note', session: 1, text: 'x'.repeat(NOTE_MAX + 1) },
      { type: 'tag', session: 1, name: '   ' },
      { type: 'tag', session: 1, name: 'x'.repeat(TAG_MAX + 1) },
      { type: 'hello', token: 'x'.repeat(65) },
      { type: 'delete', id: 'h1' },
      { type: 'close' },
      { type: 'close', opening: '2' },
    ]) {
      expect(parseFromFrame(bad)).toBeNull();
    }
  });
});

describe('messages to the frame', () => {
  it('keeps show and focus, refuses the rest', () => {
    expect(parseToFrame({ type: 'focus', field: 'note' })).toEqual({
      type: 'focus',
      field: 'note',
    });
    expect(parseToFrame({ type: 'focus', field: 'body' })).toBeNull();
    const view = { session: 1, opening: 4, note: '', tagNames: ['A'] };
    expect(parseToFrame({ type: 'show', ...view })).toEqual({ type: 'show', ...view });
    expect(parseToFrame({ type: 'show', ...view, tagNames: [7] })).toBeNull();
    expect(parseToFrame({ type: 'show', ...view, opening: undefined })).toBeNull();
  });

  it('takes a token offer only in its own shape', () => {
    expect(isTokenOffer({ trailmarkTypingToken: 'abc' })).toBe(true);
    expect(isTokenOffer({ trailmarkTypingToken: 5 })).toBe(false);
    expect(isTokenOffer('abc')).toBe(false);
  });
});
