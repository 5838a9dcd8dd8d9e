// The popup's live regions: a polite one for confirmations and an assertive one for failures.
import { useAnnouncement } from './announcer';

export function StatusLine() {
  const current = useAnnouncement();
  const text = (kind: 'status' | 'error') => (current?.kind === kind ? current.text : '');
  return (
    <div class="status-line">
      <p role="status" class="muted" key={`s${current?.at ?? 0}`}>
        {text('status')}
      </p>
      <p role="alert" class="error">
        {text('error')}
      </p>
    </div>
  );
}
