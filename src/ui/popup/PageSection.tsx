// The "This page" tab: the page, its highlights in page order, and those not found on it.
import { useLayoutEffect } from 'preact/hooks';
import { countOf } from '../../shared/count-words';
import type { GoalRecord, HighlightRecord } from '../../shared/types';
import type { PopupPage } from '../../storage/records/popup-page';
import type { ActivePage } from '../common/active-page';
import { announce } from './announcer';
import { HighlightItem } from './HighlightItem';
import { OrphanItem } from './OrphanItem';
import { PageDetails } from './PageDetails';
import { tellPageSaved } from './page-saved';
import { usePopupPage } from './popup-data';
import { showOnPage } from './reveal';

interface Props {
  active: ActivePage;
  url: string;
  /** The view read at startup, shown until the live query answers. */
  first: PopupPage | null;
  /** null while the goals load. */
  goals: readonly GoalRecord[] | null;
  onCreateGoal: () => void;
}

/** Tells benchmarks and tests the page's own data is on screen: the popup's useful render. */
function markRendered(): void {
  if (document.body.dataset.page === 'ready') return;
  performance.mark('trailmark-page-ready');
  document.body.dataset.page = 'ready';
}

export function PageSection({ active, url, first, goals, onCreateGoal }: Props) {
  const view = usePopupPage(url, first);
  // Layout effect: the mark lands when the DOM holds the page, before the browser paints it.
  useLayoutEffect(() => {
    if (view.status === 'ready') markRendered();
  }, [view.status]);
  if (view.status === 'loading') return <p class="muted">Loading…</p>;
  if (view.status === 'error') {
    return <p role="alert">Could not read this page's highlights: {view.error}</p>;
  }
  const { highlights, orphans, links, tags } = view.value;
  const show = (h: HighlightRecord) =>
    void showOnPage(active, h.id).catch(() => announce('Could not show it on the page.', 'error'));
  return (
    <div class="page-section">
      <PageDetails
        address={{ url, title: active.title }}
        view={view.value}
        goals={goals}
        onCreateGoal={onCreateGoal}
        onSaved={() => tellPageSaved(active)}
      />
      <section aria-labelledby="highlights-title">
        {/* The count is on the page's reading line; the heading still names the list. */}
        <h2 id="highlights-title" class="sr-only">
          {countOf(highlights.length, 'highlight')}
        </h2>
        {highlights.length === 0 ? (
          <p class="muted">No highlights on this page yet. Select text and choose Highlight.</p>
        ) : (
          <ul class="highlights" aria-label="Highlights on this page">
            {highlights.map((h) => (
              <HighlightItem
                key={h.id}
                highlight={h}
                tags={tags}
                links={links}
                goals={goals}
                onShow={show}
                onCreateGoal={onCreateGoal}
              />
            ))}
          </ul>
        )}
      </section>
      {orphans.length > 0 && (
        <section aria-labelledby="orphans-title" class="orphans">
          <h2 id="orphans-title" class="section-title">
            {countOf(orphans.length, 'highlight')} not found on this page
          </h2>
          <p class="muted">
            The page changed since you highlighted these. They are kept until you delete them.
          </p>
          <ul class="stack" aria-label="Highlights not found on this page">
            {orphans.map((h) => (
              <OrphanItem key={h.id} highlight={h} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
