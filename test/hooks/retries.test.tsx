import { QueryClient } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { RecordingServiceProvider, useRecordings } from '../../hooks';
import { PROGRAMS, setupNetwork, testConfig } from './write/harness';

const { server, seen } = setupNetwork();

describe('retries', () => {
  it("should spend only the client's retry budget, even in an app QueryClient with react-query's default retries", async () => {
    server.use(http.get(PROGRAMS, () => HttpResponse.json({ message: 'down' }, { status: 503 })));
    // An app's QueryClient as apps make them: react-query retries failed queries 3 times by default.
    const appQueryClient = new QueryClient();
    const config = testConfig({ retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 } });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <RecordingServiceProvider config={config} queryClient={appQueryClient}>
        {children}
      </RecordingServiceProvider>
    );
    const { result } = renderHook(() => useRecordings(), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true), { timeout: 10_000 });
    expect(result.current.error).toMatchObject({ kind: 'http', status: 503 });
    // One try and two retries by the client; without the provider's default, react-query's 3 retries
    // would have multiplied this to 12.
    expect(seen.filter((request) => request.method === 'GET')).toHaveLength(3);
    appQueryClient.clear();
  });

  it('should still honour a retry option given to the hook', async () => {
    server.use(http.get(PROGRAMS, () => HttpResponse.json({ message: 'down' }, { status: 503 })));
    const config = testConfig({ retry: { attempts: 0 } });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <RecordingServiceProvider config={config} queryClient={new QueryClient()}>
        {children}
      </RecordingServiceProvider>
    );
    const { result } = renderHook(() => useRecordings({}, { retry: 1, retryDelay: 1 }), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true), { timeout: 10_000 });
    expect(seen.filter((request) => request.method === 'GET')).toHaveLength(2);
  });
});
