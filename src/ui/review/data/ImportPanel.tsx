// Bringing a JSON backup in: the file is checked record by record first, then merged in one
// transaction; a bad file is refused with what and where, and nothing changes.
import { useState } from 'preact/hooks';
import {
  importBackup,
  ImportError,
  type ImportSummary,
} from '../../../storage/backup/backup-import';
import { getDb } from '../../../storage/database/db';
import { IndexNotice } from '../../common/IndexNotice';
import { Progress } from './Progress';

type Outcome = { ok: true; text: string } | { ok: false; text: string } | null;

const describe = (summary: ImportSummary): string => {
  const read = Object.values(summary.read).reduce((a, b) => a + b, 0);
  return `Imported ${read.toLocaleString()} records: ${summary.added.toLocaleString()} new, ${summary.updated.toLocaleString()} updated, the rest already here.`;
};

export function ImportPanel() {
  const [progress, setProgress] = useState<{ label: string; value: number } | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setOutcome(null);
    try {
      const summary = await importBackup(getDb(), file, {
        onProgress: (p) =>
          setProgress({
            label: 'Checking and importing',
            value: p.bytes / Math.max(1, p.totalBytes),
          }),
      });
      setOutcome({ ok: true, text: describe(summary) });
    } catch (error) {
      const reason = error instanceof ImportError ? error.message : String(error);
      setOutcome({ ok: false, text: `Nothing was imported: ${reason}` });
    } finally {
      setProgress(null);
      input.value = '';
    }
  };

  return (
    <section aria-labelledby="import-title" class="card">
      <h2 id="import-title">Import a backup</h2>
      <p class="muted">
        A JSON backup from this or an older Trailmark. It is merged into your library: nothing is
        added twice, and a record you changed since is kept.
      </p>
      <label class="field" for="import-file">
        <span>Backup file</span>
        <input
          id="import-file"
          type="file"
          accept=".json,application/json"
          disabled={progress !== null}
          onChange={(e) => void onFile(e.currentTarget)}
        />
      </label>
      <Progress
        id="import-progress"
        label={progress?.label ?? ''}
        value={progress?.value ?? null}
      />
      {outcome?.ok && <IndexNotice />}
      {outcome && (
        <p role={outcome.ok ? 'status' : 'alert'} class={outcome.ok ? 'import-ok' : 'import-error'}>
          {outcome.text}
        </p>
      )}
    </section>
  );
}
