// Cutting echoed input short: an error reply or message names what it refused, but a hostile
// sender must not get megabytes (or a page's worth of its own text) echoed back to it.

/** At most this many characters of a value a sender supplied appear in an error. */
export const ECHO_CHARS = 80;

/** The text itself if short, else its first characters and an ellipsis. */
export function clip(text: string, max: number = ECHO_CHARS): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
