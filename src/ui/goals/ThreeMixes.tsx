// Now, Target and Evidence side by side with the gap per archetype in points: compact in the
// popup's goal card, full in the review page's goal view. The wording comes from shared/gaps.ts.
import { ARCHETYPES } from '../../shared/archetypes';
import { nowMix, nowShareText, type CheckIn } from '../../shared/check-in';
import { gapRows, gapSentence } from '../../shared/gaps';

interface Props {
  target: Readonly<Record<string, number>> | null;
  checkIn: CheckIn | null;
  /** Whole percents of the linked evidence; {} when none carries an archetype tag. */
  evidence: Readonly<Record<string, number>>;
  /** How many linked items the evidence mix is based on. */
  evidenceCount: number;
  compact?: boolean;
}

const cell = (value: number | undefined | null): string =>
  value === null || value === undefined ? '—' : `${value} %`;

export function ThreeMixes({ target, checkIn, evidence, evidenceCount, compact = false }: Props) {
  const now = checkIn ? nowMix(checkIn) : null;
  const hasEvidence = Object.keys(evidence).length > 0;
  const rows = gapRows(target, now, hasEvidence ? evidence : null);
  const shown = compact ? rows.filter((r) => r.target > 0 || (r.now ?? 0) > 0) : rows;
  return (
    <div class={compact ? 'three-mixes compact' : 'three-mixes'}>
      <table>
        <caption class={compact ? 'sr-only' : undefined}>Now, target and evidence</caption>
        <thead>
          <tr>
            <th scope="col">Archetype</th>
            <th scope="col">Now</th>
            <th scope="col">Target</th>
            <th scope="col">Evidence</th>
          </tr>
        </thead>
        <tbody>
          {(shown.length > 0 ? shown : rows).map((r) => (
            <tr key={r.id}>
              <th scope="row">{ARCHETYPES.find((a) => a.id === r.id)?.name}</th>
              <td>{nowShareText(checkIn, r.id)}</td>
              <td>{target ? cell(r.target) : '—'}</td>
              <td>{hasEvidence ? cell(r.evidence) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted mix-basis">
        {checkIn ? `Now: check-in of ${checkIn.date}.` : 'No check-in yet.'} Evidence:{' '}
        {evidenceCount === 1 ? '1 linked item' : `${evidenceCount} linked items`}.
      </p>
      {target && (
        <ul class="gaps" aria-label="Gaps">
          {rows
            .filter((r) => r.target > 0)
            .map((r) => (
              <li key={r.id}>{gapSentence(r)}</li>
            ))}
        </ul>
      )}
    </div>
  );
}
