// Archetype mixes: the share of each archetype in a goal's target and in the evidence linked to
// it. Shares are whole percents that add up to exactly 100, so a chart of them never shows 99 %
// or 101 %; rounding uses largest remainders for that reason.
import type { ArchetypeMix } from './types';

/** Something that counts as evidence for a goal: a linked highlight or page, with its tags. */
export interface Evidence {
  tagIds: readonly string[];
}

export interface ActualMix {
  /** Whole percents per archetype id, adding up to 100; empty when nothing is tagged. */
  shares: ArchetypeMix;
  /** Evidence carrying at least one archetype tag: the base the shares are taken over. */
  tagged: number;
  /** Evidence without any archetype tag: shown, but not part of the mix. */
  untagged: number;
}

/**
 * Rounds non-negative weights to whole percents adding up to 100 (largest remainder). Ties go to
 * the key listed first, so the result is stable for a given key order. All-zero weights give {}.
 */
export function toPercents(weights: ReadonlyMap<string, number>): ArchetypeMix {
  const total = [...weights.values()].reduce((sum, w) => sum + Math.max(0, w), 0);
  if (total <= 0) return {};
  const exact = [...weights].map(([key, w], order) => {
    const value = (Math.max(0, w) / total) * 100;
    return { key, order, floor: Math.floor(value), remainder: value - Math.floor(value) };
  });
  const missing = 100 - exact.reduce((sum, e) => sum + e.floor, 0);
  const byRemainder = [...exact].sort((a, b) => b.remainder - a.remainder || a.order - b.order);
  const bumped = new Set(byRemainder.slice(0, missing).map((e) => e.key));
  return Object.fromEntries(exact.map((e) => [e.key, e.floor + (bumped.has(e.key) ? 1 : 0)]));
}

/**
 * The archetype mix of a goal's evidence. Each piece of evidence weighs the same; one carrying
 * several archetype tags splits its weight between them, so tagging a highlight twice does not
 * make it count double.
 */
export function actualMix(
  evidence: readonly Evidence[],
  archetypeIds: readonly string[],
): ActualMix {
  const weights = new Map(archetypeIds.map((id) => [id, 0]));
  let tagged = 0;
  for (const item of evidence) {
    const archetypes = [...new Set(item.tagIds)].filter((id) => weights.has(id));
    if (archetypes.length === 0) continue;
    tagged += 1;
    for (const id of archetypes) weights.set(id, (weights.get(id) ?? 0) + 1 / archetypes.length);
  }
  return { shares: toPercents(weights), tagged, untagged: evidence.length - tagged };
}

/** The share of one archetype in a mix, 0 when it is absent. */
export const shareOf = (mix: ArchetypeMix | null, id: string): number => mix?.[id] ?? 0;

/** A mix without its zero entries, or null when nothing is left: the stored form of a target. */
export function compactMix(mix: ArchetypeMix): ArchetypeMix | null {
  const kept = Object.entries(mix).filter(([, share]) => share > 0);
  return kept.length > 0 ? Object.fromEntries(kept) : null;
}
