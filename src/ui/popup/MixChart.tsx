// Target against actual archetype mix, as a small bar chart that is also a real table, so a
// screen reader hears the same figures the bars show.
import { ARCHETYPES } from '../../shared/archetypes';
import { shareOf, type ActualMix } from '../../shared/mix';
import type { ArchetypeMix } from '../../shared/types';

interface Props {
  goalTitle: string;
  target: ArchetypeMix;
  actual: ActualMix;
}

function Bar({ share, color, kind }: { share: number; color: string; kind: string }) {
  return (
    <span class={`bar bar-${kind}`} aria-hidden="true">
      <span style={{ width: `${share}%`, background: color }} />
    </span>
  );
}

export function MixChart({ goalTitle, target, actual }: Props) {
  const hasActual = actual.tagged > 0;
  const rows = ARCHETYPES.filter(
    (a) => shareOf(target, a.id) > 0 || shareOf(actual.shares, a.id) > 0,
  );
  return (
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
              <Bar share={shareOf(target, a.id)} color={a.color} kind="target" />
              {shareOf(target, a.id)} %
            </td>
            <td data-kind="actual">
              <Bar share={shareOf(actual.shares, a.id)} color={a.color} kind="actual" />
              {hasActual ? `${shareOf(actual.shares, a.id)} %` : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
