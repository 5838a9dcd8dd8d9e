// Editing the chosen highlight in place: colour, tags (and whether one of the reader's own is
// private, kept out of every export), note, the goals it is evidence for; open
// its page scrolled to it, or delete it (with undo). Every change is saved as it is made.
import { useEffect, useRef, useState } from 'preact/hooks';
import { HIGHLIGHT_COLORS, type GoalRecord, type TagRecord } from '../../../shared/types';
import { getDb } from '../../../storage/database/db';
import { updateHighlight } from '../../../storage/records/highlights';
import type { LibraryRow } from '../../../storage/search/library';
import { linkToGoal, unlinkFromGoal } from '../../../storage/records/links';
import { fullDate } from '../../common/format';
import { useLive } from '../../common/use-live';
import { openPage } from '../../popup/reveal';
import { canBePrivate, PrivateSwitch } from '../PrivateSwitch';

interface Props {
  row: LibraryRow;
  tags: readonly TagRecord[];
  goals: readonly GoalRecord[];
  onDelete: (id: string) => void;
  onStatus: (message: string) => void;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The note saves itself a moment after the reader stops typing, and when they leave it. */
function NoteField({
  id,
  note,
  onSave,
}: {
  id: string;
  note: string;
  onSave: (n: string) => void;
}) {
  const [draft, setDraft] = useState(note);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => setDraft(note), [id, note]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const save = (value: string) => {
    clearTimeout(timer.current);
    if (value !== note) onSave(value);
  };
  const edit = (value: string) => {
    setDraft(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => save(value), 600);
  };
  return (
    <label class="field wide" for="edit-note">
      <span>Note (saved as you type)</span>
      <textarea
        id="edit-note"
        rows={4}
        value={draft}
        onInput={(e) => edit(e.currentTarget.value)}
        onBlur={() => save(draft)}
      />
    </label>
  );
}

export function HighlightEditor({ row, tags, goals, onDelete, onStatus }: Props) {
  const { highlight, page } = row;
  const db = getDb();
  const links = useLive(() => db.links.where({ targetId: highlight.id }).toArray(), [highlight.id]);
  const linked = new Set(links.status === 'ready' ? links.value.map((l) => l.goalId) : []);
  const run = (what: string, change: Promise<unknown>) =>
    change.then(
      () => onStatus(`${what} saved`),
      (error: unknown) => onStatus(`Could not save: ${String(error)}`),
    );
  const toggleTag = (tagId: string, on: boolean) => {
    const tagIds = on ? [...highlight.tagIds, tagId] : highlight.tagIds.filter((t) => t !== tagId);
    void run('Tags', updateHighlight(db, highlight.id, { tagIds }));
  };
  const toggleGoal = (goalId: string, on: boolean) =>
    run(
      'Goal link',
      on
        ? linkToGoal(db, goalId, { type: 'highlight', id: highlight.id })
        : unlinkFromGoal(db, goalId, highlight.id),
    );

  return (
    <section class="editor card" aria-labelledby="editor-title">
      <h2 id="editor-title">Highlight</h2>
      <blockquote class="full-quote">{highlight.quote}</blockquote>
      <p class="muted">
        {page?.title} · {fullDate(highlight.createdAt)}
        {highlight.anchorStatus === 'orphan' && ' · not found on the page at the last visit'}
      </p>
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={!page}
          onClick={() => page && void openPage(page.url, highlight.id)}
        >
          Open at this highlight
        </button>
        <button type="button" class="danger" onClick={() => onDelete(highlight.id)}>
          Delete
        </button>
      </div>
      <fieldset>
        <legend>Colour</legend>
        {HIGHLIGHT_COLORS.map((color) => (
          <label key={color} class="choice">
            <input
              type="radio"
              name="edit-color"
              value={color}
              checked={highlight.color === color}
              onChange={() => void run('Colour', updateHighlight(db, highlight.id, { color }))}
            />
            <span class={`swatch swatch-${color}`} aria-hidden="true" /> {capital(color)}
          </label>
        ))}
      </fieldset>
      <fieldset class="tag-editor">
        <legend>Tags</legend>
        {tags.map((tag) => (
          <span key={tag.id} class="tag-choice" data-tag-id={tag.id}>
            <label class="choice">
              <input
                type="checkbox"
                checked={highlight.tagIds.includes(tag.id)}
                onChange={(e) => toggleTag(tag.id, e.currentTarget.checked)}
              />
              {tag.name}
            </label>
            {canBePrivate(tag) && <PrivateSwitch tag={tag} onStatus={onStatus} />}
          </span>
        ))}
      </fieldset>
      <NoteField
        id={highlight.id}
        note={highlight.note}
        onSave={(note) => void run('Note', updateHighlight(db, highlight.id, { note }))}
      />
      {goals.length > 0 && (
        <fieldset>
          <legend>Evidence for</legend>
          {goals.map((goal) => (
            <label key={goal.id} class="choice">
              <input
                type="checkbox"
                checked={linked.has(goal.id)}
                onChange={(e) => void toggleGoal(goal.id, e.currentTarget.checked)}
              />
              {goal.title}
            </label>
          ))}
        </fieldset>
      )}
    </section>
  );
}
