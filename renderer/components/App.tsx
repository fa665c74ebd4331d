import { useEffect } from 'react';
import { useLab } from '../store/store-context.tsx';
import { ConnectionNotice, RunErrorBanner, type ConnectionWatch } from './Notices.tsx';
import { Toolbar } from './Toolbar.tsx';
import { ActiveView, ViewTabs } from './ViewTabs.tsx';

/** The app: loads the examples once, then shows the dashboard. `data-app-state` is the end-to-end tests' cue. */
export function App({ watchConnection }: { watchConnection?: ConnectionWatch }) {
  const appState = useLab((s) => s.appState);
  const loadError = useLab((s) => s.loadError);
  const initialise = useLab((s) => s.initialise);
  const dispose = useLab((s) => s.dispose);
  useEffect(() => {
    void initialise();
    return dispose;
  }, [initialise, dispose]);

  return (
    <div className="app" data-app-state={appState} data-testid="app">
      <Toolbar />
      <ConnectionNotice watch={watchConnection} />
      <RunErrorBanner />
      {appState === 'loading' && (
        <p className="loading" role="status">
          Loading the examples…
        </p>
      )}
      {appState === 'error' && (
        <div className="banner banner-error" role="alert" data-testid="load-error">
          {loadError}
        </div>
      )}
      {appState === 'ready' && <ViewTabs />}
      {appState === 'ready' && <ActiveView />}
    </div>
  );
}
