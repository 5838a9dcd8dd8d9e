// Questions for the talk: free text, ordered, each marked done once raised.
import { useState } from 'preact/hooks';
import type { GoalRecord } from '../../../shared/types';
import { getDb } from '../../../storage/database/db';
import {
  addQuestion,
  moveQuestion,
  questionsOf,
  removeQuestion,
  setQuestionDone,
} from '../../../storage/records/talk-questions';

export function TalkQuestions({ goal }: { goal: GoalRecord }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const db = getDb();
  const questions = questionsOf(goal);
  const add = (event: Event) => {
    event.preventDefault();
    addQuestion(db, goal.id, text).then(
      () => {
        setText('');
        setError(null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <section class="talk-questions" aria-labelledby="questions-title">
      <h3 id="questions-title">Questions for the talk</h3>
      <form onSubmit={add} class="inline-form" noValidate>
        <label class="field wide">
          <span>Question for the talk</span>
          <input value={text} maxLength={500} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="submit">Add</button>
      </form>
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      {questions.length === 0 ? (
        <p class="muted">
          Nothing yet. Write down what you want to ask or raise, so it is in the brief.
        </p>
      ) : (
        <ol class="stack">
          {questions.map((q, i) => (
            <li key={q.id} class={q.done ? 'question done' : 'question'}>
              <label>
                <input
                  type="checkbox"
                  checked={q.done}
                  onChange={(e) => void setQuestionDone(db, goal.id, q.id, e.currentTarget.checked)}
                />{' '}
                {q.text}
                <span class="sr-only"> — done</span>
              </label>
              <span class="question-actions">
                <button
                  type="button"
                  disabled={i === 0}
                  onClick={() => void moveQuestion(db, goal.id, q.id, -1)}
                >
                  Up<span class="sr-only">: {q.text}</span>
                </button>
                <button
                  type="button"
                  disabled={i === questions.length - 1}
                  onClick={() => void moveQuestion(db, goal.id, q.id, 1)}
                >
                  Down<span class="sr-only">: {q.text}</span>
                </button>
                <button type="button" onClick={() => void removeQuestion(db, goal.id, q.id)}>
                  Remove<span class="sr-only">: {q.text}</span>
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
