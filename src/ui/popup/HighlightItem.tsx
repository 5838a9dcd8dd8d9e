// One highlight of the page: its quote (activating it shows the passage on the page), colour,
// note, tags and the goals it is linked to.
import type { GoalRecord, HighlightRecord, LinkRecord, TagRecord } from '../../shared/types';
import { getDb } from '../../storage/database/db';
import { setHighlightTag } from '../../storage/records/highlight-edits';
import { fullDate, timeAgo, trimQuote } from '../common/format';
import { run } from './announcer';
import { GoalLinks } from './GoalLinks';
import { TagChips } from './TagChips';

interface Props {
  highlight: HighlightRecord;
  tags: readonly TagRecord[];
  links: readonly LinkRecord[];
  goals: readonly GoalRecord[] | null;
  onShow: (highlight: HighlightRecord) => void;
  onCreateGoal: () => void;
}

export function HighlightItem({ highlight, tags, links, goals, onShow, onCreateGoal }: Props) {
  const short = trimQuote(highlight.quote, 40);
  return (
    <li class="highlight" data-highlight-id={highlight.id}>
      <button
        type="button"
        class="quote"
        title={`Show on the page · saved ${timeAgo(highlight.createdAt)}, ${fullDate(highlight.createdAt)}`}
        onClick={() => onShow(highlight)}
      >
        <span class={`swatch swatch-${highlight.color}`} aria-hidden="true" />
        <span class="sr-only">{highlight.color} highlight: </span>
        {trimQuote(highlight.quote)}
      </button>
      {highlight.note && <p class="note">{highlight.note}</p>}
      <div class="attach">
        <TagChips
          what={`“${short}”`}
          kind="highlight"
          tags={tags}
          selected={highlight.tagIds}
          onToggle={(tagId, on) =>
            void run(() => setHighlightTag(getDb(), highlight.id, tagId, on))
          }
        />
        <GoalLinks
          what={`“${short}”`}
          target={() => Promise.resolve({ type: 'highlight', id: highlight.id })}
          targetId={highlight.id}
          links={links}
          goals={goals}
          onCreateGoal={onCreateGoal}
        />
      </div>
    </li>
  );
}
