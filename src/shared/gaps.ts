// The distance between where the reader stands, where they want to be and what their evidence
// shows, per archetype, in points a person reads at a glance ("60 points to go"). The popup card,
// the goal view and the 1:1 brief all word gaps here, so they never disagree.
import { ARCHETYPES } from './archetypes';

export interface GapRow {
  id: string;
  name: string;
  /** Percent now (a check-in's midpoint), null without a check-in. */
  now: number | null;
  target: number;
  /** Percent of the evidence, null when no evidence carries an archetype tag. */
  evidence: number | null;
}

type Mix = Readonly<Record<string, number>>;

const share = (mix: Mix | null, id: string): number | null => (mix ? (mix[id] ?? 0) : null);

/** One row per archetype that any of the three mixes mentions, in the archetypes' order. */
export function gapRows(target: Mix | null, now: Mix | null, evidence: Mix | null): GapRow[] {
  return ARCHETYPES.filter((a) => [target, now, evidence].some((m) => (m?.[a.id] ?? 0) > 0)).map(
    (a) => ({
      id: a.id,
      name: a.name,
      now: share(now, a.id),
      target: target?.[a.id] ?? 0,
      evidence: share(evidence, a.id),
    }),
  );
}

/** Points between two percents, whole unless a range's midpoint made a half. */
const points = (n: number): string => {
  const rounded = Math.round(Math.abs(n) * 2) / 2;
  return `${rounded} ${rounded === 1 ? 'point' : 'points'}`;
};

/** "60 points to go", "10 points over" or "on target". */
export function gapWords(from: number, target: number): string {
  const gap = target - from;
  if (Math.abs(gap) < 0.5) return 'on target';
  return gap > 0 ? `${points(gap)} to go` : `${points(gap)} over`;
}

const pct = (n: number): string => `${Math.round(n * 2) / 2} %`;

/** "Tech Lead: now 0 %, target 60 % — 60 points to go" (from the evidence when no check-in). */
export function gapSentence(row: GapRow): string {
  if (row.now !== null) {
    return `${row.name}: now ${pct(row.now)}, target ${pct(row.target)} — ${gapWords(row.now, row.target)}`;
  }
  if (row.evidence !== null) {
    return `${row.name}: evidence ${pct(row.evidence)}, target ${pct(row.target)} — ${gapWords(row.evidence, row.target)}`;
  }
  return `${row.name}: target ${pct(row.target)}`;
}

/**
 * The short gap of a narrow card, "Tech Lead: 60 points to go", from now (else the evidence);
 * null when there is nothing to measure from. The card says once what it is measured from.
 */
export function gapShort(row: GapRow): string | null {
  const from = row.now ?? row.evidence;
  return from === null ? null : `${row.name}: ${gapWords(from, row.target)}`;
}

/**
 * The archetypes whose evidence is furthest below target, most missing first: what "What's
 * missing" offers to close. With no tagged evidence at all, every target share is missing.
 */
export function mostMissing(
  target: Mix | null,
  evidence: Mix | null,
): { id: string; points: number }[] {
  if (!target) return [];
  return ARCHETYPES.map((a) => ({
    id: a.id,
    points: (target[a.id] ?? 0) - (evidence?.[a.id] ?? 0),
  }))
    .filter((g) => g.points > 0)
    .sort((x, y) => y.points - x.points);
}
