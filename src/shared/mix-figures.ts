// How an archetype mix is written for the reader, the same on every surface (the review page's
// goal and mix views, the popup's goal card, the evidence pack): which archetypes are listed,
// what the mix is based on, counts instead of percents while the base is too small for a percent
// to mean much, and a zero written like any other figure ("0 %", "0"), never left out of a
// comparison where the other side has it.
import { ARCHETYPES, type ArchetypeSeed } from './archetypes';
import { countWords } from './count-words';
import type { ActualMix } from './mix';
import type { ArchetypeMix } from './types';

/** Under this many tagged items a mix is written as counts: 1 of 3 is not "33 %". */
export const PRECISE_FROM = 5;

/** A mix as the reader sees it: nothing yet, percents, or amounts (counts, minutes) per archetype. */
export type MixFigures =
  | { kind: 'none' }
  | { kind: 'percent'; values: ArchetypeMix }
  | { kind: 'amount'; values: ArchetypeMix; format: (value: number) => string };

export const NO_FIGURES: MixFigures = { kind: 'none' };

const hasValues = (values: ArchetypeMix | null): values is ArchetypeMix =>
  values !== null && Object.values(values).some((v) => v > 0);

/** A target (or any mix in percents); none when it is unset or empty. */
export const percentFigures = (values: ArchetypeMix | null): MixFigures =>
  hasValues(values) ? { kind: 'percent', values } : NO_FIGURES;

const plainCount = (n: number) => n.toLocaleString();

/** The actual mix of some evidence: counts under PRECISE_FROM tagged items, percents from there. */
export function actualFigures(mix: Pick<ActualMix, 'tagged' | 'counts' | 'shares'>): MixFigures {
  if (mix.tagged === 0) return NO_FIGURES;
  if (mix.tagged < PRECISE_FROM) return { kind: 'amount', values: mix.counts, format: plainCount };
  return percentFigures(mix.shares);
}

/** One archetype's figure: "60 %", "2", "12 min"; zero is written the same way, or "—" for none. */
export function figureText(figures: MixFigures, id: string): string {
  if (figures.kind === 'none') return '—';
  const value = figures.values[id] ?? 0;
  return figures.kind === 'percent' ? `${value} %` : figures.format(value);
}

/**
 * The archetypes a set of mixes shows, in their fixed order: those with a figure above zero in
 * any of them. A target of 40 % Tech Lead beside an actual mix without any lists Tech Lead in
 * both, "40 %" and "0 %"; an archetype no mix has is left out everywhere.
 */
export function shownArchetypes(all: readonly MixFigures[]): ArchetypeSeed[] {
  return ARCHETYPES.filter((a) => all.some((f) => f.kind !== 'none' && (f.values[a.id] ?? 0) > 0));
}

/** "Tech Lead 40 % · Solver 60 %" over the archetypes shown. */
export function figuresLine(figures: MixFigures, shown: readonly ArchetypeSeed[]): string {
  if (figures.kind === 'none') return 'Nothing tagged with an archetype yet';
  return shown.map((a) => `${a.name} ${figureText(figures, a.id)}`).join(' · ');
}

/** "3 highlights · 1 article": the tagged evidence an actual mix is taken over. */
export const basisWords = (mix: ActualMix): string => countWords(mix.basis);

/** What a mix is based on, then what it leaves out: "2 h on 3 articles (20 min without an archetype not counted)". */
export const basisLine = (basis: string, leftOut: string | null): string =>
  leftOut ? `${basis} (${leftOut} without an archetype not counted)` : basis;

/** The basis of an actual mix, or '' when nothing is tagged (its figures then say so). */
export const actualBasis = (mix: ActualMix): string =>
  mix.tagged > 0 ? basisLine(basisWords(mix), mix.untagged > 0 ? String(mix.untagged) : null) : '';

/**
 * The shares as fractions of the whole bar: percents rounded to keep equal shares equal may add
 * up to 99, and a bar still fills its width.
 */
export function barFractions(shares: ArchetypeMix | null): { id: string; fraction: number }[] {
  const total = ARCHETYPES.reduce((sum, a) => sum + (shares?.[a.id] ?? 0), 0);
  if (total <= 0) return [];
  return ARCHETYPES.flatMap((a) => {
    const share = shares?.[a.id] ?? 0;
    return share > 0 ? [{ id: a.id, fraction: share / total }] : [];
  });
}
