// The three mixes side by side — now, target, evidence — as one table with one set of columns
// and one way of writing each cell, for the popup's goal card, the goal view, the printed brief
// and its Markdown. The evidence is written as every mix is (mix-figures): counts while it rests
// on fewer than PRECISE_FROM tagged items, percents from there.
import { nowShareText, type CheckIn } from './check-in';
import type { ActualMix } from './mix';
import { actualFigures, figureText, percentFigures, PRECISE_FROM } from './mix-figures';
import type { ArchetypeMix } from './types';

/** The column headings, in order: the archetype, then the three mixes. */
export const MIX_COLUMNS = ['Archetype', 'Now', 'Target', 'Evidence'] as const;

/** What the evidence column needs of an actual mix. */
export type EvidenceMix = Pick<ActualMix, 'shares' | 'counts' | 'tagged'>;

/** No linked evidence carries an archetype tag. */
export const NO_EVIDENCE: EvidenceMix = { shares: {}, counts: {}, tagged: 0 };

export interface ThreeMixesInput {
  checkIn: CheckIn | null;
  target: Readonly<ArchetypeMix> | null;
  evidence: EvidenceMix;
}

/**
 * The evidence in whole percents without its zero shares: what gaps are measured in without a
 * check-in. Null while it rests on fewer than PRECISE_FROM tagged items, as the column then shows
 * counts: "27 points over" from three highlights would claim a precision they do not have.
 */
export function evidencePercents(evidence: EvidenceMix): ArchetypeMix | null {
  const kept = Object.entries(evidence.shares).filter(([, share]) => share > 0);
  return evidence.tagged >= PRECISE_FROM && kept.length > 0 ? Object.fromEntries(kept) : null;
}

/** One archetype's now, target and evidence cells: "70–80 %", "60 %", "2" (or "—" for none). */
export function mixCells(input: ThreeMixesInput, id: string): [string, string, string] {
  return [
    nowShareText(input.checkIn, id),
    figureText(percentFigures(input.target), id),
    figureText(actualFigures(input.evidence), id),
  ];
}
