// Says at once, in the popup and the review page, when the browser erased Trailmark's database
// behind the reader's back, and points to the last backup to restore from.
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { markerStore, type CanaryMarker } from '../../shared/canary-marker';
import { checkCanary, dismissWipe } from '../../storage/database/canary';
import { getDb } from '../../storage/database/db';
import { fullDate } from './format';

export function WipeNotice() {
  const [marker, setMarker] = useState<CanaryMarker | null>(null);
  useEffect(() => {
    // Checked here too, so a wipe shows the first time the reader looks, not half an hour later.
    void checkCanary(getDb(), markerStore)
      .then(() => markerStore.get())
      .then(setMarker, () => setMarker(null));
  }, []);
  if (!marker?.wipedAt) return null;

  const dismiss = () =>
    void dismissWipe(markerStore).then(() => setMarker({ ...marker, wipedAt: null }));
  return (
    <section class="card wipe-notice" role="alert" aria-labelledby="wipe-title">
      <h2 id="wipe-title">Your saved reading was erased</h2>
      <p>
        On {fullDate(marker.wipedAt)} Trailmark found its database empty: the browser removed it
        (storage cleared or evicted).{' '}
        {marker.lastBackupAt
          ? `Your last backup is from ${fullDate(marker.lastBackupAt)}: restore it in Review → Data → Import.`
          : 'No backup had been made. From now on, keep one from Review → Data.'}
      </p>
      <p class="row">
        <a
          class="button primary"
          href={browser.runtime.getURL('review.html#data')}
          target="_blank"
          rel="noopener"
        >
          Restore from a backup
        </a>{' '}
        <button type="button" onClick={dismiss}>
          Dismiss
        </button>
      </p>
    </section>
  );
}
