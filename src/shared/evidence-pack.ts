// The evidence pack: what a reader brings to a 1:1 or a promotion packet, as Markdown. Per goal
// its why, target date and target mix against the actual mix, then every piece of evidence in
// the order it was read: quote, the reader's note, why it counts (the link's note), source and
// date, tags. Pure text in, text out, so it is tested against golden files.
import { ARCHETYPES } from './archetypes';
import { countWord, countWords } from './count-words';
import { actualMix } from './mix';
import {
  actualFigures,
  basisWords,
  figureText,
  percentFigures,
  shownArchetypes,
} from './mix-figures';
import { isoDay, mdLink, mdQuote, mdTable, mdText } from './markdown';
import type { GoalRecord, HighlightRecord, LinkRecord, PageRecord } from './types';

export interface PackItem {
  link: Pick<LinkRecord, 'note'> | null;
  page: Pick<PageRecord, 'title' | 'url' | 'readingMs'>;
  highlight: Pick<HighlightRecord, 'quote' | 'note'> | null;
  datedAt: number;
  tagIds: readonly string[];
}

export interface PackGoal {
  goal: Pick<GoalRecord, 'title' | 'why' | 'targetDate' | 'status' | 'targetMix'>;
  items: readonly PackItem[];
}

export interface PackOptions {
  generatedAt: number;
  /** Shown under the title, e.g. "2026-06-01 to 2026-06-30" or "all time". */
  periodLabel: string;
  tagNames: ReadonlyMap<string, string>;
}

const ARCHETYPE_IDS = ARCHETYPES.map((a) => a.id);

const minutes = (ms: number) => `${Math.max(1, Math.round(ms / 60_000))} min`;

const asEvidence = (item: PackItem) => ({ tagIds: item.tagIds, article: !item.highlight });

/** Target against actual, written as every surface writes a mix (see mix-figures). */
function mixTable(goal: PackGoal): string {
  const mix = actualMix(goal.items.map(asEvidence), ARCHETYPE_IDS);
  const target = percentFigures(goal.goal.targetMix);
  const actual = actualFigures(mix);
  const shown = shownArchetypes([target, actual]);
  if (shown.length === 0) return '_No target mix, and nothing tagged with an archetype yet._';
  const rows = shown.map((a) => [a.name, figureText(target, a.id), figureText(actual, a.id)]);
  const actualHead = mix.tagged > 0 ? `Actual (${basisWords(mix)})` : 'Actual';
  return mdTable(['Archetype', 'Target', actualHead], rows);
}

function tagLine(tagIds: readonly string[], names: ReadonlyMap<string, string>): string | null {
  const known = tagIds.flatMap((id) => {
    const name = names.get(id);
    return name ? [mdText(name)] : [];
  });
  return known.length > 0 ? `- Tags: ${known.join(', ')}` : null;
}

/** One piece of evidence: heading with date and source, the quote, then notes and tags. */
export function packItem(item: PackItem, names: ReadonlyMap<string, string>): string {
  const lines = [`### ${isoDay(item.datedAt)} — ${mdLink(item.page.title, item.page.url)}`, ''];
  if (item.highlight) lines.push(mdQuote(item.highlight.quote), '');
  else lines.push(`Read the whole article (${minutes(item.page.readingMs)}).`, '');
  const details = [
    item.highlight?.note ? `- My note: ${mdText(item.highlight.note)}` : null,
    item.link?.note ? `- Why it counts: ${mdText(item.link.note)}` : null,
    tagLine(item.tagIds, names),
  ].filter((line): line is string => line !== null);
  if (details.length > 0) lines.push(...details, '');
  return lines.join('\n');
}

function goalSection(section: PackGoal, names: ReadonlyMap<string, string>): string {
  const { goal, items } = section;
  const highlights = items.filter((i) => i.highlight).length;
  const facts = [
    goal.targetDate ? `**Target date:** ${goal.targetDate}` : null,
    `**Status:** ${goal.status}`,
    `**Evidence:** ${countWords({ highlights, articles: items.length - highlights })}`,
  ].filter((f): f is string => f !== null);
  const parts = [`## ${mdText(goal.title)}`, ''];
  if (goal.why) parts.push(`**Why:** ${mdText(goal.why)}`, '');
  parts.push(facts.join(' · '), '', mixTable(section), '');
  if (items.length === 0) parts.push('_No evidence in this period yet._', '');
  return [...parts, ...items.map((item) => packItem(item, names))].join('\n');
}

/** The pack's opening: title and what it covers. */
export function packHeader(options: PackOptions, goals: number): string {
  return [
    '# Evidence pack',
    '',
    `Generated ${isoDay(options.generatedAt)} by Trailmark · ${mdText(options.periodLabel)} · ${countWord(goals, 'goal')}`,
    '',
  ].join('\n');
}

/** The whole pack for the chosen goals. */
export function renderEvidencePack(goals: readonly PackGoal[], options: PackOptions): string {
  return [packHeader(options, goals.length), ...goals.map((g) => goalSection(g, options.tagNames))]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

/** The heading of the section of reading not linked to any goal, when the reader includes it. */
export const OTHER_READING =
  '\n## Other reading\n\nHighlights not linked to any goal in this pack, newest article first.\n\n';
