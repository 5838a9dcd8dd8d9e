// The 1:1 brief: one goal, written for the talk with the reader's manager. Where the reader stands
// (now, target, evidence, and the gaps in points), the questions they want to raise, the evidence
// grouped by article — each article named once, the reader's own notes before the quotes — the
// articles only read, and what is still missing. Private tags never appear. Pure text in, text
// out: the Markdown download and the printable page are both made from the same sections.
import { ARCHETYPES } from './archetypes';
import { nowMix, type CheckIn } from './check-in';
import { gapRows, gapSentence, type GapRow } from './gaps';
import {
  evidencePercents,
  MIX_COLUMNS,
  mixCells,
  type EvidenceMix,
  type ThreeMixesInput,
} from './mix-table';
import {
  articleBlock,
  groupByArticle,
  isEvidence,
  readingList,
  type ArticleGroup,
  type ArticleItem,
} from './article-groups';
import { isoDay, mdLink, mdTable, mdText } from './markdown';
import type { GoalRecord, TalkQuestion } from './types';

/** One linked piece of evidence, as the brief needs it. */
export type BriefItem = ArticleItem;

export { groupByArticle, isEvidence, type ArticleGroup };

export interface BriefMissing {
  name: string;
  points: number;
  highlights: { quote: string; page: { title: string; url: string } | null }[];
  articles: { title: string; url: string }[];
}

export interface BriefInput {
  goal: Pick<GoalRecord, 'title' | 'why' | 'targetDate' | 'targetMix'>;
  checkIn: CheckIn | null;
  /** The archetype mix of the linked evidence: counts while it rests on few items, else percents. */
  evidenceMix: EvidenceMix;
  questions: readonly TalkQuestion[];
  items: readonly BriefItem[];
  missing: readonly BriefMissing[];
  /** Names of the tags that may be printed: private tags are simply not in it. */
  publicTagNames: ReadonlyMap<string, string>;
  generatedAt: number;
}

/** The three mixes of a brief, as the table writes them. */
export const briefMixes = (input: BriefInput): ThreeMixesInput => ({
  checkIn: input.checkIn,
  target: input.goal.targetMix,
  evidence: input.evidenceMix,
});

/** The gaps a brief names: every archetype with a target share. */
export function briefGaps(input: BriefInput): GapRow[] {
  const now = input.checkIn ? nowMix(input.checkIn) : null;
  const evidence = evidencePercents(input.evidenceMix);
  return gapRows(input.goal.targetMix, now, evidence).filter((r) => r.target > 0);
}

function mixesTable(input: BriefInput): string {
  const rows = ARCHETYPES.map((a) => [a.name, ...mixCells(briefMixes(input), a.id)]);
  return mdTable([...MIX_COLUMNS], rows);
}

function standingSection(input: BriefInput): string[] {
  const gaps = briefGaps(input);
  const checkedIn = input.checkIn
    ? `Now is my check-in of ${input.checkIn.date}; a range counts by its midpoint.`
    : 'No check-in yet: gaps are measured from the evidence.';
  const lines = ['## Where I stand', '', mixesTable(input), '', checkedIn, ''];
  if (input.goal.targetMix && gaps.length > 0) {
    lines.push('**Gaps:**', '', ...gaps.map((g) => `- ${mdText(gapSentence(g))}`), '');
  }
  return lines;
}

function questionsSection(questions: readonly TalkQuestion[]): string[] {
  if (questions.length === 0) return [];
  const open = questions.filter((q) => !q.done);
  const raised = questions.filter((q) => q.done);
  const lines = ['## Questions for the talk', ''];
  lines.push(...open.map((q, i) => `${i + 1}. ${mdText(q.text)}`));
  if (raised.length > 0) {
    lines.push('', '_Raised already:_', '', ...raised.map((q) => `- ${mdText(q.text)}`));
  }
  return [...lines, ''];
}

function evidenceSections(input: BriefInput): string[] {
  const groups = groupByArticle(input.items);
  const evidence = groups.filter(isEvidence);
  const reading = groups.filter((g) => !isEvidence(g));
  const lines = ['## Evidence', ''];
  if (evidence.length === 0) lines.push('_Nothing linked as evidence yet._', '');
  for (const group of evidence) {
    lines.push(...articleBlock(group, input.publicTagNames, { level: 3 }));
  }
  if (reading.length > 0) lines.push('## Also read', '', ...readingList(reading), '');
  return lines;
}

function missingLine(missing: BriefMissing): string[] {
  const lines = [
    `- **${mdText(missing.name)}** — ${missing.points} points below target in the evidence.`,
  ];
  for (const h of missing.highlights) {
    const source = h.page ? ` (${mdLink(h.page.title || h.page.url, h.page.url)})` : '';
    lines.push(`  - Not linked yet: “${mdText(h.quote.slice(0, 160))}”${source}`);
  }
  for (const a of missing.articles)
    lines.push(`  - Not finished: ${mdLink(a.title || a.url, a.url)}`);
  return lines;
}

function missingSection(missing: readonly BriefMissing[]): string[] {
  if (missing.length === 0) return [];
  return ["## What's missing", '', ...missing.flatMap(missingLine), ''];
}

/** The whole brief of one goal. */
export function renderBrief(input: BriefInput): string {
  const facts = [
    `Prepared ${isoDay(input.generatedAt)}`,
    input.goal.targetDate ? `target date ${input.goal.targetDate}` : null,
  ].filter((f): f is string => f !== null);
  const head = [`# 1:1 brief — ${mdText(input.goal.title)}`, '', facts.join(' · '), ''];
  if (input.goal.why.trim()) head.push(`**Why:** ${mdText(input.goal.why)}`, '');
  return [
    ...head,
    ...standingSection(input),
    ...questionsSection(input.questions),
    ...evidenceSections(input),
    ...missingSection(input.missing),
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}
