// Writing Markdown that pastes cleanly into a doc or a notes vault: text the reader saved can
// hold any character, so every piece is escaped for the place it goes.

import { showDate } from './shown-date';
import { isWebUrl } from './url';

/** Whitespace that collapsing would change: a run of it, or any kind but a plain space. */
const UNCOLLAPSED = /\s\s|[^\S ]/;
const MARKUP = /[\\`*_[\]<>#|~]/;

/** Text inside a paragraph or a heading: characters Markdown would read as markup are escaped. */
export function mdText(text: string): string {
  // Most saved text needs neither replacement: a test that finds nothing spares a pack of the
  // whole library two copies of every quote, title and note.
  const collapsed = UNCOLLAPSED.test(text) ? text.replace(/\s+/g, ' ') : text;
  const trimmed = collapsed.trim();
  return MARKUP.test(trimmed) ? trimmed.replace(/([\\`*_[\]<>#|~])/g, '\\$1') : trimmed;
}

/**
 * A plain `[title](url)` link whose address survives parentheses and spaces (they are
 * percent-encoded). Only http(s) addresses become links: any other (a `javascript:` or `file:`
 * one from an old import) stays plain text.
 */
const URL_ESCAPES: Record<string, string> = { '(': '%28', ')': '%29', '<': '%3C', '>': '%3E' };

export function mdLink(label: string, url: string): string {
  if (!isWebUrl(url)) return mdText(label);
  const address = url.replace(/[()<>\s]/g, (c) => URL_ESCAPES[c] ?? encodeURIComponent(c));
  return `[${mdText(label)}](${address})`;
}

/** A block quote, one "> " per line, blank lines kept inside the quote. */
export const mdQuote = (text: string): string =>
  text
    .trim()
    .split(/\r?\n/)
    .map((line) => (line.trim() ? `> ${mdText(line)}` : '>'))
    .join('\n');

/** A table with the first column left-aligned and the others right-aligned (numbers). */
export function mdTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(mdText).join(' | ')} |`;
  const rule = `| ${head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}

/** A date as YYYY-MM-DD in the reader's time zone. */
export const isoDay = (time: number): string =>
  showDate(time, (t) => {
    const d = new Date(t);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  });
