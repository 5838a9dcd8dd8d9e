// Choosing a period: a preset (last 30 days, this year …) or two dates of the reader's own.
import { useState } from 'preact/hooks';
import type { Period } from '../../storage/records/evidence';
import {
  dayInput,
  fromDayInput,
  PERIOD_PRESETS,
  PRESET_LABELS,
  presetPeriod,
  type PeriodPreset,
} from './dates';

interface Props {
  id: string;
  period: Period;
  onChange: (period: Period) => void;
}

export function PeriodPicker({ id, period, onChange }: Props) {
  const [preset, setPreset] = useState<PeriodPreset>('all');
  const pick = (value: PeriodPreset) => {
    setPreset(value);
    if (value !== 'custom') onChange(presetPeriod(value, Date.now()));
  };
  return (
    <div class="period">
      <label class="field" for={`${id}-preset`}>
        <span>Period</span>
        <select
          id={`${id}-preset`}
          value={preset}
          onChange={(e) => pick((e.currentTarget as HTMLSelectElement).value as PeriodPreset)}
        >
          {PERIOD_PRESETS.map((p) => (
            <option key={p} value={p}>
              {PRESET_LABELS[p]}
            </option>
          ))}
        </select>
      </label>
      {preset === 'custom' && (
        <>
          <label class="field" for={`${id}-from`}>
            <span>From</span>
            <input
              id={`${id}-from`}
              type="date"
              value={dayInput(period.from)}
              onChange={(e) => onChange({ ...period, from: fromDayInput(e.currentTarget.value) })}
            />
          </label>
          <label class="field" for={`${id}-to`}>
            <span>To</span>
            <input
              id={`${id}-to`}
              type="date"
              value={dayInput(period.to, -1)}
              onChange={(e) => onChange({ ...period, to: fromDayInput(e.currentTarget.value, 1) })}
            />
          </label>
        </>
      )}
    </div>
  );
}
