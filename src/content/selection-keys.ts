// Which keys are the reader's business with the toolbar. Only key releases that can have changed
// the selection offer the toolbar again: a keyup of Escape (which just closed it) or of a key
// typed elsewhere must not bring it back; and a key typed into a page field is never the toolbar's.
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

/** A key meant for a field of the page (or any editable region), never for the toolbar. */
export function typedIntoField(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0] ?? event.target;
  const element = target instanceof Element ? target : null;
  const active = document.activeElement;
  return [element, active].some(
    (node) =>
      node instanceof HTMLElement &&
      (node.isContentEditable || node.closest('input, textarea, select') !== null),
  );
}
