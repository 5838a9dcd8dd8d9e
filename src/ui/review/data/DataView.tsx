// Backups and storage safety, sync with the reader's own server, then export and import, side
// by side.
import type { GoalRecord } from '../../../shared/types';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { SafetyPanel } from './SafetyPanel';
import { SyncPanel } from './SyncPanel';

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
      <SyncPanel />
      <ExportPanel goals={goals} goalsReady={goalsReady} />
      <ImportPanel />
    </div>
  );
}
