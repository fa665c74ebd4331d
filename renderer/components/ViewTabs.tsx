import type { KeyboardEvent } from 'react';
import { useLab } from '../store/store-context.tsx';
import { EditorView } from '../editors/EditorView.tsx';
import type { AppView } from '../store/tuning-view.ts';
import { CompareView } from '../tuning/CompareView.tsx';
import { HistoryView } from '../tuning/HistoryView.tsx';
import { RecommendView } from '../tuning/RecommendView.tsx';
import { Dashboard } from './Dashboard.tsx';

/** The views, in tab order. */
const TABS: Array<{ view: AppView; label: string }> = [
  { view: 'dashboard', label: 'Dashboard' },
  { view: 'editor', label: 'Editor' },
  { view: 'history', label: 'History' },
  { view: 'compare', label: 'Compare' },
  { view: 'recommend', label: 'Recommend' },
];

const PANEL_ID = 'view-panel';

/** The tab bar that switches between the app's views; arrow keys move between tabs. */
export function ViewTabs() {
  const view = useLab((s) => s.view);
  const setView = useLab((s) => s.setView);
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const index = TABS.findIndex((t) => t.view === view);
    const next = TABS[(index + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setView(next.view);
    document.getElementById(`tab-${next.view}`)?.focus();
  };
  return (
    <nav className="view-tabs" role="tablist" aria-label="Views" data-testid="view-tabs">
      {TABS.map((tab) => (
        <button
          key={tab.view}
          id={`tab-${tab.view}`}
          type="button"
          role="tab"
          aria-selected={view === tab.view}
          aria-controls={PANEL_ID}
          tabIndex={view === tab.view ? 0 : -1}
          className={view === tab.view ? 'view-tab selected' : 'view-tab'}
          onClick={() => setView(tab.view)}
          onKeyDown={onKeyDown}
          data-testid={`tab-${tab.view}`}
        >
          {tab.label}
        </button>
      ))}
    </nav>
  );
}

/** The selected view. */
export function ActiveView() {
  const view = useLab((s) => s.view);
  return (
    <div id={PANEL_ID} role="tabpanel" aria-labelledby={`tab-${view}`} data-view={view}>
      {view === 'dashboard' && <Dashboard />}
      {view === 'editor' && <EditorView />}
      {view === 'history' && <HistoryView />}
      {view === 'compare' && <CompareView />}
      {view === 'recommend' && <RecommendView />}
    </div>
  );
}
