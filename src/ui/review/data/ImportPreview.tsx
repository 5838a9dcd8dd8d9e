// What an import from another highlighter would bring, shown before anything is written: the
// format recognised, the counts, what will be left out and why, and what the reader should know.
import { IMPORT_FORMATS, type ImportPlan, summarize } from '../../../shared/importers/import-plan';
import { counted } from '../../common/format';

export function ImportPreview({ plan, files }: { plan: ImportPlan; files: readonly string[] }) {
  const summary = summarize(plan);
  const figures: [string, number][] = [
    ['Articles', summary.articles],
    ['Highlights', summary.highlights],
    ['Notes', summary.notes],
    ['Tags', summary.tags],
  ];
  return (
    <div class="import-preview" data-format={plan.format}>
      <p>
        Recognised: <strong>{IMPORT_FORMATS[plan.format]}</strong>{' '}
        <span class="muted">({files.join(', ')})</span>
      </p>
      <dl class="import-figures">
        {figures.map(([label, value]) => (
          <div key={label} data-figure={label.toLowerCase()}>
            <dt>{label}</dt>
            <dd>{value.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      {plan.skipped.length > 0 && (
        <>
          <p class="import-skipped-title">
            {counted(summary.skipped, 'item', 'items')} will be skipped:
          </p>
          <ul class="import-skipped">
            {plan.skipped.map((s) => (
              <li key={s.reason} data-reason={s.reason}>
                {s.count.toLocaleString()} — {s.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.notices.map((notice) => (
        <p key={notice} class="import-notice">
          {notice}
        </p>
      ))}
      {plan.undated > 0 && (
        <p class="muted">
          {counted(plan.undated, 'highlight has', 'highlights have')} no date Trailmark can read:
          dated today.
        </p>
      )}
      {summary.highlights > 0 && (
        <p class="muted">
          Each highlight is placed when you next visit its article. One saved without the text
          around it is placed only where its words appear once on the page; otherwise it is listed
          as not found, never guessed.
        </p>
      )}
    </div>
  );
}
