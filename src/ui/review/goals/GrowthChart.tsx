// Evidence per week or month as a small bar chart, with the same figures in a table for screen
// readers.
import type { GrowthBucket, GrowthUnit } from '../../../shared/growth';
import { showDate } from '../../../shared/shown-date';

const HEIGHT = 80;
const BAR = 14;
const GAP = 4;

const bucketLabel = (start: number, unit: GrowthUnit) =>
  showDate(start, (t) =>
    new Date(t).toLocaleDateString(
      undefined,
      unit === 'month' ? { month: 'short', year: '2-digit' } : { month: 'short', day: 'numeric' },
    ),
  );

export function GrowthChart({
  buckets,
  unit,
}: {
  buckets: readonly GrowthBucket[];
  unit: GrowthUnit;
}) {
  if (buckets.length === 0) return <p class="muted">No evidence yet.</p>;
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const width = buckets.length * (BAR + GAP);
  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  return (
    <figure class="growth">
      <figcaption>Evidence per {unit}</figcaption>
      <svg viewBox={`0 0 ${width} ${HEIGHT + 2}`} class="growth-bars" aria-hidden="true">
        <line x1={0} x2={width} y1={HEIGHT + 1} y2={HEIGHT + 1} class="axis" />
        {buckets.map((b, i) => {
          const h = Math.round((b.count / max) * HEIGHT);
          return (
            <rect
              key={b.start}
              x={i * (BAR + GAP)}
              y={HEIGHT - h}
              width={BAR}
              height={h}
              rx={2}
              class="growth-bar"
            >
              <title>{`${bucketLabel(b.start, unit)}: ${b.count}`}</title>
            </rect>
          );
        })}
      </svg>
      <p class="growth-axis muted" aria-hidden="true">
        <span>{first && bucketLabel(first.start, unit)}</span>
        <span>most: {max}</span>
        <span>{last && bucketLabel(last.start, unit)}</span>
      </p>
      <table class="sr-only">
        <caption>Evidence per {unit}</caption>
        <tbody>
          {buckets.map((b) => (
            <tr key={b.start}>
              <th scope="row">{bucketLabel(b.start, unit)}</th>
              <td>{b.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
