// Backups and storage safety, then export and import, side by side.
import type { GoalRecord } from '../../../shared/types';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { SafetyPanel } from './SafetyPanel';

export function DataView({ goals }: { goals: readonly GoalRecord[] }) {
  return (
    <div class="data">
      <SafetyPanel />
      <ExportPanel goals={goals} />
      <ImportPanel />
    </div>
  );
}
