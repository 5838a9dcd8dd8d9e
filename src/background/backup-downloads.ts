// The browser's side of the automatic backup: its alarm, the optional downloads permission, and
// saving the file. Chrome's service worker has no URL.createObjectURL, so there the file goes
// out as a data: URL; Firefox's event page has it, so there it is a Blob URL, released once the
// download is written.
import browser from 'webextension-polyfill';
import { backupDownloadPath } from '../shared/backup-schedule';
import type { BackupPlatform } from './auto-backup';

export const BACKUP_ALARM = 'trailmark-backup';
const TYPE = 'application/json';
/** Bytes per base64 step: a multiple of 3, so the encoded pieces join without padding. */
const BASE64_STEP = 3 * 8192;

/** Download errors (Chrome's and Firefox's codes) in the words the review page shows. */
const ERRORS: Record<string, string> = {
  FILE_NO_SPACE: 'the disk is full',
  FILE_ACCESS_DENIED: 'the downloads folder cannot be written to',
  FILE_TOO_LARGE: 'the file is too large for the disk',
  FILE_NAME_TOO_LONG: 'the path of the downloads folder is too long',
  FILE_FAILED: 'the browser could not write the file',
  USER_CANCELED: 'the download was cancelled',
  USER_SHUTDOWN: 'the browser was closed while saving',
};

async function dataUrl(parts: readonly string[]): Promise<string> {
  const bytes = new Uint8Array(await new Blob([...parts]).arrayBuffer());
  const encoded: string[] = [];
  for (let i = 0; i < bytes.length; i += BASE64_STEP) {
    encoded.push(btoa(String.fromCharCode(...bytes.subarray(i, i + BASE64_STEP))));
  }
  return `data:${TYPE};base64,${encoded.join('')}`;
}

async function fileUrl(parts: readonly string[]): Promise<{ url: string; release: () => void }> {
  if (typeof URL.createObjectURL !== 'function') return { url: await dataUrl(parts), release() {} };
  const url = URL.createObjectURL(new Blob([...parts], { type: TYPE }));
  return { url, release: () => URL.revokeObjectURL(url) };
}

type Outcome = { ok: true } | { ok: false; reason: string };

/**
 * Listens before the download starts, so a download that finishes at once is not missed; the
 * returned promise settles once the download with the given id has finished or failed.
 */
function watchDownloads() {
  const finished = new Map<number, Outcome>();
  let waiting: { id: number; settle: (outcome: Outcome) => void } | null = null;
  const listener = (delta: browser.Downloads.OnChangedDownloadDeltaType) => {
    const state = delta.state?.current;
    if (state !== 'complete' && state !== 'interrupted') return;
    const code = delta.error?.current ?? 'FILE_FAILED';
    const outcome: Outcome =
      state === 'complete' ? { ok: true } : { ok: false, reason: ERRORS[code] ?? code };
    finished.set(delta.id, outcome);
    if (waiting?.id === delta.id) waiting.settle(outcome);
  };
  browser.downloads.onChanged.addListener(listener);
  return {
    until: (id: number) =>
      new Promise<Outcome>((settle) => {
        const known = finished.get(id);
        if (known) settle(known);
        else waiting = { id, settle };
      }),
    stop: () => browser.downloads.onChanged.removeListener(listener),
  };
}

async function save(parts: readonly string[], fileName: string): Promise<void> {
  const { url, release } = await fileUrl(parts);
  const downloads = watchDownloads();
  try {
    const id = await browser.downloads.download({
      url,
      filename: backupDownloadPath(fileName),
      saveAs: false,
      conflictAction: 'uniquify',
    });
    const outcome = await downloads.until(id);
    if (!outcome.ok) throw new Error(outcome.reason);
  } finally {
    downloads.stop();
    release();
  }
}

export const browserBackupPlatform: BackupPlatform = {
  mayDownload: () => browser.permissions.contains({ permissions: ['downloads'] }),
  async arm(when) {
    if (when === null) await browser.alarms.clear(BACKUP_ALARM);
    else await browser.alarms.create(BACKUP_ALARM, { when });
  },
  save,
};
