// The review page (also the options page). For now it lists every page with its highlights;
// filters, goals, resurfacing and export arrive with the review-page work.
import { getDb } from '../../storage/db';
import { libraryByPage } from '../../storage/library';
import { fullDate, trimQuote } from '../common/format';
import { useLive } from '../common/use-live';

export function Review() {
  const library = useLive(() => libraryByPage(getDb()), []);
  return (
    <main class="review">
      <h1>Your reading</h1>
      {library.status === 'loading' && <p class="muted">Loading…</p>}
      {library.status === 'error' && (
        <p role="alert">Could not read the library: {library.error}</p>
      )}
      {library.status === 'ready' && library.value.length === 0 && (
        <p class="muted">Nothing saved yet. Highlight a passage on any article to start.</p>
      )}
      {library.status === 'ready' && (
        <ul class="stack">
          {library.value.map(({ page, highlights }) => (
            <li key={page.id} class="card">
              <h2>
                <a href={page.url}>{page.title}</a>
              </h2>
              <p class="muted">
                {page.site} · last read {fullDate(page.lastVisitAt)}
              </p>
              <ul>
                {highlights.map((h) => (
                  <li key={h.id}>{trimQuote(h.quote)}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
