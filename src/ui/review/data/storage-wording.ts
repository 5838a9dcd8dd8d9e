// What the Data view says about whether the browser keeps Trailmark's data. Chromium refuses
// persist() to extension pages, yet never evicts an origin that holds unlimitedStorage; Firefox
// grants persistence to such extensions. The words follow what the browser does, not one flag.

export interface StorageFacts {
  /** navigator.storage.persisted(); null when the browser does not say. */
  persisted: boolean | null;
  /** Whether the unlimitedStorage permission is held. */
  unlimited: boolean;
}

export interface StorageWording {
  text: string;
  /** Whether asking with persist() could change anything the reader cares about. */
  offerToAsk: boolean;
}

const ERASED_ONLY_BY_YOU =
  'Removing the extension or clearing its data still erases it, so keep a backup.';

export function storageWording({ persisted, unlimited }: StorageFacts): StorageWording {
  if (persisted === true)
    return {
      text: `The browser keeps Trailmark’s data even when the disk runs low (persistent storage granted). ${ERASED_ONLY_BY_YOU}`,
      offerToAsk: false,
    };
  if (unlimited)
    return {
      text: `The browser does not clear Trailmark’s data to free space (unlimited storage granted). ${ERASED_ONLY_BY_YOU}`,
      offerToAsk: false,
    };
  if (persisted === false)
    return {
      text: 'The browser may clear Trailmark’s data when the disk runs low.',
      offerToAsk: true,
    };
  return {
    text: 'This browser does not say whether it keeps Trailmark’s data.',
    offerToAsk: false,
  };
}
