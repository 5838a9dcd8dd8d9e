// The goals one page or highlight is linked to, and the picker to link or unlink it.
import type { GoalRecord, LinkRecord } from '../../shared/types';
import { getDb } from '../../storage/database/db';
import {
  linkToGoal,
  setLinkNote,
  unlinkFromGoal,
  type LinkTarget,
} from '../../storage/records/links';
import { run } from './announcer';
import { LinkChip } from './LinkChip';
import { LinkPicker } from './LinkPicker';

interface Props {
  what: string;
  /** Resolves the target, creating the page record first when the page is not stored yet. */
  target: () => Promise<LinkTarget>;
  targetId: string | undefined;
  links: readonly LinkRecord[];
  goals: readonly GoalRecord[] | null;
  onCreateGoal: () => void;
}

const titleOf = (goals: readonly GoalRecord[] | null, id: string): string =>
  goals?.find((g) => g.id === id)?.title ?? 'a deleted goal';

export function GoalLinks({ what, target, targetId, links, goals, onCreateGoal }: Props) {
  const mine = targetId === undefined ? [] : links.filter((l) => l.targetId === targetId);
  const linked = new Set(mine.map((l) => l.goalId));
  const toggle = (goalId: string, on: boolean) => {
    const title = titleOf(goals, goalId);
    void run(
      async () => {
        const resolved = await target();
        if (on) await linkToGoal(getDb(), goalId, resolved);
        else await unlinkFromGoal(getDb(), goalId, resolved.id);
      },
      on ? `Linked ${what} to ${title}.` : `Unlinked ${what} from ${title}.`,
    );
  };
  return (
    <div class="goal-links">
      {mine.length > 0 && (
        <ul class="chips" aria-label={`Goals ${what} is linked to`}>
          {mine.map((link) => (
            <LinkChip
              key={link.id}
              link={link}
              goalTitle={titleOf(goals, link.goalId)}
              onUnlink={() => toggle(link.goalId, false)}
              onNote={(note) => run(() => setLinkNote(getDb(), link.id, note), 'Note saved.')}
            />
          ))}
        </ul>
      )}
      <LinkPicker
        what={what}
        goals={goals}
        linkedGoalIds={linked}
        onToggle={toggle}
        onCreateGoal={onCreateGoal}
      />
    </div>
  );
}
