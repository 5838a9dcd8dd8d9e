// Stable ids for imported highlights, so that importing the same file again finds what the first
// import wrote: the id is a digest of the page, the quote and its context, the same on every run
// and every device, whatever format carried the highlight.
import type { ImportedHighlight, ImportedPage } from '../../shared/importers/import-plan';

const hex = (bytes: ArrayBuffer): string =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

function contextOf(highlight: ImportedHighlight): string {
  const quote = highlight.selectors.find((s) => s.type === 'TextQuoteSelector');
  return quote ? `${quote.prefix}\n${quote.suffix}` : '\n';
}

export async function importedId(
  page: ImportedPage,
  highlight: ImportedHighlight,
): Promise<string> {
  const key = `${page.url}\n${highlight.quote}\n${contextOf(highlight)}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  return `imported-${hex(digest).slice(0, 40)}`;
}
