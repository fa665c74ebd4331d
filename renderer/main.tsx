import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.tsx';
import { pickLab } from './lab/pick-lab.ts';
import { createLabStore } from './store/create-lab-store.ts';
import { StoreProvider } from './store/store-context.tsx';
import './styles/theme.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/panels.css';
import './styles/lists.css';
import './styles/editors.css';
import './styles/tuning.css';

const { lab, onConnectionChange } = pickLab(window);
const store = createLabStore(lab);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App {...(onConnectionChange ? { watchConnection: onConnectionChange } : {})} />
    </StoreProvider>
  </StrictMode>,
);
