// The live data the popup's parts read: the tab it is about, the page's view and the goals.
// Each is its own live query, so the page's highlights render without waiting for the goals.
import { useEffect, useState } from 'preact/hooks';
import { getDb } from '../../storage/db';
import { goalSummaries } from '../../storage/goal-summaries';
import { listGoals } from '../../storage/goals';
import { popupPage } from '../../storage/popup-page';
import { findActivePage, type ActivePage } from '../common/active-page';
import { useLive } from '../common/use-live';

/** undefined while looking, null when the popup is not over a tab with a URL. */
export function useActivePage(): ActivePage | null | undefined {
  const [active, setActive] = useState<ActivePage | null | undefined>(undefined);
  useEffect(() => {
    void findActivePage().then(setActive, () => setActive(null));
  }, []);
  return active;
}

export const usePopupPage = (url: string) => useLive(() => popupPage(getDb(), url), [url]);

export const useGoals = () => useLive(() => listGoals(getDb()), []);

export const useGoalSummaries = () => useLive(() => goalSummaries(getDb()), []);
