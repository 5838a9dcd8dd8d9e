// Backups and storage safety, then export and import (a backup, or another highlighter's export), side by side.
import type { GoalRecord } from '../../../shared/types';
import { ExportPanel } from './ExportPanel';
import { ForeignImportPanel } from './ForeignImportPanel';
import { ImportPanel } from './ImportPanel';
import { SafetyPanel } from './SafetyPanel';

export function DataView({
  goals,
  goalsReady,
}: {
  goals: readonly GoalRecord[];
  /** False until the goals are read: the pack is not offered before it can hold them. */
  goalsReady: boolean;
}) {
  return (
    <div class="data">
      <SafetyPanel />
      <ExportPanel goals={goals} goalsReady={goalsReady} />
      <ImportPanel />
      <ForeignImportPanel />
    </div>
  );
}
