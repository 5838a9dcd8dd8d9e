// The evidence pack: what a reader brings to a 1:1 or a promotion packet, as Markdown. Per goal
// its why, target date and target mix against the actual mix, then the evidence grouped by
// article as the 1:1 brief groups it (article-groups.ts): each article once with its link and
// the day it was first read, the reader's notes first, then the quotes; articles linked without
// a note or a highlight are listed as read, not as evidence. Only the tag names given are
// printed: the caller leaves private tags out. Pure text in, text out, tested on golden files.
import { ARCHETYPES } from './archetypes';
import {
  articleBlock,
  articleLink,
  groupByArticle,
  highlightBlock,
  isEvidence,
  readingList,
  type ArticleItem,
} from './article-groups';
import { countOf, countWord } from './count-words';
import { actualMix } from './mix';
import {
  actualFigures,
  basisWords,
  figureText,
  percentFigures,
  shownArchetypes,
} from './mix-figures';
import { isoDay, mdTable, mdText } from './markdown';
import type { GoalRecord, HighlightRecord, LinkRecord, PageRecord } from './types';

export interface PackItem {
  link: Pick<LinkRecord, 'note'> | null;
  page: Pick<PageRecord, 'id' | 'title' | 'url'>;
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
  /** Names of the tags that may be printed: private tags are simply not in it. */
  tagNames: ReadonlyMap<string, string>;
}

const ARCHETYPE_IDS = ARCHETYPES.map((a) => a.id);

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

const articleItem = (item: PackItem): ArticleItem => ({
  linkNote: item.link?.note ?? '',
  page: item.page,
  highlight: item.highlight ? { ...item.highlight, tagIds: item.tagIds } : null,
  readAt: item.datedAt,
});

/** "2 highlights from 1 article · 1 article also read". */
function evidenceWords(items: readonly PackItem[], articles: number, readOnly: number): string {
  const highlights = items.filter((i) => i.highlight).length;
  const from = countOf(articles, 'article');
  const main =
    articles === 0
      ? 'none yet'
      : highlights > 0
        ? `${countOf(highlights, 'highlight')} from ${from}`
        : from;
  return readOnly > 0 ? `${main} · ${countOf(readOnly, 'article')} also read` : main;
}

function goalSection(section: PackGoal, names: ReadonlyMap<string, string>): string {
  const { goal, items } = section;
  const groups = groupByArticle(items.map(articleItem));
  const evidence = groups.filter(isEvidence);
  const reading = groups.filter((g) => !isEvidence(g));
  const facts = [
    goal.targetDate ? `**Target date:** ${goal.targetDate}` : null,
    `**Status:** ${goal.status}`,
    `**Evidence:** ${evidenceWords(items, evidence.length, reading.length)}`,
  ].filter((f): f is string => f !== null);
  const parts = [`## ${mdText(goal.title)}`, ''];
  if (goal.why) parts.push(`**Why:** ${mdText(goal.why)}`, '');
  parts.push(facts.join(' · '), '', mixTable(section), '');
  if (evidence.length === 0) parts.push('_No evidence in this period yet._', '');
  for (const group of evidence)
    parts.push(...articleBlock(group, names, { level: 3, dated: true }));
  if (reading.length > 0) parts.push('**Also read:**', '', ...readingList(reading), '');
  return parts.join('\n');
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

/** An article of the other reading: its name once, as a link. */
export const otherArticleHeading = (page: Pick<PageRecord, 'title' | 'url'>): string =>
  `### ${articleLink(page)}\n\n`;

/** One highlight of the other reading, under its article: note, quote, printable tags. */
export const otherHighlight = (
  highlight: Pick<HighlightRecord, 'quote' | 'note' | 'tagIds'>,
  names: ReadonlyMap<string, string>,
): string => highlightBlock(highlight, names).join('\n');
