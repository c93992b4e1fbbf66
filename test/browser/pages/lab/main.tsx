import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { readScenario } from './scenario';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App scenario={readScenario(location.hash)} />
  </StrictMode>,
);
