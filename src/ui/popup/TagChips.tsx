// The tags something carries, as small chips that each can be taken off, and one "Add tag"
// control listing the tags it does not carry yet (archetypes first, as storage lists them).
// Showing only what is set keeps a highlight to one line instead of a row of every tag.
import type { TagRecord } from '../../shared/types';

interface Props {
  /** Says whose tags these are, e.g. "this page"; names the group and its controls. */
  what: string;
  /** `page` tags look different from a highlight's, so the two are never confused. */
  kind: 'page' | 'highlight';
  tags: readonly TagRecord[];
  selected: readonly string[];
  onToggle: (tagId: string, on: boolean) => void;
}

function AddTag({
  what,
  tags,
  onAdd,
}: {
  what: string;
  tags: TagRecord[];
  onAdd: (id: string) => void;
}) {
  if (tags.length === 0) return null;
  return (
    <select
      class="add-tag"
      aria-label={`Add tag to ${what}`}
      value=""
      onChange={(e) => {
        const id = e.currentTarget.value;
        // Back to the prompt at once: the chosen tag shows as a chip.
        e.currentTarget.value = '';
        if (id) onAdd(id);
      }}
    >
      <option value="" disabled>
        + Tag
      </option>
      {tags.map((tag) => (
        <option key={tag.id} value={tag.id}>
          {tag.name}
        </option>
      ))}
    </select>
  );
}

export function TagChips({ what, kind, tags, selected, onToggle }: Props) {
  const on = tags.filter((t) => selected.includes(t.id));
  const off = tags.filter((t) => !selected.includes(t.id));
  return (
    <div class={`tag-chips tag-chips-${kind}`} role="group" aria-label={`Tags of ${what}`}>
      {on.map((tag) => (
        <span key={tag.id} class={`tag tag-${kind}`} data-tag-id={tag.id}>
          <span class="swatch" style={{ background: tag.color }} aria-hidden="true" />
          {tag.name}
          <button
            type="button"
            class="chip-remove"
            aria-label={`Remove tag ${tag.name} from ${what}`}
            title={`Remove ${tag.name}`}
            onClick={() => onToggle(tag.id, false)}
          >
            ×
          </button>
        </span>
      ))}
      <AddTag what={what} tags={off} onAdd={(id) => onToggle(id, true)} />
    </div>
  );
}
