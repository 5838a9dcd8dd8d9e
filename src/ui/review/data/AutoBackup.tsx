// Turning the automatic backup on or off, and seeing when it runs next and how the last run went.
// Saving to the downloads folder needs the optional downloads permission, which the browser only
// lets a page ask for while handling the reader's click, so the request starts in the handler.
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import {
  BACKUP_FOLDER,
  BACKUP_INTERVALS,
  type AutoBackupState,
  type BackupInterval,
} from '../../../shared/backup-schedule';
import { readAutoBackup } from '../../../storage/backup/auto-backup-state';
import { getDb } from '../../../storage/database/db';
import { askBackground } from '../../../shared/ask-background';
import { fullDate } from '../../common/format';
import { useLive } from '../../common/use-live';

const LABELS: Record<BackupInterval, string> = { daily: 'Every day', weekly: 'Every week' };
const downloads = (): browser.Permissions.Permissions => ({ permissions: ['downloads'] });

export const REFUSED =
  'Automatic backup stays off: the browser did not allow Trailmark to save files to your downloads folder.';

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function LastRun({ state }: { state: AutoBackupState }) {
  const run = state.lastRun;
  if (!run) return null;
  if (run.ok) {
    return (
      <p data-testid="auto-backup-last">
        Last automatic backup: {fullDate(run.at)}, saved as {BACKUP_FOLDER}/{run.fileName} in your
        downloads folder.
      </p>
    );
  }
  return (
    <p data-testid="auto-backup-last" class="import-error">
      The automatic backup of {fullDate(run.at)} failed: {run.reason}
    </p>
  );
}

/** Runs a change of schedule, keeping the box showing what was asked until it is settled. */
function useScheduleChange() {
  const [pending, setPending] = useState<boolean | null>(null);
  const [problem, setProblem] = useState('');
  const change = (wanted: boolean, work: Promise<string>) => {
    setPending(wanted);
    setProblem('');
    void work
      .then(setProblem, (error: unknown) => setProblem(`Could not change it: ${reasonOf(error)}`))
      .finally(() => setPending(null));
  };
  return { pending, problem, change };
}

export function AutoBackup() {
  const live = useLive(() => readAutoBackup(getDb()), []);
  const [choice, setChoice] = useState<BackupInterval>('weekly');
  const { pending, problem, change } = useScheduleChange();
  if (live.status !== 'ready') return null;
  const state = live.value;
  const on = state.interval !== null;
  const interval = state.interval ?? choice;

  const schedule = async (next: BackupInterval | null): Promise<string> => {
    await askBackground('backup.schedule', { interval: next });
    return '';
  };
  const turnOn = () => {
    // No await before this call: the browser shows its prompt only inside the click.
    const asked = browser.permissions.request(downloads());
    change(
      true,
      asked.then((granted) => (granted ? schedule(interval) : REFUSED)),
    );
  };
  const turnOff = () => {
    // Nothing needs the permission once the schedule is off; give it back.
    change(
      false,
      schedule(null).then(async () => {
        await browser.permissions.remove(downloads());
        return '';
      }),
    );
  };
  const pick = (next: BackupInterval) => {
    setChoice(next);
    if (on) change(true, schedule(next));
  };

  return (
    <fieldset class="auto-backup" data-testid="auto-backup">
      <legend>Automatic backup</legend>
      <label class="choice">
        <input
          type="checkbox"
          checked={pending ?? on}
          disabled={pending !== null}
          onChange={(e) => (e.currentTarget.checked ? turnOn() : turnOff())}
        />
        Back up automatically to the {BACKUP_FOLDER} folder in your downloads
      </label>
      <label class="choice">
        How often
        <select
          value={interval}
          disabled={pending !== null}
          onChange={(e) => pick(e.currentTarget.value as BackupInterval)}
        >
          {BACKUP_INTERVALS.map((value) => (
            <option key={value} value={value}>
              {LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <div role="status">
        {on && state.nextAt !== null && (
          <p data-testid="auto-backup-next">Next automatic backup: {fullDate(state.nextAt)}.</p>
        )}
        <LastRun state={state} />
        {problem && <p class="import-error">{problem}</p>}
      </div>
    </fieldset>
  );
}
