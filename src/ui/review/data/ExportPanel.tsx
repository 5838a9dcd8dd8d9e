// Getting the reading out: the evidence pack in Markdown for chosen goals and a period, the 1:1
// brief of one goal, the full JSON backup, and every highlight as W3C Web Annotations. Each is built a batch at a time, with
// progress, and saved as a download.
import { useState } from 'preact/hooks';
import type { GoalRecord } from '../../../shared/types';
import { markerStore } from '../../../shared/canary-marker';
import { backupFileName, exportBackupBlob } from '../../../storage/backup/backup-export';
import { recordBackup } from '../../../storage/database/canary';
import { getDb } from '../../../storage/database/db';
import { ALL_TIME, type Period } from '../../../storage/records/evidence';
import { annotationsFileName, exportAnnotations } from '../../../storage/backup/export-annotations';
import { exportEvidencePack, packFileName } from '../../../storage/backup/export-markdown';
import { downloadParts } from '../../common/download';
import { periodLabel } from '../dates';
import { PeriodPicker } from '../PeriodPicker';
import { BriefExport } from './BriefExport';
import { Progress } from './Progress';

type Job = (onProgress: (fraction: number) => void) => Promise<{ name: string; blob: Blob }>;

const size = (bytes: number) =>
  bytes > 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(bytes / 1e3)} kB`;

function useJob() {
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState('');
  const run = async (job: Job) => {
    setProgress(0);
    setMessage('');
    try {
      const { name, blob } = await job(setProgress);
      setMessage(`Saved ${name} (${size(blob.size)}).`);
    } catch (error) {
      setMessage(`Export failed: ${String(error)}`);
    } finally {
      setProgress(null);
    }
  };
  return { progress, message, run, busy: progress !== null };
}

/**
 * Which goals go into the pack: every active goal unless the reader unticked it, every other
 * one only once ticked. Only the reader's own choices are kept, so goals that arrive later —
 * read after the panel opened (a direct load of #data), or brought by an import — are ticked
 * by the same rule instead of being left out of a pack that would then be silently empty.
 */
function useChosenGoals() {
  const [picked, setPicked] = useState<ReadonlyMap<string, boolean>>(new Map());
  const isChosen = (goal: GoalRecord) => picked.get(goal.id) ?? goal.status === 'active';
  // From the latest choices, not the ones this render saw: several ticks before the next
  // render (a script, a fast keyboard) must all count.
  const toggle = (id: string, on: boolean) =>
    setPicked((previous) => new Map(previous).set(id, on));
  return { isChosen, toggle };
}

export function ExportPanel({
  goals,
  goalsReady,
}: {
  goals: readonly GoalRecord[];
  goalsReady: boolean;
}) {
  const db = getDb();
  const { isChosen, toggle } = useChosenGoals();
  const [period, setPeriod] = useState<Period>(ALL_TIME);
  const [other, setOther] = useState(false);
  const job = useJob();

  const pack: Job = async (onProgress) => {
    const now = Date.now();
    const parts = await exportEvidencePack(db, {
      goalIds: goals.filter(isChosen).map((g) => g.id),
      period,
      periodLabel: periodLabel(period),
      includeOtherReading: other,
      now,
      onProgress: (done, total) => onProgress(done / Math.max(1, total)),
    });
    const name = packFileName(now);
    return { name, blob: downloadParts(parts, name, 'text/markdown') };
  };
  const backup: Job = async (onProgress) => {
    const now = Date.now();
    const file = await exportBackupBlob(db, {
      now,
      onProgress: (p) => onProgress(p.records / Math.max(1, p.total)),
    });
    const name = backupFileName(now);
    const blob = downloadParts([file], name, file.type);
    await recordBackup(db, markerStore, now);
    return { name, blob };
  };
  const annotations: Job = async (onProgress) => {
    const now = Date.now();
    const parts = await exportAnnotations(db, {
      now,
      onProgress: (done, total) => onProgress(done / Math.max(1, total)),
    });
    const name = annotationsFileName(now);
    return { name, blob: downloadParts(parts, name, 'application/ld+json') };
  };

  return (
    <section aria-labelledby="export-title" class="card">
      <h2 id="export-title">Export</h2>
      <fieldset>
        <legend>Evidence pack (Markdown, for a 1:1 or a promotion packet)</legend>
        {goalsReady && goals.length === 0 && (
          <p class="muted">No goals yet: the pack can hold your other reading.</p>
        )}
        {goals.map((g) => (
          <label key={g.id} class="choice">
            <input
              type="checkbox"
              checked={isChosen(g)}
              onChange={(e) => toggle(g.id, e.currentTarget.checked)}
            />
            {g.title} <span class="muted">({g.status})</span>
          </label>
        ))}
        <PeriodPicker id="pack-period" period={period} onChange={setPeriod} />
        <label class="choice">
          <input
            type="checkbox"
            checked={other}
            onChange={(e) => setOther(e.currentTarget.checked)}
          />
          Include highlights not linked to these goals
        </label>
        <button
          type="button"
          class="primary"
          disabled={job.busy || !goalsReady}
          onClick={() => void job.run(pack)}
        >
          Download evidence pack
        </button>
      </fieldset>
      {goalsReady && <BriefExport goals={goals} />}
      <div class="actions">
        <button type="button" disabled={job.busy} onClick={() => void job.run(backup)}>
          Download full backup (JSON)
        </button>
        <button type="button" disabled={job.busy} onClick={() => void job.run(annotations)}>
          Download Web Annotations (JSON-LD)
        </button>
      </div>
      <Progress id="export-progress" label="Exporting" value={job.progress} />
      <p role="status" class="export-message">
        {job.message}
      </p>
    </section>
  );
}
