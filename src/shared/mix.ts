// Archetype mixes: the share of each archetype in a goal's target and in the evidence linked to
// it, as whole percents. Rounding uses largest remainders so that shares add up to 100, except
// where that would make one of equal shares look bigger: three equal thirds are 33/33/33, not
// 34/33/33. How a mix is written for the reader lives in mix-figures.ts.
import type { ArchetypeMix } from './types';

/** Something that counts as evidence for a goal: a linked highlight or page, with its tags. */
export interface Evidence {
  tagIds: readonly string[];
  /** A whole article rather than one highlight: named as such in what a mix is based on. */
  article?: boolean;
}

/** What a mix is taken over: the evidence carrying an archetype, by kind. */
export interface MixBasis {
  highlights: number;
  articles: number;
}

export interface ActualMix {
  /** Whole percents per archetype id, adding up to 100 (99 when thirds); empty when nothing is tagged. */
  shares: ArchetypeMix;
  /** How many pieces of evidence carry each archetype; one carrying two counts in both. */
  counts: ArchetypeMix;
  /** Evidence carrying at least one archetype tag: the base the shares are taken over. */
  tagged: number;
  /** The tagged evidence by kind. */
  basis: MixBasis;
  /** Evidence without any archetype tag: shown, but not part of the mix. */
  untagged: number;
}

interface Exact {
  key: string;
  order: number;
  value: number;
  floor: number;
}

/** Keys whose exact shares are equal (to rounding noise) bump together or not at all. */
function tieGroups(exact: readonly Exact[]): Exact[][] {
  const groups: Exact[][] = [];
  for (const e of exact) {
    const group = groups.find((g) => Math.abs((g[0] as Exact).value - e.value) < 1e-9);
    if (group) group.push(e);
    else groups.push([e]);
  }
  const remainder = (g: Exact[]) => (g[0] as Exact).value - (g[0] as Exact).floor;
  return groups.sort(
    (a, b) => remainder(b) - remainder(a) || (a[0] as Exact).order - (b[0] as Exact).order,
  );
}

/**
 * Rounds non-negative weights to whole percents (largest remainder). Equal weights always get
 * equal percents: when the points still missing to 100 cannot go to every one of a group of
 * equal shares, no later group gets them either, so a smaller share never rounds above a
 * larger one and the total stays a little under 100 (three thirds: 33/33/33). All-zero
 * weights give {}.
 */
export function toPercents(weights: ReadonlyMap<string, number>): ArchetypeMix {
  const total = [...weights.values()].reduce((sum, w) => sum + Math.max(0, w), 0);
  if (total <= 0) return {};
  const exact = [...weights].map(([key, w], order) => {
    const value = (Math.max(0, w) / total) * 100;
    return { key, order, value, floor: Math.floor(value + 1e-9) };
  });
  let missing = 100 - exact.reduce((sum, e) => sum + e.floor, 0);
  const bumped = new Set<string>();
  for (const group of tieGroups(exact)) {
    if (group.length > missing || (group[0] as Exact).value === (group[0] as Exact).floor) break;
    for (const e of group) bumped.add(e.key);
    missing -= group.length;
  }
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
  const counts = new Map(archetypeIds.map((id) => [id, 0]));
  const basis: MixBasis = { highlights: 0, articles: 0 };
  for (const item of evidence) {
    const archetypes = [...new Set(item.tagIds)].filter((id) => weights.has(id));
    if (archetypes.length === 0) continue;
    if (item.article) basis.articles += 1;
    else basis.highlights += 1;
    for (const id of archetypes) {
      weights.set(id, (weights.get(id) ?? 0) + 1 / archetypes.length);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  const tagged = basis.highlights + basis.articles;
  return {
    shares: toPercents(weights),
    counts: tagged > 0 ? Object.fromEntries(counts) : {},
    tagged,
    basis,
    untagged: evidence.length - tagged,
  };
}

/** The share of one archetype in a mix, 0 when it is absent. */
export const shareOf = (mix: ArchetypeMix | null, id: string): number => mix?.[id] ?? 0;

/** A mix without its zero entries, or null when nothing is left: the stored form of a target. */
export function compactMix(mix: ArchetypeMix): ArchetypeMix | null {
  const kept = Object.entries(mix).filter(([, share]) => share > 0);
  return kept.length > 0 ? Object.fromEntries(kept) : null;
}
