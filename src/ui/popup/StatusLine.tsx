// The popup's live regions: a polite one for confirmations and an assertive one for failures.
import { useAnnouncement } from './announcer';

export function StatusLine() {
  const current = useAnnouncement();
  const text = (kind: 'status' | 'error') => (current?.kind === kind ? current.text : '');
  return (
    <div class="status-line">
      {/* Confirmations float over the bottom edge and fade, so they never push the list down. */}
      <p role="status" class="toast" key={`s${current?.at ?? 0}`}>
        {text('status')}
      </p>
      <p role="alert" class="error">
        {text('error')}
      </p>
    </div>
  );
}
