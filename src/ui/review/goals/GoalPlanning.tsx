// Where the reader stands on a goal and what to bring to the talk: the three mixes with their
// gaps (over all time, whatever period the evidence list shows), the check-ins, the questions,
// what is missing, and the 1:1 brief.
import type { GoalRecord } from '../../../shared/types';
import { getDb } from '../../../storage/database/db';
import { currentCheckIn } from '../../../storage/records/check-ins';
import { evidenceOf } from '../../../storage/records/evidence';
import { whatsMissing } from '../../../storage/records/whats-missing';
import { useLive } from '../../common/use-live';
import { ThreeMixes } from '../../goals/ThreeMixes';
import { NO_EVIDENCE } from '../../../shared/mix-table';
import { BriefActions } from './BriefActions';
import { CheckInHistory } from './CheckInHistory';
import { TalkQuestions } from './TalkQuestions';
import { WhatsMissing } from './WhatsMissing';

export function GoalPlanning({ goal }: { goal: GoalRecord }) {
  const db = getDb();
  const standing = useLive(
    async () => ({
      evidence: (await whatsMissing(db, goal.id)).mix,
      count: (await evidenceOf(db, goal.id)).length,
    }),
    [goal.id],
  );
  return (
    <section class="goal-planning" aria-labelledby="standing-title">
      <h3 id="standing-title">Where I stand</h3>
      <ThreeMixes
        target={goal.targetMix}
        checkIn={currentCheckIn(goal)}
        evidence={standing.status === 'ready' ? standing.value.evidence : NO_EVIDENCE}
        evidenceCount={standing.status === 'ready' ? standing.value.count : 0}
      />
      <BriefActions goal={goal} />
      <CheckInHistory goal={goal} />
      <TalkQuestions goal={goal} />
      <WhatsMissing goal={goal} />
    </section>
  );
}
