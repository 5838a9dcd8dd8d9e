// Archetype mixes as 100 % stacked bars, one per series (highlights, reading time, a goal's
// target …), aligned so their shapes compare at a glance. The figures are also written under
// each bar, so nothing is only in colour.
import { ARCHETYPES } from '../../../shared/archetypes';
import { shareOf } from '../../../shared/mix';
import type { ArchetypeMix } from '../../../shared/types';

export interface MixSeries {
  label: string;
  /** Shown after the label, e.g. "120 tagged highlights". */
  detail: string;
  mix: ArchetypeMix | null;
}

const WIDTH = 100;

function Bar({ mix }: { mix: ArchetypeMix | null }) {
  let x = 0;
  const segments = ARCHETYPES.flatMap((a) => {
    const share = shareOf(mix, a.id);
    if (share === 0) return [];
    const segment = <rect key={a.id} x={x} y={0} width={share} height={10} fill={a.color} />;
    x += share;
    return [segment];
  });
  return (
    <svg
      class="stack-bar"
      viewBox={`0 0 ${WIDTH} 10`}
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      <rect x={0} y={0} width={WIDTH} height={10} class="stack-track" />
      {segments}
    </svg>
  );
}

const figures = (mix: ArchetypeMix | null): string =>
  mix && Object.keys(mix).length > 0
    ? ARCHETYPES.filter((a) => shareOf(mix, a.id) > 0)
        .map((a) => `${a.name} ${shareOf(mix, a.id)} %`)
        .join(' · ')
    : 'Nothing tagged with an archetype yet';

export function MixLegend() {
  return (
    <ul class="legend" aria-label="Archetype colours">
      {ARCHETYPES.map((a) => (
        <li key={a.id}>
          <span class="legend-key" style={{ background: a.color }} aria-hidden="true" />
          {a.name}
        </li>
      ))}
    </ul>
  );
}

export function StackedMix({ series, caption }: { series: readonly MixSeries[]; caption: string }) {
  return (
    <figure class="stacked-mix">
      <figcaption>{caption}</figcaption>
      <MixLegend />
      <ul class="stack-rows">
        {series.map((s) => (
          <li key={s.label} class="stack-row">
            <p class="stack-label">
              <strong>{s.label}</strong> <span class="muted">{s.detail}</span>
            </p>
            <Bar mix={s.mix} />
            <p class="stack-figures">{figures(s.mix)}</p>
          </li>
        ))}
      </ul>
    </figure>
  );
}
