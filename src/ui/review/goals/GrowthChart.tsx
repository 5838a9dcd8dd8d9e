// Evidence per week or month as a small bar chart: each bar carries its count and the date its
// week (from Monday) or month starts, in the reader's own short date ("2 Nov" or "Nov 2"). One
// week alone is said in words, not drawn as one lonely bar. A table gives screen readers the same.
import type { GrowthBucket, GrowthUnit } from '../../../shared/growth';

const WEEK = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const MONTH = new Intl.DateTimeFormat(undefined, { month: 'short', year: '2-digit' });

/** The short date a bucket starts on: "2 Nov" for a week, "Nov 26" for a month. */
export const bucketLabel = (start: number, unit: GrowthUnit): string =>
  (unit === 'month' ? MONTH : WEEK).format(start);

/** The tallest bar, in px; the stylesheet leaves room above it for the count. */
const BAR_AREA = 96;

/** Most labels that fit under the bars; the others are left to the bar's tooltip and the table. */
const MAX_LABELS = 8;

export function GrowthChart({
  buckets,
  unit,
}: {
  buckets: readonly GrowthBucket[];
  unit: GrowthUnit;
}) {
  const caption = `Evidence per ${unit}`;
  if (buckets.length === 0) return <p class="muted">No evidence yet.</p>;
  const only = buckets.length === 1 ? buckets[0] : undefined;
  if (only) {
    return (
      <figure class="growth">
        <figcaption>{caption}</figcaption>
        <p class="growth-single">
          Everything so far is from the {unit} of {bucketLabel(only.start, unit)}.
        </p>
      </figure>
    );
  }
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const every = Math.ceil(buckets.length / MAX_LABELS);
  return (
    <figure class="growth">
      <figcaption>{caption}</figcaption>
      <ol class="growth-bars" aria-hidden="true">
        {buckets.map((b, i) => (
          <li key={b.start} title={`${bucketLabel(b.start, unit)}: ${b.count}`}>
            <span class="growth-count">{b.count > 0 ? b.count : ''}</span>
            <span
              class="growth-bar"
              style={{ height: `${Math.round((b.count / max) * BAR_AREA)}px` }}
            />
            <span class="growth-label">{i % every === 0 ? bucketLabel(b.start, unit) : ''}</span>
          </li>
        ))}
      </ol>
      <table class="sr-only">
        <caption>{caption}</caption>
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
