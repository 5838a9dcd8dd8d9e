// How safe the reader's data is: whether the browser promised to keep it, how much it uses,
// and when the last backup was made — with a nudge and a one-click backup when it is old — and
// the optional automatic backup on a schedule.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { markerStore } from '../../../shared/canary-marker';
import { backupFileName, exportBackup } from '../../../storage/backup/backup-export';
import { lastBackupAt, recordBackup } from '../../../storage/database/canary';
import { getDb } from '../../../storage/database/db';
import { downloadParts } from '../../common/download';
import { fullDate } from '../../common/format';
import { useLive } from '../../common/use-live';
import { AutoBackup } from './AutoBackup';
import { storageWording, type StorageFacts as Keeping } from './storage-wording';

/** Days after which the page nudges for a new backup. */
export const BACKUP_NUDGE_DAYS = 7;
const DAY_MS = 24 * 3600e3;

interface StorageFacts extends Keeping {
  usage: number | null;
}

async function readStorageFacts(): Promise<StorageFacts> {
  const storage = navigator.storage as StorageManager | undefined;
  const persisted = storage?.persisted ? await storage.persisted() : null;
  const usage = storage?.estimate ? ((await storage.estimate()).usage ?? null) : null;
  const unlimited = await browser.permissions
    .contains({ permissions: ['unlimitedStorage'] })
    .catch(() => false);
  return { persisted, unlimited, usage };
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function backUpNow(now = Date.now()): Promise<void> {
  const db = getDb();
  const parts = await exportBackup(db, { now });
  downloadParts(parts, backupFileName(now), 'application/json');
  await recordBackup(db, markerStore, now);
}

function BackupLine() {
  const last = useLive(() => lastBackupAt(getDb()), []);
  const [busy, setBusy] = useState(false);
  if (last.status !== 'ready') return null;
  const age = last.value === null ? null : Math.floor((Date.now() - last.value) / DAY_MS);
  const stale = age === null || age >= BACKUP_NUDGE_DAYS;
  const run = () => {
    setBusy(true);
    void backUpNow().finally(() => setBusy(false));
  };
  return (
    <p class={stale ? 'nudge' : undefined} data-testid="last-backup">
      {last.value === null
        ? 'No backup yet. A backup is one JSON file you can import here or on another computer.'
        : `Last backup: ${fullDate(last.value)}${stale ? ` — ${age} days ago, time for a new one.` : '.'}`}{' '}
      <button type="button" class={stale ? 'primary' : undefined} disabled={busy} onClick={run}>
        {busy ? 'Backing up…' : 'Back up now'}
      </button>
    </p>
  );
}

function StorageLine({ facts, onAsk }: { facts: StorageFacts; onAsk: () => void }) {
  const { text, offerToAsk } = storageWording(facts);
  return (
    <p data-testid="storage-status">
      {text}
      {facts.usage !== null && ` ${megabytes(facts.usage)} used.`}{' '}
      {offerToAsk && (
        <button type="button" onClick={onAsk}>
          Ask the browser to keep it
        </button>
      )}
    </p>
  );
}

export function SafetyPanel() {
  const [facts, setFacts] = useState<StorageFacts | null>(null);
  useEffect(() => {
    // Ask once on its own: Firefox grants it silently to extensions with unlimitedStorage.
    void (navigator.storage?.persist?.() ?? Promise.resolve(false))
      .catch(() => false)
      .then(() => readStorageFacts())
      .then(setFacts);
  }, []);
  const askToKeep = () => {
    void navigator.storage
      ?.persist?.()
      .then(() => readStorageFacts())
      .then(setFacts);
  };
  return (
    <section class="card safety" aria-labelledby="safety-title">
      <h2 id="safety-title">Keeping your data safe</h2>
      <BackupLine />
      <AutoBackup />
      {facts && <StorageLine facts={facts} onAsk={askToKeep} />}
    </section>
  );
}
