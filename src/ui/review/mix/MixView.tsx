// The archetype mix of all reading in a period — by highlights and by reading time — next to
// the target mix of each active goal.
import { useState } from 'preact/hooks';
import type { GoalRecord } from '../../../shared/types';
import { getDb } from '../../../storage/database/db';
import { ALL_TIME, type Period } from '../../../storage/records/evidence';
import { libraryMix } from '../../../storage/records/reading-mix';
import { useLive } from '../../common/use-live';
import { PeriodPicker } from '../PeriodPicker';
import { periodLabel } from '../dates';
import { StackedMix, type MixSeries } from './StackedMix';

const hours = (ms: number) =>
  ms >= 3600e3 ? `${(ms / 3600e3).toFixed(1)} h` : `${Math.round(ms / 60e3)} min`;

export function MixView({ goals }: { goals: readonly GoalRecord[] }) {
  const [period, setPeriod] = useState<Period>(ALL_TIME);
  const mix = useLive(() => libraryMix(getDb(), period), [period]);
  if (mix.status === 'error') return <p role="alert">Could not count: {mix.error}</p>;
  if (mix.status !== 'ready') return <p class="muted">Counting…</p>;
  const { highlights, reading } = mix.value;
  const series: MixSeries[] = [
    {
      label: 'Highlights',
      detail: `${highlights.tagged} with an archetype, ${highlights.untagged} without`,
      mix: highlights.shares,
    },
    {
      label: 'Reading time',
      detail: `${hours(reading.taggedMs)} tagged, ${hours(reading.untaggedMs)} untagged`,
      mix: reading.shares,
    },
    ...goals
      .filter((g) => g.status === 'active' && g.targetMix)
      .map((g) => ({ label: `Target: ${g.title}`, detail: '', mix: g.targetMix })),
  ];
  return (
    <section aria-labelledby="mix-title">
      <h2 id="mix-title">Archetype mix</h2>
      <PeriodPicker id="mix-period" period={period} onChange={setPeriod} />
      <StackedMix caption={`What you read, ${periodLabel(period)}`} series={series} />
    </section>
  );
}
