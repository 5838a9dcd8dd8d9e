// The popup: quick search over everything, then two tabs, the page the reader is on (its
// details, highlights and those not found) and their goals.
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { GoalsSection } from './GoalsSection';
import { NotAPage } from './NotAPage';
import { PageSection } from './PageSection';
import { useGoals } from './popup-data';
import { QuickSearch } from './QuickSearch';
import { StatusLine } from './StatusLine';
import { SyncIndicator } from './SyncIndicator';
import type { Startup } from './startup';
import { Tabs } from './Tabs';
import { WipeNotice } from '../common/WipeNotice';

type TabId = 'page' | 'goals';
const TABS = [
  { id: 'page', label: 'This page' },
  { id: 'goals', label: 'Goals' },
] as const;

export function Popup({ startup }: { startup: Startup }) {
  const { active, kind, url } = startup;
  // Read here, not per tab, so switching tabs never shows the pickers without their goals.
  const goals = useGoals();
  const [query, setQuery] = useState('');
  const [tab, setTab] = useState<TabId>('page');
  const [creatingGoal, setCreatingGoal] = useState(false);
  useEffect(() => {
    document.body.dataset.ready = 'true';
  }, []);

  const createGoal = () => {
    setTab('goals');
    setCreatingGoal(true);
  };
  return (
    <main class="popup">
      <h1 class="sr-only">Trailmark</h1>
      <WipeNotice />
      <header class="popup-header">
        <QuickSearch query={query} onQuery={setQuery} />
        <a
          class="button review-link"
          href={browser.runtime.getURL('review.html')}
          target="_blank"
          rel="noopener"
        >
          Review all
        </a>
      </header>
      <SyncIndicator />
      <StatusLine />
      {query.trim() === '' && (
        <Tabs label="Popup sections" tabs={TABS} selected={tab} onSelect={setTab}>
          {tab === 'goals' ? (
            <GoalsSection creating={creatingGoal} onCreating={setCreatingGoal} />
          ) : active && kind === 'web' && url ? (
            <PageSection
              active={active}
              url={url}
              first={startup.view}
              goals={goals.status === 'ready' ? goals.value : null}
              onCreateGoal={createGoal}
            />
          ) : (
            <NotAPage kind={kind === 'web' ? null : kind} />
          )}
        </Tabs>
      )}
    </main>
  );
}
