// Fixture articles for the popup scenarios, served inline so that each scenario has pages of its
// own and can change one between visits (to make a highlight an orphan).
const FILLER = Array.from(
  { length: 40 },
  (_, i) => `<p>Paragraph ${i + 1} of background on engineering leadership and career growth.</p>`,
).join('\n');

/**
 * An article with the given paragraphs (id → text), optionally after a screenful of filler. The
 * paragraphs stand far apart so that the in-page toolbar of one highlight never covers the next.
 */
export function articleHtml(title, paragraphs, { long = false } = {}) {
  const body = Object.entries(paragraphs)
    .map(([id, text]) => `<p id="${id}">${text}</p>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>article > p[id] { margin: 0 0 320px; }</style></head>
<body><article><h1>${title}</h1>${long ? FILLER : ''}${body}</article></body></html>`;
}

export const SOLVER =
  'The Solver digs deep into arbitrarily complex problems and finds an appropriate path forward.';
export const ARCHITECT =
  'The Architect is responsible for the direction, quality, and approach within a critical area.';
export const RIGHT_HAND =
  "The Right Hand extends an executive's attention, borrowing their scope and authority.";
