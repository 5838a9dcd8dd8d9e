// What the "This page" tab says over a tab Trailmark cannot save: what it works on, in plain
// words, and no controls that could not work here.
import type { PageKind } from './page-kind';

const WHERE: Record<Exclude<PageKind, 'web'>, string> = {
  trailmark: 'This is one of Trailmark’s own pages.',
  browser: 'This is one of the browser’s own pages, which extensions cannot change.',
  store: 'Browsers keep extensions out of their add-on stores.',
};

export function NotAPage({ kind }: { kind: Exclude<PageKind, 'web'> | null }) {
  return (
    <section class="not-a-page" aria-labelledby="not-a-page-title" data-kind={kind ?? 'none'}>
      <h2 id="not-a-page-title">Trailmark works on web pages</h2>
      <p>
        {kind && `${WHERE[kind]} `}
        Open an article on the web to highlight passages, tag them and link them to your goals.
      </p>
    </section>
  );
}
