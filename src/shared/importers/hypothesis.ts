// Hypothesis: the client's JSON export (`export_date`, `export_userid`, `client_version`,
// `annotations`) and the API's search results (`total`, `rows`). Each annotation targets a
// document by URL with W3C selectors; highlights and annotations with a quote become highlights
// (note = text, tags = tags), while page notes (no selector) and replies (`references`) are not
// highlights and are counted as skipped. RangeSelector (XPath) and other selector types are
// passed over: the quote and position carry what anchoring needs.
import { readDate } from './import-dates';
import { ImportRefused, type ImportPlan, PlanBuilder, SKIP } from './import-plan';
import { isRecord, stringOf, stringsOf } from './values';

const NOT_ANNOTATION = 'items that are not annotations';

export function isHypothesisExport(data: unknown): boolean {
  return (
    isRecord(data) &&
    'annotations' in data &&
    ('export_date' in data || 'export_userid' in data || 'client_version' in data)
  );
}

export function isHypothesisSearch(data: unknown): boolean {
  return isRecord(data) && Array.isArray(data.rows) && 'total' in data;
}

function selectorOf(selectors: unknown[], type: string): Record<string, unknown> | undefined {
  return selectors.find((s): s is Record<string, unknown> => isRecord(s) && s.type === type);
}

function titleOf(annotation: Record<string, unknown>): string {
  const document = annotation.document;
  if (!isRecord(document)) return '';
  return stringsOf(document.title)[0] ?? '';
}

function addAnnotation(plan: PlanBuilder, annotation: unknown): void {
  if (!isRecord(annotation) || !Array.isArray(annotation.target)) {
    return plan.skip(NOT_ANNOTATION);
  }
  if (Array.isArray(annotation.references) && annotation.references.length > 0) {
    return plan.skip(SKIP.reply);
  }
  const target: unknown = annotation.target[0];
  const selectors = isRecord(target) && Array.isArray(target.selector) ? target.selector : [];
  const quote = selectorOf(selectors, 'TextQuoteSelector');
  if (!quote) return plan.skip(SKIP.pageNote);
  const position = selectorOf(selectors, 'TextPositionSelector');
  plan.add({
    url: stringOf(isRecord(target) ? target.source : undefined) || stringOf(annotation.uri),
    title: titleOf(annotation),
    quote: stringOf(quote.exact),
    prefix: stringOf(quote.prefix),
    suffix: stringOf(quote.suffix),
    position: position && {
      start: position.start as number,
      end: position.end as number,
    },
    note: stringOf(annotation.text),
    tags: stringsOf(annotation.tags),
    createdAt: readDate(annotation.created),
  });
}

function listOf(data: Record<string, unknown>, key: 'annotations' | 'rows'): unknown[] {
  const list = data[key];
  if (!Array.isArray(list)) {
    throw new ImportRefused(`this Hypothesis file has no list of annotations ("${key}")`);
  }
  const shaped = list.filter((a) => isRecord(a) && Array.isArray(a.target));
  if (list.length > 0 && shaped.length === 0) {
    throw new ImportRefused(`the "${key}" of this file are not Hypothesis annotations`);
  }
  return list;
}

export function parseHypothesis(data: Record<string, unknown>, now: number): ImportPlan {
  const format = isHypothesisExport(data) ? 'hypothesis-export' : 'hypothesis-api';
  const plan = new PlanBuilder(format, now);
  const list = listOf(data, format === 'hypothesis-export' ? 'annotations' : 'rows');
  for (const annotation of list) addAnnotation(plan, annotation);
  return plan.build();
}
