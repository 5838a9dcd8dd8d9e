// Today's resurfacing queue, one highlight at a time: read it again, then answer "again" (back
// tomorrow), "good" (back later and later) or "done" (retired). Keys 1, 2, 3 answer too.
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { badgeText, type ReviewAnswer } from '../../../shared/schedule';
import type { GoalRecord } from '../../../shared/types';
import { getDb } from '../../../storage/database/db';
import { answerReview, reviewQueue } from '../../../storage/records/resurfacing';
import { fullDate } from '../../common/format';
import { useLive } from '../../common/use-live';
import { openPage } from '../../popup/reveal';

const ANSWERS: { reply: ReviewAnswer; label: string; hint: string }[] = [
  { reply: 'again', label: 'Again', hint: 'back tomorrow' },
  { reply: 'good', label: 'Good', hint: 'back in a while' },
  { reply: 'done', label: 'Done', hint: 'never again' },
];

export function ResurfaceView({ goals }: { goals: readonly GoalRecord[] }) {
  const db = getDb();
  const [goalId, setGoalId] = useState('');
  const [message, setMessage] = useState('');
  const card = useRef<HTMLElement>(null);
  const queue = useLive(() => reviewQueue(db, Date.now(), { goalId: goalId || null }), [goalId]);
  const rows = queue.status === 'ready' ? queue.value : [];
  const current = rows[0];

  useEffect(() => {
    if (queue.status === 'ready' && !goalId)
      void browser.action.setBadgeText({ text: badgeText(rows.length) });
  }, [rows.length, queue.status, goalId]);

  const reply = async (answer: ReviewAnswer) => {
    if (!current) return;
    await answerReview(db, current.highlight.id, answer);
    setMessage(`Answered “${answer}”. ${rows.length - 1} left today.`);
    card.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const choice = ANSWERS[Number(event.key) - 1];
    if (choice && !(event.target instanceof HTMLSelectElement)) {
      event.preventDefault();
      void reply(choice.reply);
    }
  };

  return (
    <section aria-labelledby="resurface-title" onKeyDown={onKeyDown}>
      <h2 id="resurface-title">Resurfacing</h2>
      <label class="field resurface-filter" for="resurface-goal">
        <span>Only evidence for</span>
        <select
          id="resurface-goal"
          value={goalId}
          onChange={(e) => setGoalId(e.currentTarget.value)}
        >
          <option value="">Any goal or none</option>
          {goals.map((g) => (
            <option key={g.id} value={g.id}>
              {g.title}
            </option>
          ))}
        </select>
      </label>
      <p role="status" class="queue-count">
        {queue.status === 'error' && `Could not read the queue: ${queue.error}`}
        {queue.status === 'ready' &&
          (rows.length === 0
            ? 'Nothing to look at again today. Come back tomorrow.'
            : `${rows.length} to look at again today`)}
      </p>
      <p class="muted" aria-live="polite">
        {message}
      </p>
      {current && (
        <article
          class="resurface-card card"
          tabIndex={-1}
          ref={card}
          data-highlight-id={current.highlight.id}
        >
          <blockquote>{current.highlight.quote}</blockquote>
          {current.highlight.note && <p>My note: {current.highlight.note}</p>}
          <p class="muted">
            {current.page?.title} · {fullDate(current.highlight.createdAt)}
          </p>
          <div class="actions">
            {ANSWERS.map((a, i) => (
              <button
                key={a.reply}
                type="button"
                class={a.reply === 'good' ? 'primary' : ''}
                onClick={() => void reply(a.reply)}
              >
                {a.label} ({i + 1}, {a.hint})
              </button>
            ))}
            <button
              type="button"
              onClick={() => current.page && void openPage(current.page.url, current.highlight.id)}
            >
              Open the page
            </button>
          </div>
        </article>
      )}
    </section>
  );
}
