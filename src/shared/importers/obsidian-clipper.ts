// The Obsidian Web Clipper's highlights export: `[{ url, highlights: [{ text, timestamp, color,
// notes }] }]`. The text is the highlighted element's HTML, the timestamp an ISO date (older
// versions: milliseconds), notes a list of strings. No context is kept: the quote alone places
// the highlight on the next visit, where it is unique on the page.
import { readColor } from './import-colors';
import { readDate } from './import-dates';
import { ImportRefused, type ImportPlan, PlanBuilder } from './import-plan';
import { plainText } from './plain-text';
import { isRecord, stringOf, stringsOf } from './values';

export function isObsidianClipper(data: unknown): boolean {
  return (
    Array.isArray(data) &&
    data.length > 0 &&
    data.every((item) => isRecord(item) && 'url' in item && Array.isArray(item.highlights))
  );
}

export function parseObsidianClipper(data: unknown, now: number): ImportPlan {
  if (!isObsidianClipper(data)) {
    throw new ImportRefused('this is not an Obsidian Web Clipper highlights export');
  }
  const plan = new PlanBuilder('obsidian-clipper', now);
  for (const page of data as { url: unknown; highlights: unknown[] }[]) {
    for (const h of page.highlights) {
      if (!isRecord(h)) {
        plan.skip('items that are not highlights');
        continue;
      }
      const notes = [...stringsOf(h.notes), ...(h.notes ? [] : stringsOf(h.comment))];
      plan.add({
        url: stringOf(page.url),
        quote: plainText(stringOf(h.text)),
        note: notes.join('\n\n'),
        color: readColor(h.color),
        createdAt: readDate(h.timestamp),
      });
    }
  }
  return plan.build();
}
