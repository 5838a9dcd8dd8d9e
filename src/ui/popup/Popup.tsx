// The popup: what Trailmark holds for the page the reader is on.
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { normalizeUrl } from '../../shared/url';
import { getDb } from '../../storage/db';
import { pageView } from '../../storage/page-view';
import { findActivePage, type ActivePage } from '../common/active-page';
import { useLive } from '../common/use-live';
import { HighlightItem } from './HighlightItem';

function PageHighlights({ url }: { url: string }) {
  const view = useLive(() => pageView(getDb(), url), [url]);
  if (view.status === 'loading') return <p class="muted">Loading…</p>;
  if (view.status === 'error')
    return <p role="alert">Could not read your highlights: {view.error}</p>;
  const { highlights } = view.value;
  if (highlights.length === 0) {
    return <p class="muted">No highlights on this page yet. Select text and choose Highlight.</p>;
  }
  return (
    <section aria-labelledby="highlights-title">
      <h2 id="highlights-title">
        Highlights <span class="muted">({highlights.length})</span>
      </h2>
      <ul class="stack" aria-label="Highlights on this page">
        {highlights.map((h) => (
          <HighlightItem key={h.id} highlight={h} />
        ))}
      </ul>
    </section>
  );
}

export function Popup() {
  const [active, setActive] = useState<ActivePage | null | undefined>(undefined);
  useEffect(() => {
    void findActivePage().then(setActive, () => setActive(null));
  }, []);
  useEffect(() => {
    if (active !== undefined) document.body.dataset.ready = 'true';
  }, [active]);

  const key = active ? normalizeUrl(active.url) : null;
  return (
    <main class="popup">
      <header class="popup-header">
        <h1>Trailmark</h1>
        <a
          class="button"
          href={browser.runtime.getURL('review.html')}
          target="_blank"
          rel="noopener"
        >
          Review
        </a>
      </header>
      {active === undefined ? null : key ? (
        <>
          <p class="page-title" title={active?.url}>
            {active?.title}
          </p>
          <PageHighlights url={key} />
        </>
      ) : (
        <p class="muted">Trailmark works on web pages. Open an article to highlight it.</p>
      )}
    </main>
  );
}
