// Archetype mixes as 100 % stacked bars, one per series (highlights, reading time, a goal's
// target …), aligned so their shapes compare at a glance. The figures are also written under
// each bar, so nothing is only in colour, the way every surface writes a mix (mix-figures):
// what it is based on, counts while that is small, and the same archetypes listed in each.
import { ARCHETYPES } from '../../../shared/archetypes';
import {
  barFractions,
  figuresLine,
  shownArchetypes,
  type MixFigures,
} from '../../../shared/mix-figures';
import type { ArchetypeMix } from '../../../shared/types';

export interface MixSeries {
  label: string;
  /** What the figures are based on, e.g. "3 highlights · 1 article"; empty for a target. */
  basis: string;
  /** Percents that shape the bar. */
  shares: ArchetypeMix | null;
  /** What is written under the bar. */
  figures: MixFigures;
}

const WIDTH = 100;
const COLOR = new Map(ARCHETYPES.map((a) => [a.id, a.color]));

function Bar({ shares }: { shares: ArchetypeMix | null }) {
  let x = 0;
  const segments = barFractions(shares).map(({ id, fraction }) => {
    const width = fraction * WIDTH;
    const segment = <rect key={id} x={x} y={0} width={width} height={10} fill={COLOR.get(id)} />;
    x += width;
    return segment;
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
  const shown = shownArchetypes(series.map((s) => s.figures));
  return (
    <figure class="stacked-mix">
      <figcaption>{caption}</figcaption>
      <MixLegend />
      <ul class="stack-rows">
        {series.map((s) => (
          <li key={s.label} class="stack-row">
            <p class="stack-label">
              <strong>{s.label}</strong>
              {s.basis && <span class="stack-basis muted"> · based on {s.basis}</span>}
            </p>
            <Bar shares={s.shares} />
            <p class="stack-figures">{figuresLine(s.figures, shown)}</p>
          </li>
        ))}
      </ul>
    </figure>
  );
}
