// What makes a goal valid, in one place: the popup's form explains each problem next to its
// field, and storage refuses the same problems, so no goal with a 90 % mix is ever saved.
import { ARCHETYPES } from './archetypes';
import { LIMITS } from './limits';
import { compactMix } from './mix';
import { isDateWithin, latestPlannedDate } from './record-dates';
import type { ArchetypeMix } from './types';

export const GOAL_TITLE_MAX = 200;

/** The goal form as typed: every field a string, each mix share keyed by archetype id. */
export interface GoalForm {
  title: string;
  why: string;
  targetDate: string;
  mix: Record<string, string>;
}

/** A goal as the reader defines it; storage adds id, status and dates. */
export interface GoalDraft {
  title: string;
  why: string;
  targetDate: string | null;
  targetMix: ArchetypeMix | null;
}

export type GoalField = 'title' | 'why' | 'targetDate' | 'mix';
export type GoalErrors = Partial<Record<GoalField, string>>;
export type GoalParse = { ok: true; draft: GoalDraft } | { ok: false; errors: GoalErrors };

const ARCHETYPE_IDS = new Set(ARCHETYPES.map((a) => a.id));
const WHOLE_PERCENT = /^\d{1,3}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface MixTally {
  /** Sum of the shares that are whole percents. */
  total: number;
  /** Names of the archetypes whose share is not a whole percent from 0 to 100. */
  invalid: string[];
  /** Every share is blank: the goal has no target mix, which is allowed. */
  empty: boolean;
}

const archetypeName = (id: string): string => ARCHETYPES.find((a) => a.id === id)?.name ?? id;

const isWholePercent = (raw: string): boolean => WHOLE_PERCENT.test(raw) && Number(raw) <= 100;

export function tallyMix(mix: Record<string, string>): MixTally {
  const entries = Object.entries(mix).map(([id, raw]) => [id, raw.trim()] as const);
  const filled = entries.filter(([, raw]) => raw !== '');
  const invalid = filled.filter(([, raw]) => !isWholePercent(raw)).map(([id]) => archetypeName(id));
  const total = filled
    .filter(([, raw]) => isWholePercent(raw))
    .reduce((s, [, r]) => s + Number(r), 0);
  return { total, invalid, empty: filled.length === 0 };
}

/** The sentence the form shows under the mix, or null when the mix is fine. */
export function mixProblem(tally: MixTally): string | null {
  if (tally.empty) return null;
  if (tally.invalid.length > 0) {
    return `Use whole percents from 0 to 100 for ${tally.invalid.join(', ')}.`;
  }
  if (tally.total === 100) return null;
  const gap =
    tally.total < 100 ? `${100 - tally.total} % still to place` : `${tally.total - 100} % too many`;
  return `The shares add up to ${tally.total} %, not 100 % (${gap}).`;
}

/** The range a backup accepts too, so every goal the form saves can be restored. */
const isPlannedDay = (day: string): boolean =>
  isDateWithin(Date.parse(day), latestPlannedDate(Date.now()));

function isRealDate(raw: string): boolean {
  const match = ISO_DATE.exec(raw);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function titleProblem(title: string): string | null {
  if (title === '') return 'Give the goal a title.';
  if (title.length > GOAL_TITLE_MAX) return `Keep the title under ${GOAL_TITLE_MAX} characters.`;
  return null;
}

const whyProblem = (why: string): string | null =>
  why.length > LIMITS.note ? `Keep this under ${LIMITS.note} characters.` : null;

const dateProblem = (date: string): string | null =>
  date === '' || (isRealDate(date) && isPlannedDay(date))
    ? null
    : 'Use a date from 2000 on, like 2028-06-30, or leave it empty.';

function unknownArchetypes(mix: Record<string, unknown>): string | null {
  const unknown = Object.keys(mix).filter((id) => !ARCHETYPE_IDS.has(id));
  return unknown.length > 0 ? `Not an archetype: ${unknown.join(', ')}.` : null;
}

function mixOf(form: Record<string, string>): ArchetypeMix | null {
  const shares = Object.entries(form).map(([id, raw]) => [id, Number(raw.trim() || 0)] as const);
  return compactMix(Object.fromEntries(shares));
}

/** Reads the form into a draft, or says what is wrong with each field. */
export function parseGoalForm(form: GoalForm): GoalParse {
  const title = form.title.trim();
  const why = form.why.trim();
  const targetDate = form.targetDate.trim();
  const problems: [GoalField, string | null][] = [
    ['title', titleProblem(title)],
    ['why', whyProblem(why)],
    ['targetDate', dateProblem(targetDate)],
    ['mix', unknownArchetypes(form.mix) ?? mixProblem(tallyMix(form.mix))],
  ];
  const errors: GoalErrors = Object.fromEntries(problems.filter(([, p]) => p !== null));
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    draft: { title, why, targetDate: targetDate || null, targetMix: mixOf(form.mix) },
  };
}

/** The form that edits an existing draft. */
export function formOf(draft: GoalDraft): GoalForm {
  const mix = Object.fromEntries(
    ARCHETYPES.map((a) => [a.id, draft.targetMix?.[a.id]?.toString() ?? '']),
  );
  return { title: draft.title, why: draft.why, targetDate: draft.targetDate ?? '', mix };
}

/** Storage's check of a draft from any caller: the same rules as the form. */
export function draftProblems(draft: GoalDraft): GoalErrors {
  const mix = Object.fromEntries(
    Object.entries(draft.targetMix ?? {}).map(([id, share]) => [id, String(share)]),
  );
  const parsed = parseGoalForm({ ...draft, targetDate: draft.targetDate ?? '', mix });
  return parsed.ok ? {} : parsed.errors;
}
