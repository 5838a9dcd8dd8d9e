// Export and import, side by side.
import type { GoalRecord } from '../../../shared/types';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';

export function DataView({ goals }: { goals: readonly GoalRecord[] }) {
  return (
    <div class="data">
      <ExportPanel goals={goals} />
      <ImportPanel />
    </div>
  );
}
