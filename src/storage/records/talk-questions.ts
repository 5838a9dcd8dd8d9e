// Questions for the talk with the reader's manager: a short ordered list per goal, each marked
// done once raised. Kept on the goal record, like its check-ins.
import { LIMITS } from '../../shared/limits';
import type { GoalRecord, TalkQuestion } from '../../shared/types';
import type { TrailmarkDb } from '../database/db';
import { NotFoundError } from '../database/errors';
import { rewriteGoal } from './goals';

export const questionsOf = (goal: Pick<GoalRecord, 'questions'>): TalkQuestion[] =>
  goal.questions ?? [];

function cleanText(text: string): string {
  const clean = text.trim().replace(/\s+/g, ' ');
  if (clean === '') throw new RangeError('Write the question first.');
  if (clean.length > LIMITS.question) {
    throw new RangeError(`Keep a question under ${LIMITS.question} characters.`);
  }
  return clean;
}

export async function addQuestion(
  db: TrailmarkDb,
  goalId: string,
  text: string,
  now = Date.now(),
): Promise<GoalRecord> {
  const clean = cleanText(text);
  return rewriteGoal(db, goalId, (goal) => {
    const list = questionsOf(goal);
    if (list.length >= LIMITS.questions) {
      throw new RangeError(`A goal keeps at most ${LIMITS.questions} questions.`);
    }
    const added: TalkQuestion = {
      id: crypto.randomUUID(),
      text: clean,
      done: false,
      createdAt: now,
    };
    return { ...goal, questions: [...list, added], updatedAt: now };
  });
}

/** Applies a change to the question list after checking the question is there. */
function changeQuestions(
  db: TrailmarkDb,
  goalId: string,
  questionId: string,
  change: (list: TalkQuestion[], index: number) => TalkQuestion[],
  now: number,
): Promise<GoalRecord> {
  return rewriteGoal(db, goalId, (goal) => {
    const list = questionsOf(goal);
    const index = list.findIndex((q) => q.id === questionId);
    if (index === -1) throw new NotFoundError(`no question ${questionId}`);
    return { ...goal, questions: change(list, index), updatedAt: now };
  });
}

export const setQuestionDone = (
  db: TrailmarkDb,
  goalId: string,
  questionId: string,
  done: boolean,
  now = Date.now(),
): Promise<GoalRecord> =>
  changeQuestions(
    db,
    goalId,
    questionId,
    (list, i) => list.map((q, j) => (j === i ? { ...q, done } : q)),
    now,
  );

export const removeQuestion = (
  db: TrailmarkDb,
  goalId: string,
  questionId: string,
  now = Date.now(),
): Promise<GoalRecord> =>
  changeQuestions(db, goalId, questionId, (list, i) => list.filter((_, j) => j !== i), now);

/** Moves a question one place up (-1) or down (+1); at either end it stays. */
export const moveQuestion = (
  db: TrailmarkDb,
  goalId: string,
  questionId: string,
  step: -1 | 1,
  now = Date.now(),
): Promise<GoalRecord> =>
  changeQuestions(
    db,
    goalId,
    questionId,
    (list, i) => {
      const j = i + step;
      if (j < 0 || j >= list.length) return list;
      const moved = [...list];
      [moved[i], moved[j]] = [moved[j] as TalkQuestion, moved[i] as TalkQuestion];
      return moved;
    },
    now,
  );
