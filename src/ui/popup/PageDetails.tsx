// The page itself: title, site, reading time, status, tags, "track this page" and its goals.
// Every control works before the page is stored; the first change creates its record.
import { PAGE_STATUSES, type PageStatus } from '../../shared/types';
import { getDb } from '../../storage/database/db';
import {
  ensurePage,
  setPageStatus,
  setPageTag,
  setPageTracked,
  type PageAddress,
} from '../../storage/records/page-edits';
import type { PopupPage } from '../../storage/records/popup-page';
import { run } from './announcer';
import { GoalLinks } from './GoalLinks';
import type { GoalRecord } from '../../shared/types';
import { countOf } from '../../shared/count-words';
import { readingTime } from './reading-time';
import { TagChips } from './TagChips';

interface Props {
  address: PageAddress;
  view: PopupPage;
  goals: readonly GoalRecord[] | null;
  onCreateGoal: () => void;
  /** Called once the page counts as saved (tracked, tagged, linked), so the tab times the visit. */
  onSaved: () => void;
}

const STATUS_LABELS: Record<PageStatus, string> = {
  reading: 'Reading',
  read: 'Read',
  archived: 'Archived',
};

function readingLine(view: PopupPage): string {
  const page = view.page;
  if (!page) return 'Not saved yet';
  const scrolled = page.maxScroll > 0 ? ` · ${Math.round(page.maxScroll * 100)} % scrolled` : '';
  const counted =
    view.highlights.length > 0 ? ` · ${countOf(view.highlights.length, 'highlight')}` : '';
  return `${page.site}${counted} · ${readingTime(page.readingMs)}${scrolled}`;
}

export function PageDetails({ address, view, goals, onCreateGoal, onSaved }: Props) {
  const db = getDb();
  const page = view.page;
  const edit = async (action: () => Promise<unknown>, done?: string) => {
    if (await run(action, done)) onSaved();
  };
  const createPage = async () => {
    const created = await db.transaction('rw', db.pages, () => ensurePage(db, address, Date.now()));
    onSaved();
    return { type: 'page' as const, id: created.id };
  };
  return (
    <section class="page-details" aria-labelledby="page-title">
      <h2 id="page-title" class="page-title" title={address.url}>
        {page?.title ?? address.title}
      </h2>
      <p class="muted reading" data-testid="reading">
        {readingLine(view)}
      </p>
      <div class="row page-controls">
        <label class="inline">
          Status{' '}
          <select
            value={page?.status ?? ''}
            onChange={(e) =>
              void run(
                () => setPageStatus(db, address, e.currentTarget.value as PageStatus),
                'Status saved.',
              )
            }
          >
            {/* Nothing is chosen before the page is saved: no status reads as if picked. */}
            {!page && (
              <option value="" disabled>
                Not set
              </option>
            )}
            {PAGE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={page?.tracked ?? false}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              // Only turning tracking on gives the tab something to time.
              void (on ? edit : run)(
                () => setPageTracked(db, address, on),
                on ? 'Reading time is tracked on this page.' : 'No longer tracking this page.',
              );
            }}
          />
          Track reading time
        </label>
      </div>
      <div class="attach">
        <TagChips
          what="this page"
          kind="page"
          tags={view.tags}
          selected={page?.tagIds ?? []}
          onToggle={(tagId, on) => void edit(() => setPageTag(db, address, tagId, on))}
        />
        <GoalLinks
          what="this page"
          target={createPage}
          targetId={page?.id}
          links={view.links}
          goals={goals}
          onCreateGoal={onCreateGoal}
        />
      </div>
    </section>
  );
}
