// Where the reader's own tags are managed for export: each with its "Private" switch, so a tag
// like "Salary talk" stays on their machine when the pack or the brief goes to someone else.
import { useState } from 'preact/hooks';
import type { TagRecord } from '../../../shared/types';
import { canBePrivate, PrivateSwitch } from '../PrivateSwitch';

export function PrivateTags({ tags }: { tags: readonly TagRecord[] }) {
  const [status, setStatus] = useState('');
  const own = tags.filter(canBePrivate);
  return (
    <section aria-labelledby="tags-title" class="card private-tags">
      <h2 id="tags-title">Tags</h2>
      <p class="muted">
        A private tag is never printed in an export: not in the evidence pack, the 1:1 brief or the
        Web Annotations. The full backup keeps it. Archetypes are always shown: every mix is written
        in them.
      </p>
      {own.length === 0 ? (
        <p class="muted">No tags of your own yet. Add one from the page toolbar or the popup.</p>
      ) : (
        <ul class="tag-list">
          {own.map((tag) => (
            <li key={tag.id} data-tag-id={tag.id}>
              <span class="swatch" style={{ background: tag.color }} aria-hidden="true" />
              <span class="tag-name">{tag.name}</span>
              <PrivateSwitch tag={tag} onStatus={setStatus} />
            </li>
          ))}
        </ul>
      )}
      <p role="status" class="muted">
        {status}
      </p>
    </section>
  );
}
