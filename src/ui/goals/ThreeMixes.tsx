// Now, Target and Evidence side by side with the gap per archetype in points: compact in the
// popup's goal card (short gaps that fit one line of a narrow card each), full in the review
// page's goal view. The wording comes from shared/gaps.ts.
import { nowMix, type CheckIn } from '../../shared/check-in';
import { gapRows, gapSentence, gapShort, type GapRow } from '../../shared/gaps';
import { evidencePercents, type EvidenceMix } from '../../shared/mix-table';
import { MixTable } from './MixTable';

interface Props {
  target: Readonly<Record<string, number>> | null;
  checkIn: CheckIn | null;
  /** The archetype mix of the linked evidence: written as counts while it rests on few items. */
  evidence: EvidenceMix;
  /** How many linked items the evidence mix is based on. */
  evidenceCount: number;
  compact?: boolean;
}

/** Under the table: what "Now" and "Evidence" are based on; a card says only the first. */
function basis(checkIn: CheckIn | null, evidenceCount: number, compact: boolean): string {
  if (compact)
    return checkIn ? `Now: check-in of ${checkIn.date}.` : 'No check-in yet: Edit to add one.';
  const items = evidenceCount === 1 ? '1 linked item' : `${evidenceCount} linked items`;
  return `${checkIn ? `Now: check-in of ${checkIn.date}.` : 'No check-in yet.'} Evidence: ${items}.`;
}

/** The gaps, in full sentences or, in a card, short ones under a label saying from where. */
function Gaps({ rows, compact, fromNow }: { rows: GapRow[]; compact: boolean; fromNow: boolean }) {
  const targeted = rows.filter((r) => r.target > 0);
  if (!compact) {
    return (
      <ul class="gaps" aria-label="Gaps">
        {targeted.map((r) => (
          <li key={r.id}>{gapSentence(r)}</li>
        ))}
      </ul>
    );
  }
  const short = targeted.flatMap((r) => {
    const text = gapShort(r);
    return text ? [{ id: r.id, text }] : [];
  });
  if (short.length === 0) return null;
  const label = fromNow ? 'Gaps from now' : 'Gaps from the evidence';
  return (
    <>
      <p class="gaps-label">{label}</p>
      <ul class="gaps" aria-label={label}>
        {short.map((g) => (
          <li key={g.id}>{g.text}</li>
        ))}
      </ul>
    </>
  );
}

export function ThreeMixes({ target, checkIn, evidence, evidenceCount, compact = false }: Props) {
  const now = checkIn ? nowMix(checkIn) : null;
  const rows = gapRows(target, now, evidencePercents(evidence));
  const shown = compact ? rows.filter((r) => r.target > 0 || (r.now ?? 0) > 0) : rows;
  return (
    <div class={compact ? 'three-mixes compact' : 'three-mixes'}>
      <MixTable
        input={{ checkIn, target, evidence }}
        ids={(shown.length > 0 ? shown : rows).map((r) => r.id)}
        caption={{ text: 'Now, target and evidence', hidden: compact }}
      />
      <p class="muted mix-basis">{basis(checkIn, evidenceCount, compact)}</p>
      {target && <Gaps rows={rows} compact={compact} fromNow={checkIn !== null} />}
    </div>
  );
}
