// One highlight in the popup's list: its quote, colour and when it was made.
import type { HighlightRecord } from '../../shared/types';
import { fullDate, timeAgo, trimQuote } from '../common/format';

export function HighlightItem({ highlight }: { highlight: HighlightRecord }) {
  return (
    <li class="card highlight" data-highlight-id={highlight.id}>
      <blockquote class="quote">
        <span
          class={`swatch swatch-${highlight.color}`}
          aria-label={`${highlight.color} highlight`}
        />{' '}
        {trimQuote(highlight.quote)}
      </blockquote>
      <time
        class="muted"
        dateTime={new Date(highlight.createdAt).toISOString()}
        title={fullDate(highlight.createdAt)}
      >
        {timeAgo(highlight.createdAt)}
      </time>
    </li>
  );
}
