// One goal a page or highlight is linked to, with its "what I'll do with this" note, which can be
// edited in place, and a button to unlink.
import { useState } from 'preact/hooks';
import type { LinkRecord } from '../../shared/types';
import { LIMITS } from '../../shared/limits';

interface Props {
  link: LinkRecord;
  goalTitle: string;
  onUnlink: () => void;
  onNote: (note: string) => Promise<boolean>;
}

export function LinkChip({ link, goalTitle, onUnlink, onNote }: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(link.note);
  const save = async (event: Event) => {
    event.preventDefault();
    if (await onNote(draft)) setEditing(false);
  };
  return (
    <li class="chip" data-link-goal={link.goalId}>
      <span class="chip-title">{goalTitle}</span>
      {link.note && !editing && <span class="chip-note">— {link.note}</span>}
      {editing ? (
        <form class="note-form" onSubmit={save}>
          <input
            type="text"
            value={draft}
            maxLength={LIMITS.note}
            aria-label={`What you'll do with this, for ${goalTitle}`}
            placeholder="What I'll do with this"
            onInput={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), setEditing(false))}
            autoFocus
          />
          <button type="submit">Save</button>
        </form>
      ) : (
        <button
          type="button"
          class="link-button"
          aria-label={`${link.note ? 'Edit note' : 'Add note'} for ${goalTitle}`}
          onClick={() => (setDraft(link.note), setEditing(true))}
        >
          {link.note ? 'Edit note' : 'Add note'}
        </button>
      )}
      <button
        type="button"
        class="icon-button"
        aria-label={`Unlink from ${goalTitle}`}
        onClick={onUnlink}
      >
        ×
      </button>
    </li>
  );
}
