import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { readScenario } from './scenario';

const scenario = readScenario(location.hash);
if (scenario.cookie) document.cookie = scenario.cookie;

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App scenario={scenario} />
  </StrictMode>,
);
