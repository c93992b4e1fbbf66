import { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { App, type SsrState } from './App';

declare global {
  interface Window {
    __RRS_SSR__: SsrState;
  }
}

hydrateRoot(
  document.getElementById('root') as HTMLElement,
  <StrictMode>
    <App queryClient={new QueryClient()} state={window.__RRS_SSR__} />
  </StrictMode>,
  { onRecoverableError: (error) => console.error('recoverable', error) },
);
