// Bringing highlights in from another highlighter: the chosen files are read on this device (an
// archive opened here, nothing fetched), their format recognised from their content, and a
// preview shown; only "Import" writes, in one transaction, and importing again adds nothing.
import { useState } from 'preact/hooks';
import { ImportRefused, type ImportPlan } from '../../../shared/importers/import-plan';
import { planImport } from '../../../shared/importers/plan-import';
import { readImportFiles } from '../../../shared/importers/read-import-files';
import { getDb } from '../../../storage/database/db';
import { applyImport, type ImportOutcome } from '../../../storage/import/apply-import';
import { counted } from '../../common/format';
import { IndexNotice } from '../../common/IndexNotice';
import { ImportPreview } from './ImportPreview';

type State =
  | { step: 'choose' }
  | { step: 'reading' }
  | { step: 'preview'; plan: ImportPlan; files: string[] }
  | { step: 'writing'; plan: ImportPlan; files: string[] }
  | { step: 'done'; outcome: ImportOutcome }
  | { step: 'refused'; reason: string };

const reasonOf = (error: unknown): string =>
  error instanceof ImportRefused ? error.message : `it could not be read (${String(error)})`;

function describeOutcome(o: ImportOutcome): string {
  const added = `Imported ${counted(o.highlightsAdded, 'highlight', 'highlights')} (${counted(o.pagesAdded, 'new article', 'new articles')}, ${counted(o.tagsAdded, 'new tag', 'new tags')}).`;
  const here =
    o.alreadyHere > 0 ? ` ${counted(o.alreadyHere, 'was', 'were')} already in your library.` : '';
  const next = o.highlightsAdded > 0 ? ' They are placed on your next visit to each article.' : '';
  return `${added}${here}${next}`;
}

export function ForeignImportPanel() {
  const [state, setState] = useState<State>({ step: 'choose' });

  const onFiles = async (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length === 0) return;
    setState({ step: 'reading' });
    try {
      const plan = planImport(await readImportFiles(files), Date.now());
      setState({ step: 'preview', plan, files: files.map((f) => f.name) });
    } catch (error) {
      setState({ step: 'refused', reason: reasonOf(error) });
    }
  };

  const confirm = async (plan: ImportPlan, files: string[]) => {
    setState({ step: 'writing', plan, files });
    try {
      setState({ step: 'done', outcome: await applyImport(getDb(), plan) });
    } catch (error) {
      setState({ step: 'refused', reason: `it could not be written (${String(error)})` });
    }
  };

  const busy = state.step === 'reading' || state.step === 'writing';
  const shown = state.step === 'preview' || state.step === 'writing' ? state : null;
  const plan = shown?.plan ?? null;
  const empty = plan !== null && plan.pages.length === 0;

  return (
    <section aria-labelledby="foreign-import-title" class="card foreign-import">
      <h2 id="foreign-import-title">Import from another highlighter</h2>
      <p class="muted">
        A Hypothesis export, a Readwise CSV or Markdown export, the Obsidian Web Clipper’s
        highlights, or an Omnivore export archive. The files are read on this device; nothing is
        sent or fetched. You see what they hold before anything is saved.
      </p>
      <label class="field" for="foreign-import-file">
        <span>Export file (or the files of one export)</span>
        <input
          id="foreign-import-file"
          type="file"
          multiple
          accept=".json,.csv,.md,.markdown,.zip,.txt,application/json,text/csv,text/markdown,application/zip"
          disabled={busy}
          onChange={(e) => void onFiles(e.currentTarget)}
        />
      </label>
      {state.step === 'reading' && <p role="status">Reading…</p>}
      {shown && <ImportPreview plan={shown.plan} files={shown.files} />}
      {plan && shown && (
        <div class="actions">
          <button
            type="button"
            class="primary"
            disabled={busy || empty}
            onClick={() => void confirm(plan, shown.files)}
          >
            Import
          </button>
          <button type="button" disabled={busy} onClick={() => setState({ step: 'choose' })}>
            Cancel
          </button>
          {empty && <span class="muted">Nothing in this file can be imported.</span>}
        </div>
      )}
      {state.step === 'done' && (
        <p role="status" class="import-ok">
          {describeOutcome(state.outcome)}
        </p>
      )}
      {state.step === 'done' && state.outcome.indexLater && <IndexNotice />}
      {state.step === 'refused' && (
        <p role="alert" class="import-error">
          Nothing was imported: {state.reason}
        </p>
      )}
    </section>
  );
}
