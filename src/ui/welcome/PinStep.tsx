// Step 1: keep Trailmark's button in the toolbar, told the way the reader's own browser does it.
import type { BrowserFamily } from './which-browser';

export function PinStep({ family }: { family: BrowserFamily }) {
  return (
    <>
      <h2 id="step-pin">Pin Trailmark to the toolbar</h2>
      {family === 'firefox' ? (
        <p data-browser="firefox">
          Click the <strong>Extensions</strong> button (the puzzle piece at the right of the
          toolbar), then the <strong>gear</strong> next to Trailmark, and choose{' '}
          <strong>Pin to Toolbar</strong>.
        </p>
      ) : (
        <p data-browser="chrome">
          Click the <strong>Extensions</strong> button (the puzzle piece at the right of the address
          bar), then the <strong>pin</strong> next to Trailmark.
        </p>
      )}
      <p class="muted">
        On any article, that button shows the page’s highlights, its tags and your goals.
      </p>
    </>
  );
}
