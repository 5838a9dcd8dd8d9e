// Similarity of a stored context (~32 characters) to the text around a candidate. Contexts are
// short, so a plain Levenshtein table is cheap and needs no dependency.

let row = new Int32Array(64);

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (row.length <= b.length) row = new Int32Array(b.length * 2);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      const cost = code === b.charCodeAt(j - 1) ? 0 : 1;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/** 1 for identical strings, 0 for nothing in common. An empty stored context says nothing. */
export function similarity(stored: string, found: string): number {
  if (stored.length === 0) return 1;
  return 1 - Math.min(1, editDistance(stored, found) / stored.length);
}
