// The library's filters: search plus one choice per facet; every control is a native form
// control with a visible label, so it works from the keyboard and reads well aloud.
import type { JSX } from 'preact';
import {
  GOAL_STATUSES,
  HIGHLIGHT_COLORS,
  PAGE_STATUSES,
  type GoalRecord,
  type TagRecord,
} from '../../../shared/types';
import { NO_FILTER, type LibraryFilter } from '../../../storage/search/filters';
import { dayInput, fromDayInput } from '../dates';

interface Props {
  filter: LibraryFilter;
  onChange: (filter: LibraryFilter) => void;
  tags: readonly TagRecord[];
  goals: readonly GoalRecord[];
  sites: readonly string[];
}

interface Choice {
  value: string;
  label: string;
}

function Select(props: {
  id: string;
  label: string;
  value: string;
  choices: readonly Choice[];
  onPick: (value: string) => void;
}) {
  return (
    <label class="field" for={props.id}>
      <span>{props.label}</span>
      <select
        id={props.id}
        value={props.value}
        onChange={(e) => props.onPick((e.currentTarget as HTMLSelectElement).value)}
      >
        <option value="">Any</option>
        {props.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const one = <T extends string>(value: string): T[] => (value ? [value as T] : []);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const goalOrder = (g: GoalRecord) => GOAL_STATUSES.indexOf(g.status);

export function FilterBar({ filter, onChange, tags, goals, sites }: Props) {
  const set = (patch: Partial<LibraryFilter>) => onChange({ ...filter, ...patch });
  const onSearch = (e: JSX.TargetedEvent<HTMLInputElement>) =>
    set({ query: e.currentTarget.value });
  return (
    <form
      class="filters"
      role="search"
      aria-label="Filter the library"
      onSubmit={(e) => e.preventDefault()}
    >
      <label class="field search" for="library-search">
        <span>Search</span>
        <input
          id="library-search"
          type="search"
          placeholder="Words in quotes, notes, titles"
          value={filter.query}
          onInput={onSearch}
        />
      </label>
      <Select
        id="filter-tag"
        label="Tag"
        value={filter.tagIds[0] ?? ''}
        choices={tags.map((t) => ({ value: t.id, label: t.name }))}
        onPick={(v) => set({ tagIds: one(v) })}
      />
      <Select
        id="filter-goal"
        label="Goal"
        value={filter.goalId ?? ''}
        choices={[...goals]
          .sort((a, b) => goalOrder(a) - goalOrder(b))
          .map((g) => ({ value: g.id, label: g.title }))}
        onPick={(v) => set({ goalId: v || null })}
      />
      <Select
        id="filter-site"
        label="Site"
        value={filter.sites[0] ?? ''}
        choices={sites.map((s) => ({ value: s, label: s }))}
        onPick={(v) => set({ sites: one(v) })}
      />
      <Select
        id="filter-color"
        label="Colour"
        value={filter.colors[0] ?? ''}
        choices={HIGHLIGHT_COLORS.map((c) => ({ value: c, label: capital(c) }))}
        onPick={(v) => set({ colors: one(v) })}
      />
      <Select
        id="filter-status"
        label="Article"
        value={filter.statuses[0] ?? ''}
        choices={PAGE_STATUSES.map((s) => ({ value: s, label: capital(s) }))}
        onPick={(v) => set({ statuses: one(v) })}
      />
      <label class="field" for="filter-from">
        <span>From</span>
        <input
          id="filter-from"
          type="date"
          value={dayInput(filter.from)}
          onChange={(e) => set({ from: fromDayInput(e.currentTarget.value, 0) })}
        />
      </label>
      <label class="field" for="filter-to">
        <span>To</span>
        <input
          id="filter-to"
          type="date"
          value={dayInput(filter.to, -1)}
          onChange={(e) => set({ to: fromDayInput(e.currentTarget.value, 1) })}
        />
      </label>
      <button type="button" class="clear" onClick={() => onChange(NO_FILTER)}>
        Clear filters
      </button>
    </form>
  );
}
