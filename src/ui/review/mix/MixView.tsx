// The archetype mix of all reading in a period — by highlights and by reading time — next to
// the target mix of each active goal.
import { useState } from 'preact/hooks';
import { countWord } from '../../../shared/count-words';
import {
  actualBasis,
  actualFigures,
  basisLine,
  PRECISE_FROM,
  percentFigures,
  type MixFigures,
} from '../../../shared/mix-figures';
import type { GoalRecord } from '../../../shared/types';
import type { ReadingShare } from '../../../storage/records/reading-mix';
import { getDb } from '../../../storage/database/db';
import { ALL_TIME, type Period } from '../../../storage/records/evidence';
import { libraryMix } from '../../../storage/records/reading-mix';
import { useLive } from '../../common/use-live';
import { PeriodPicker } from '../PeriodPicker';
import { periodLabel } from '../dates';
import { StackedMix, type MixSeries } from './StackedMix';

const hours = (ms: number) =>
  ms >= 3600e3 ? `${(ms / 3600e3).toFixed(1)} h` : `${Math.round(ms / 60e3)} min`;

/** Reading time per archetype: minutes while few articles count, percents from there. */
function readingFigures(reading: ReadingShare): MixFigures {
  if (reading.taggedMs <= 0) return { kind: 'none' };
  if (reading.articles < PRECISE_FROM) return { kind: 'amount', values: reading.ms, format: hours };
  return percentFigures(reading.shares);
}

export function MixView({ goals }: { goals: readonly GoalRecord[] }) {
  const [period, setPeriod] = useState<Period>(ALL_TIME);
  const mix = useLive(() => libraryMix(getDb(), period), [period]);
  if (mix.status === 'error') return <p role="alert">Could not count: {mix.error}</p>;
  if (mix.status !== 'ready') return <p class="muted">Counting…</p>;
  const { highlights, reading } = mix.value;
  const series: MixSeries[] = [
    {
      label: 'Highlights',
      basis: actualBasis(highlights),
      shares: highlights.shares,
      figures: actualFigures(highlights),
    },
    {
      label: 'Reading time',
      basis:
        reading.taggedMs > 0
          ? basisLine(
              `${hours(reading.taggedMs)} on ${countWord(reading.articles, 'article')}`,
              reading.untaggedMs > 0 ? hours(reading.untaggedMs) : null,
            )
          : '',
      shares: reading.shares,
      figures: readingFigures(reading),
    },
    ...goals
      .filter((g) => g.status === 'active' && g.targetMix)
      .map((g) => ({
        label: `Target: ${g.title}`,
        basis: '',
        shares: g.targetMix,
        figures: percentFigures(g.targetMix),
      })),
  ];
  return (
    <section aria-labelledby="mix-title">
      <h2 id="mix-title">Archetype mix</h2>
      <PeriodPicker id="mix-period" period={period} onChange={setPeriod} />
      <StackedMix caption={`What you read, ${periodLabel(period)}`} series={series} />
    </section>
  );
}
