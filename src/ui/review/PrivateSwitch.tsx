// The "Private" switch of one tag: a private tag is never printed in an export (the evidence
// pack, the 1:1 brief, the Web Annotations); the full backup keeps it. Archetypes get none: they
// name the columns of every mix, which an export cannot leave out.
import type { TagRecord } from '../../shared/types';
import { getDb } from '../../storage/database/db';
import { setTagPrivate } from '../../storage/records/tags';

interface Props {
  tag: TagRecord;
  onStatus?: (message: string) => void;
}

export const canBePrivate = (tag: TagRecord): boolean => tag.kind !== 'archetype';

export function PrivateSwitch({ tag, onStatus }: Props) {
  const on = tag.private === true;
  const toggle = () =>
    setTagPrivate(getDb(), tag.id, !on).then(
      () => onStatus?.(on ? `${tag.name} is shown in exports.` : `${tag.name} is private.`),
      (error: unknown) => onStatus?.(`Could not save: ${String(error)}`),
    );
  return (
    <button
      type="button"
      role="switch"
      class="private-switch"
      aria-checked={on}
      aria-label={`Private: ${tag.name}`}
      title={on ? 'Never printed in an export' : 'Printed in exports'}
      onClick={() => void toggle()}
    >
      <span class="switch-track" aria-hidden="true">
        <span class="switch-thumb" />
      </span>
      Private
    </button>
  );
}
