// The chosen highlight's note, saved a moment after the reader stops typing and when they leave
// it. What is being typed is the reader's: a saved version coming back, or a sync's, never
// replaces it mid-sentence; and if the highlight is deleted elsewhere meanwhile, the unsaved
// text stays on screen, read-only, to be copied.
import { useEffect, useRef, useState } from 'preact/hooks';

/** How long typing must pause before the note is saved. */
const SAVE_AFTER_MS = 600;

interface Props {
  /** The note as stored (the last one known, once the highlight is deleted). */
  note: string;
  deleted: boolean;
  onSave: (note: string) => void;
}

export function NoteField({ note, deleted, onSave }: Props) {
  const [draft, setDraft] = useState(note);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  // Typed and not yet sent to be saved.
  const typing = useRef(false);
  useEffect(() => {
    if (!typing.current) setDraft(note);
  }, [note]);
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    if (deleted) clearTimeout(timer.current);
  }, [deleted]);
  const save = (value: string) => {
    clearTimeout(timer.current);
    typing.current = false;
    if (!deleted && value !== note) onSave(value);
  };
  const edit = (value: string) => {
    setDraft(value);
    typing.current = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => save(value), SAVE_AFTER_MS);
  };
  if (deleted && draft === note) return null;
  return (
    <label class="field wide" for="edit-note">
      <span>
        {deleted ? 'Your note, not saved: copy it from here' : 'Note (saved as you type)'}
      </span>
      <textarea
        id="edit-note"
        rows={4}
        value={draft}
        readOnly={deleted}
        onInput={(e) => edit(e.currentTarget.value)}
        onBlur={() => save(draft)}
      />
    </label>
  );
}
