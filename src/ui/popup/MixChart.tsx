// Target against actual archetype mix, as a small bar chart that is also a real table, so a
// screen reader hears the same figures the bars show. The figures are written the way every
// surface writes a mix (mix-figures): counts while the evidence is small, what it is based on.
import {
  actualBasis,
  actualFigures,
  barFractions,
  figureText,
  percentFigures,
  shownArchetypes,
} from '../../shared/mix-figures';
import type { ActualMix } from '../../shared/mix';
import type { ArchetypeMix } from '../../shared/types';

interface Props {
  goalTitle: string;
  target: ArchetypeMix;
  actual: ActualMix;
}

function Bar({ fraction, color, kind }: { fraction: number; color: string; kind: string }) {
  return (
    <span class={`bar bar-${kind}`} aria-hidden="true">
      <span style={{ width: `${fraction * 100}%`, background: color }} />
    </span>
  );
}

const fractionOf = (shares: ArchetypeMix, id: string) =>
  barFractions(shares).find((f) => f.id === id)?.fraction ?? 0;

export function MixChart({ goalTitle, target, actual }: Props) {
  const targetFigures = percentFigures(target);
  const actualShown = actualFigures(actual);
  const rows = shownArchetypes([targetFigures, actualShown]);
  const basis = actualBasis(actual);
  return (
    <>
      <table class="mix">
        <caption class="sr-only">Archetype mix of {goalTitle}: target and actual</caption>
        <thead>
          <tr>
            <th scope="col">Archetype</th>
            <th scope="col">Target</th>
            <th scope="col">Actual</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id} data-archetype={a.id}>
              <th scope="row">{a.name}</th>
              <td data-kind="target">
                <Bar fraction={fractionOf(target, a.id)} color={a.color} kind="target" />
                {figureText(targetFigures, a.id)}
              </td>
              <td data-kind="actual">
                <Bar fraction={fractionOf(actual.shares, a.id)} color={a.color} kind="actual" />
                {figureText(actualShown, a.id)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted mix-basis">
        {basis ? `Actual mix based on ${basis}` : 'Nothing linked carries an archetype tag yet'}
      </p>
    </>
  );
}
