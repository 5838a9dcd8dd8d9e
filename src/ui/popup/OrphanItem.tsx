// A highlight that could not be found on the page any more: its saved quote in its saved
// context, so nothing is silently lost, and a two-step delete (the default is to keep it).
import { useState } from 'preact/hooks';
import type { HighlightRecord } from '../../shared/types';
import { getDb } from '../../storage/database/db';
import { deleteHighlight } from '../../storage/records/highlights';
import { fullDate, trimQuote } from '../common/format';
import { useAutofocus, useFocusOnClose } from '../common/use-autofocus';
import { run } from './announcer';

function contextOf(highlight: HighlightRecord) {
  const quote = highlight.selectors.find((s) => s.type === 'TextQuoteSelector');
  return { prefix: quote?.prefix ?? '', suffix: quote?.suffix ?? '' };
}

function DeleteButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" class="danger" onClick={onClick} ref={useAutofocus<HTMLButtonElement>()}>
      Delete
    </button>
  );
}

export function OrphanItem({ highlight }: { highlight: HighlightRecord }) {
  const [confirming, setConfirming] = useState(false);
  const ask = useFocusOnClose<HTMLButtonElement>(confirming);
  const { prefix, suffix } = contextOf(highlight);
  const short = trimQuote(highlight.quote, 40);
  const remove = () => void run(() => deleteHighlight(getDb(), highlight.id), 'Highlight deleted.');
  return (
    <li class="card orphan" data-highlight-id={highlight.id}>
      <blockquote class="orphan-quote">
        {prefix && <span class="muted">…{prefix}</span>}
        <mark>{trimQuote(highlight.quote)}</mark>
        {suffix && <span class="muted">{suffix}…</span>}
      </blockquote>
      <p class="meta muted">Saved {fullDate(highlight.createdAt)}</p>
      {confirming ? (
        <div class="row" role="group" aria-label={`Delete “${short}” for good?`}>
          <span>Delete for good?</span>
          <DeleteButton onClick={remove} />
          <button type="button" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </div>
      ) : (
        <button
          type="button"
          ref={ask}
          aria-label={`Delete “${short}”`}
          onClick={() => setConfirming(true)}
        >
          Delete…
        </button>
      )}
    </li>
  );
}
