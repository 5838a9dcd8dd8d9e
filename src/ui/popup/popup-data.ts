// The live data the popup's parts read: the page's view and the goals. Each is its own live
// query, so the page's highlights render without waiting for the goals.
import { getDb } from '../../storage/database/db';
import { goalSummaries } from '../../storage/records/goal-summaries';
import { listGoals } from '../../storage/records/goals';
import { popupPage, type PopupPage } from '../../storage/records/popup-page';
import { useLive, type Live } from '../common/use-live';

/** The page's live view, showing the view read at startup until the live query answers. */
export function usePopupPage(url: string, first: PopupPage | null): Live<PopupPage> {
  const live = useLive(() => popupPage(getDb(), url), [url]);
  return live.status === 'loading' && first ? { status: 'ready', value: first } : live;
}

export const useGoals = () => useLive(() => listGoals(getDb()), []);

export const useGoalSummaries = () => useLive(() => goalSummaries(getDb()), []);
