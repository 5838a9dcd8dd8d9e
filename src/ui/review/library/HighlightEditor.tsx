// Editing the chosen highlight in place: colour, tags (and whether one of the reader's own is
// private, kept out of every export), note, the goals it is evidence for; open
// its page scrolled to it, or delete it (with undo). Every change is saved as it is made. Once
// the highlight is deleted elsewhere (on its page, or by a sync), the editor says so instead of
// showing it, and keeps a note the reader was typing.
import { useRef } from 'preact/hooks';
import { HIGHLIGHT_COLORS, type GoalRecord, type TagRecord } from '../../../shared/types';
import { getDb } from '../../../storage/database/db';
import { updateHighlight } from '../../../storage/records/highlights';
import type { LibraryRow } from '../../../storage/search/library';
import { linkToGoal, unlinkFromGoal } from '../../../storage/records/links';
import { fullDate } from '../../common/format';
import { useLive } from '../../common/use-live';
import { openPage } from '../../popup/reveal';
import { canBePrivate, PrivateSwitch } from '../PrivateSwitch';
import { NoteField } from './NoteField';

interface Props {
  /** Null once the highlight is deleted. */
  row: LibraryRow | null;
  tags: readonly TagRecord[];
  goals: readonly GoalRecord[];
  onDelete: (id: string) => void;
  onStatus: (message: string) => void;
}

type Run = (what: string, change: Promise<unknown>) => Promise<void>;

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function Fields({
  row,
  tags,
  onDelete,
  onStatus,
  run,
}: Omit<Props, 'row' | 'goals'> & { row: LibraryRow; run: Run }) {
  const { highlight, page } = row;
  const db = getDb();
  const toggleTag = (tagId: string, on: boolean) => {
    const tagIds = on ? [...highlight.tagIds, tagId] : highlight.tagIds.filter((t) => t !== tagId);
    void run('Tags', updateHighlight(db, highlight.id, { tagIds }));
  };
  return (
    <>
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
    </>
  );
}

function GoalLinks({ id, goals, run }: { id: string; goals: readonly GoalRecord[]; run: Run }) {
  const db = getDb();
  const links = useLive(() => db.links.where({ targetId: id }).toArray(), [id]);
  const linked = new Set(links.status === 'ready' ? links.value.map((l) => l.goalId) : []);
  const toggleGoal = (goalId: string, on: boolean) =>
    run(
      'Goal link',
      on ? linkToGoal(db, goalId, { type: 'highlight', id }) : unlinkFromGoal(db, goalId, id),
    );
  if (goals.length === 0) return null;
  return (
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
  );
}

function Deleted() {
  return (
    <>
      <h2 id="editor-title">Highlight deleted</h2>
      <p role="status">
        This highlight was deleted elsewhere: on its page, or on another device. Choose another one
        in the list.
      </p>
    </>
  );
}

export function HighlightEditor({ row, tags, goals, onDelete, onStatus }: Props) {
  const db = getDb();
  // The note as last seen, for what the reader typed to be told from what was saved.
  const last = useRef(row);
  if (row) last.current = row;
  const id = last.current?.highlight.id ?? '';
  const run: Run = (what, change) =>
    change.then(
      () => onStatus(`${what} saved`),
      (error: unknown) => onStatus(`Could not save: ${String(error)}`),
    );
  return (
    <section class="editor card" aria-labelledby="editor-title">
      {row ? (
        <Fields row={row} tags={tags} onDelete={onDelete} onStatus={onStatus} run={run} />
      ) : (
        <Deleted />
      )}
      <NoteField
        key="note"
        note={last.current?.highlight.note ?? ''}
        deleted={!row}
        onSave={(note) => void run('Note', updateHighlight(db, id, { note }))}
      />
      {row && <GoalLinks id={id} goals={goals} run={run} />}
    </section>
  );
}
