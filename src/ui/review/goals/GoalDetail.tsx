// One goal as evidence: why it matters, its target mix against the actual mix of its evidence
// in the chosen period, how the evidence grew, and every piece of it in the order it was read.
import { useState } from 'preact/hooks';
import { ARCHETYPES } from '../../../shared/archetypes';
import { growth, unitFor } from '../../../shared/growth';
import { countWords } from '../../../shared/count-words';
import { actualMix } from '../../../shared/mix';
import { actualBasis, actualFigures, percentFigures } from '../../../shared/mix-figures';
import type { GoalRecord, TagRecord } from '../../../shared/types';
import { getDb } from '../../../storage/database/db';
import {
  ALL_TIME,
  evidenceOf,
  type EvidenceItem,
  type Period,
} from '../../../storage/records/evidence';
import { fullDate, trimQuote } from '../../common/format';
import { useLive } from '../../common/use-live';
import { openPage } from '../../popup/reveal';
import { StackedMix } from '../mix/StackedMix';
import { PeriodPicker } from '../PeriodPicker';
import { periodLabel } from '../dates';
import { GrowthChart } from './GrowthChart';
import { GoalPlanning } from './GoalPlanning';

const ARCHETYPE_IDS = ARCHETYPES.map((a) => a.id);

function EvidenceEntry({ item, tags }: { item: EvidenceItem; tags: ReadonlyMap<string, string> }) {
  const names = item.tagIds.flatMap((id) => (tags.has(id) ? [tags.get(id)] : []));
  return (
    <li class="evidence card" data-evidence-id={item.link.targetId}>
      <p class="muted">
        {fullDate(item.datedAt)} · {item.page.title}
      </p>
      {item.highlight ? (
        <blockquote>{trimQuote(item.highlight.quote, 400)}</blockquote>
      ) : (
        <p>The whole article</p>
      )}
      {item.highlight?.note && <p>My note: {item.highlight.note}</p>}
      {item.link.note && <p>Why it counts: {item.link.note}</p>}
      {names.length > 0 && <p class="muted">Tags: {names.join(', ')}</p>}
      <button type="button" onClick={() => void openPage(item.page.url, item.highlight?.id)}>
        Open {item.highlight ? 'at this highlight' : 'the article'}
        <span class="sr-only">: {item.page.title}</span>
      </button>
    </li>
  );
}

export function GoalDetail({ goal, tags }: { goal: GoalRecord; tags: readonly TagRecord[] }) {
  const [period, setPeriod] = useState<Period>(ALL_TIME);
  const evidence = useLive(() => evidenceOf(getDb(), goal.id, period), [goal.id, period]);
  const items = evidence.status === 'ready' ? evidence.value : [];
  const actual = actualMix(
    items.map((i) => ({ tagIds: i.tagIds, article: !i.highlight })),
    ARCHETYPE_IDS,
  );
  const highlights = items.filter((i) => i.highlight).length;
  const now = Date.now();
  const times = items.map((i) => i.datedAt);
  const unit = unitFor(times[0] ?? now, now);
  const tagNames = new Map(tags.map((t) => [t.id, t.name]));
  return (
    <article class="goal-detail" aria-labelledby="goal-title">
      <h2 id="goal-title">{goal.title}</h2>
      {goal.why && <p>{goal.why}</p>}
      <p class="muted">
        {goal.status}
        {goal.targetDate && ` · target ${goal.targetDate}`} ·{' '}
        {countWords({ highlights, articles: items.length - highlights })} ({periodLabel(period)})
      </p>
      <PeriodPicker id="goal-period" period={period} onChange={setPeriod} />
      <div class="goal-charts">
        <StackedMix
          caption="Archetype mix: target against what you read"
          series={[
            {
              label: 'Target',
              basis: '',
              shares: goal.targetMix,
              figures: percentFigures(goal.targetMix),
            },
            {
              label: 'Actual',
              basis: actualBasis(actual),
              shares: actual.shares,
              figures: actualFigures(actual),
            },
          ]}
        />
        <GrowthChart buckets={growth(times, unit, now)} unit={unit} />
      </div>
      <GoalPlanning goal={goal} />
      <h3>Evidence, oldest first</h3>
      {items.length === 0 ? (
        <p class="muted">
          Nothing linked in this period. Link a highlight from its editor in the library, or a page
          from the popup.
        </p>
      ) : (
        <ol class="stack evidence-list">
          {items.map((item) => (
            <EvidenceEntry key={item.link.id} item={item} tags={tagNames} />
          ))}
        </ol>
      )}
    </article>
  );
}
