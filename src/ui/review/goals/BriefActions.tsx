// The 1:1 brief of a goal: downloaded as Markdown, or opened as a page made for printing.
import browser from 'webextension-polyfill';
import { useState } from 'preact/hooks';
import type { GoalRecord } from '../../../shared/types';
import { isoDay } from '../../../shared/markdown';
import { getDb } from '../../../storage/database/db';
import { briefMarkdown } from '../../../storage/backup/brief-data';
import { downloadParts } from '../../common/download';

const fileName = (goal: GoalRecord) =>
  `trailmark-brief-${
    goal.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'goal'
  }-${isoDay(Date.now())}.md`;

/** The printable brief of these goals, one per page. */
export const briefPageUrl = (goalIds: readonly string[]): string =>
  `brief.html?${goalIds.map((id) => `goal=${encodeURIComponent(id)}`).join('&')}`;

export function BriefActions({ goal }: { goal: GoalRecord }) {
  const [status, setStatus] = useState('');
  const download = () =>
    briefMarkdown(getDb(), goal.id).then(
      (text) => {
        downloadParts([text], fileName(goal), 'text/markdown');
        setStatus('Brief downloaded.');
      },
      (e: unknown) => setStatus(`Could not write the brief: ${String(e)}`),
    );
  const print = () =>
    void browser.tabs.create({ url: browser.runtime.getURL(briefPageUrl([goal.id])) });
  return (
    <div class="brief-actions">
      <button type="button" class="primary" onClick={() => void download()}>
        Download 1:1 brief
      </button>
      <button type="button" onClick={print}>
        Print 1:1 brief
      </button>
      <span role="status" class="muted">
        {status}
      </span>
    </div>
  );
}
