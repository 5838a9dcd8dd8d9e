// Which key releases can have changed the selection. Only those offer the toolbar again: a keyup
// of Escape (which just closed it) or of a key typed elsewhere must not bring it back.
const MOVING_KEYS = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Shift',
]);

export function mayChangeSelection(event: KeyboardEvent): boolean {
  if (MOVING_KEYS.has(event.key)) return true;
  return (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a';
}
