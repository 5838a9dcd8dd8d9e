// Which selection the reader means to highlight: a non-empty range of page text, never one inside
// a form field or an editable region unless the reader asked explicitly (shortcut or menu).
const getSelectionSafely: () => Selection | null = Document.prototype.getSelection.bind(document);

function isEditable(node: Node | null): boolean {
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  if (!element) return false;
  if (element.closest('input, textarea, select')) return true;
  return element.closest('[contenteditable]:not([contenteditable="false"])') !== null;
}

/**
 * Highlights are anchored in the page's own text; a selection inside a shadow root (Firefox
 * reports those) could be saved but never found again, so it is not offered.
 */
const inPageText = (range: Range): boolean =>
  document.documentElement.contains(range.commonAncestorContainer);

/** The current selection's range if it holds text worth highlighting. */
export function currentRange(options: { allowEditable: boolean }): Range | null {
  const selection = getSelectionSafely();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (range.toString().trim() === '' || !inPageText(range)) return null;
  if (!options.allowEditable && isEditable(range.commonAncestorContainer)) return null;
  return range;
}

export function clearSelection(): void {
  getSelectionSafely()?.removeAllRanges();
}
