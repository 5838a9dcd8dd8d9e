// Highlight text some tools store as HTML (the Obsidian Web Clipper keeps the highlighted
// element's markup) brought to the plain text a reader saw: tags dropped, entities decoded.
// String work only, so that it runs the same in every context and in unit tests.

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
};

function decodeEntity(entity: string, body: string): string {
  if (body.startsWith('#')) {
    const code =
      body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff
      ? String.fromCodePoint(code)
      : entity;
  }
  return NAMED[body.toLowerCase()] ?? entity;
}

const BLOCK_TAG =
  /<\/?(p|div|li|ul|ol|h[1-6]|blockquote|pre|tr|table|section|article)\b[^>]*>|<br\s*\/?>/gi;

/** Plain text of an HTML fragment, or the text unchanged if it holds no markup. */
export function plainText(html: string): string {
  if (!/[<&]/.test(html)) return html;
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
    .replace(BLOCK_TAG, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => decodeEntity(entity, body))
    .replace(/\s+/g, ' ')
    .trim();
}
