// Readwise CSV: the export's highlight columns (Highlight, Book Title, Book Author, Amazon Book
// ID, Note, Color, Tags, Location Type, Location, Highlighted at, Document tags) and the import
// template's (Highlight, Title, Author, URL, Note, Location, Date). Only a row with an http(s)
// URL says which page it belongs to; the plain export has no URL column at all, which the
// preview says instead of a long list of skipped rows without a reason.
import { csvRecords } from './csv';
import { readColor } from './import-colors';
import { readDate } from './import-dates';
import { type ImportPlan, PlanBuilder } from './import-plan';

const column = (header: readonly string[], ...names: string[]): string | undefined => {
  const wanted = names.map((n) => n.toLowerCase());
  return header.find((h) => wanted.includes(h.toLowerCase()));
};

/** Whether a CSV header row is Readwise's: a Highlight column beside a title column. */
export function isReadwiseHeader(header: readonly string[]): boolean {
  return (
    column(header, 'Highlight') !== undefined && column(header, 'Book Title', 'Title') !== undefined
  );
}

/** Readwise writes tags comma-separated; some tools write them with #. */
const tagList = (cell: string): string[] =>
  cell
    .split(/[,;]/)
    .map((t) => t.trim().replace(/^#/, ''))
    .filter(Boolean);

export const NO_URL_COLUMN =
  'This CSV has no URL column, as Readwise’s plain export does not: Trailmark cannot tell which web page a highlight belongs to. Add a URL column (as in Readwise’s import template), or use the Markdown export, whose metadata carries each article’s URL.';

/** The plan of a Readwise CSV, or null for a CSV without Readwise's columns. */
export function parseReadwiseCsv(text: string, now: number): ImportPlan | null {
  const { header, records } = csvRecords(text);
  if (!isReadwiseHeader(header)) return null;
  const plan = new PlanBuilder('readwise-csv', now);
  const col = {
    quote: column(header, 'Highlight'),
    title: column(header, 'Book Title', 'Title'),
    url: column(header, 'URL', 'Source URL', 'Link'),
    note: column(header, 'Note'),
    color: column(header, 'Color'),
    tags: column(header, 'Tags'),
    date: column(header, 'Highlighted at', 'Date'),
    pageTags: column(header, 'Document tags'),
  };
  if (col.url === undefined) plan.notice(NO_URL_COLUMN);
  const cell = (record: Record<string, string>, name: string | undefined): string =>
    name === undefined ? '' : (record[name] ?? '');
  for (const record of records) {
    plan.add({
      url: cell(record, col.url),
      title: cell(record, col.title),
      quote: cell(record, col.quote),
      note: cell(record, col.note),
      color: readColor(cell(record, col.color)),
      tags: tagList(cell(record, col.tags)),
      pageTags: tagList(cell(record, col.pageTags)),
      createdAt: readDate(cell(record, col.date)),
    });
  }
  return plan.build();
}
