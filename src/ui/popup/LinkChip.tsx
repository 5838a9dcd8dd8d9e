// One goal a page or highlight is linked to, with its "what I'll do with this" note, which can be
// edited in place, and a button to unlink.
import { useState } from 'preact/hooks';
import { LIMITS } from '../../shared/limits';
import type { LinkRecord } from '../../shared/types';
import { useAutofocus, useFocusOnClose } from '../common/use-autofocus';

interface Props {
  link: LinkRecord;
  goalTitle: string;
  onUnlink: () => void;
  onNote: (note: string) => Promise<boolean>;
}

interface NoteFormProps {
  note: string;
  goalTitle: string;
  onSave: (note: string) => void;
  onCancel: () => void;
}

function NoteForm({ note, goalTitle, onSave, onCancel }: NoteFormProps) {
  const [draft, setDraft] = useState(note);
  const input = useAutofocus<HTMLInputElement>();
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onCancel();
  };
  return (
    <form
      class="note-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(draft);
      }}
    >
      <input
        type="text"
        ref={input}
        value={draft}
        maxLength={LIMITS.note}
        aria-label={`What you'll do with this, for ${goalTitle}`}
        placeholder="What I'll do with this"
        onInput={(e) => setDraft(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <button type="submit">Save</button>
    </form>
  );
}

export function LinkChip({ link, goalTitle, onUnlink, onNote }: Props) {
  const [editing, setEditing] = useState(false);
  const opener = useFocusOnClose<HTMLButtonElement>(editing);
  const save = async (note: string) => {
    if (await onNote(note)) setEditing(false);
  };
  const noteAction = `${link.note ? 'Edit note' : 'Add note'} for ${goalTitle}`;
  return (
    <li
      class={`chip goal-chip${editing ? ' editing' : ''}`}
      data-link-goal={link.goalId}
      title={link.note ? `${goalTitle} — ${link.note}` : goalTitle}
    >
      {editing ? (
        <>
          <span class="chip-title">{goalTitle}</span>
          <NoteForm
            note={link.note}
            goalTitle={goalTitle}
            onSave={(note) => void save(note)}
            onCancel={() => setEditing(false)}
          />
        </>
      ) : (
        // The goal's name is the button that opens its note, one control instead of two.
        <button
          type="button"
          class="chip-open"
          ref={opener}
          // Named by what it shows (the goal, the note); what it does is its description.
          aria-description={noteAction}
          title={link.note ? 'Edit what you’ll do with this' : 'Add what you’ll do with this'}
          onClick={() => setEditing(true)}
        >
          <span class="chip-title">{goalTitle}</span>
          {link.note && <span class="chip-note">{link.note}</span>}
        </button>
      )}
      <button
        type="button"
        class="chip-remove"
        aria-label={`Unlink from ${goalTitle}`}
        title="Unlink"
        onClick={onUnlink}
      >
        ×
      </button>
    </li>
  );
}
