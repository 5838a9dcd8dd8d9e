// Backups and storage safety, sync with the reader's own server, then export, which tags stay
// private, and import (a backup, or another highlighter's export), side by side.
import type { GoalRecord, TagRecord } from '../../../shared/types';
import { ExportPanel } from './ExportPanel';
import { ForeignImportPanel } from './ForeignImportPanel';
import { ImportPanel } from './ImportPanel';
import { PrivateTags } from './PrivateTags';
import { SafetyPanel } from './SafetyPanel';
import { SyncPanel } from './SyncPanel';

export function DataView({
  goals,
  goalsReady,
  tags,
}: {
  goals: readonly GoalRecord[];
  tags: readonly TagRecord[];
  /** False until the goals are read: the pack is not offered before it can hold them. */
  goalsReady: boolean;
}) {
  return (
    <div class="data">
      <SafetyPanel />
      <SyncPanel />
      <ExportPanel goals={goals} goalsReady={goalsReady} />
      <PrivateTags tags={tags} />
      <ImportPanel />
      <ForeignImportPanel />
    </div>
  );
}
