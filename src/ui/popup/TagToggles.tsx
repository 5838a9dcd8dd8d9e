// A row of tag toggles (archetypes first, as storage lists them): pressed means the tag is on.
import type { TagRecord } from '../../shared/types';

interface Props {
  label: string;
  tags: readonly TagRecord[];
  selected: readonly string[];
  onToggle: (tagId: string, on: boolean) => void;
}

export function TagToggles({ label, tags, selected, onToggle }: Props) {
  return (
    <div class="tags" role="group" aria-label={label}>
      {tags.map((tag) => {
        const on = selected.includes(tag.id);
        return (
          <button
            key={tag.id}
            type="button"
            class="tag"
            aria-pressed={on}
            onClick={() => onToggle(tag.id, !on)}
          >
            <span class="swatch" style={{ background: tag.color }} aria-hidden="true" />
            {tag.name}
          </button>
        );
      })}
    </div>
  );
}
