// "What's missing": the archetypes whose evidence is furthest below target, each with what could
// close it from the reader's own library — an unlinked highlight is linked in one action.
import type { GoalRecord } from '../../../shared/types';
import { getDb } from '../../../storage/database/db';
import { linkToGoal } from '../../../storage/records/links';
import { whatsMissing } from '../../../storage/records/whats-missing';
import { trimQuote } from '../../common/format';
import { useLive } from '../../common/use-live';
import { openPage } from '../../popup/reveal';

export function WhatsMissing({ goal }: { goal: GoalRecord }) {
  const db = getDb();
  const result = useLive(() => whatsMissing(db, goal.id), [goal.id]);
  const body = () => {
    if (!goal.targetMix) {
      return <p class="muted">Give the goal a target mix to see what is missing.</p>;
    }
    if (result.status === 'loading') return <p class="muted">Looking through your library…</p>;
    if (result.status === 'error')
      return <p role="alert">Could not read the library: {result.error}</p>;
    if (result.value.missing.length === 0) {
      return <p class="muted">Your evidence meets the target mix. Keep linking what you read.</p>;
    }
    return (
      <ul class="stack">
        {result.value.missing.map((m) => (
          <li key={m.archetypeId} class="card">
            <h4>
              {m.name}: {m.points} points below target
            </h4>
            {m.highlights.length + m.articles.length === 0 && (
              <p class="muted">
                Nothing in your library is tagged {m.name} yet. Tag highlights {m.name} as you read.
              </p>
            )}
            {m.highlights.length > 0 && (
              <ul class="stack">
                {m.highlights.map(({ highlight, page }) => (
                  <li key={highlight.id} class="missing-highlight">
                    <blockquote>{trimQuote(highlight.quote, 200)}</blockquote>
                    <span class="muted">{page?.title}</span>
                    <button
                      type="button"
                      onClick={() =>
                        void linkToGoal(db, goal.id, { type: 'highlight', id: highlight.id })
                      }
                    >
                      Link<span class="sr-only"> this highlight to {goal.title}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {m.articles.length > 0 && (
              <p>
                Not finished:{' '}
                {m.articles.map((a, i) => (
                  <span key={a.id}>
                    {i > 0 && ', '}
                    <button type="button" class="link-button" onClick={() => void openPage(a.url)}>
                      {a.title || a.url}
                    </button>
                  </span>
                ))}
              </p>
            )}
          </li>
        ))}
      </ul>
    );
  };
  return (
    <section aria-labelledby="missing-title" class="whats-missing">
      <h3 id="missing-title">What's missing</h3>
      {body()}
    </section>
  );
}
