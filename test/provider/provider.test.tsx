import { useRecordingSession } from '../../hooks/useRecordingSession';
import { useRecordingClient } from '../../hooks/useRecordingClient';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import * as api from '../../hooks/index';
import { useRecordingService } from '../../hooks/useRecordingService';
import { useRecordings } from '../../hooks/useRecordings';
import type { RecordingContext } from '../../src/core/context';
import type { RecordingServiceConfig } from '../../src/core/config';
import { recordingKeys } from '../../src/react/keys';
import { RecordingServiceProvider } from '../../src/react/provider';
import { createTestQueryClient, TEST_RECORDING_CONFIG } from '../../src/testing/TestProvider';
import { AUTH_URL, emulatorCalls, serveEmulator, startServer } from '../hooks/read/harness';
import { createRecordingEmulator } from '../../src/emulator/index';
import { recordingServiceHandlers } from '../../src/testing/msw';
import { useComponentService } from '../../components/internal/useComponentService';

const { server, seen } = startServer();

function providerWrapper(props: {
  config?: Partial<RecordingServiceConfig>;
  queryClient?: QueryClient;
  onSessionExpired?: () => void;
}) {
  return ({ children }: { children: ReactNode }) => (
    <RecordingServiceProvider
      config={{ ...TEST_RECORDING_CONFIG, ...props.config }}
      queryClient={props.queryClient}
      onSessionExpired={props.onSessionExpired}
    >
      {children}
    </RecordingServiceProvider>
  );
}

describe('useRecordingService', () => {
  it('should throw outside the provider, naming the caller and the provider', () => {
    expect(() => renderHook(() => useRecordingService())).toThrow(
      /useRecordingService\(\) must be used inside <RecordingServiceProvider>/,
    );
    expect(() => renderHook(() => useRecordings())).toThrow(
      /useRecordings\(\) must be used inside <RecordingServiceProvider>/,
    );
  });

  it('should make every hook name itself when used outside the provider', () => {
    const hooks = Object.entries(api as Record<string, unknown>).filter(
      ([name, value]) => /^use[A-Z]/.test(name) && typeof value === 'function',
    ) as Array<[string, (...args: string[]) => unknown]>;
    expect(hooks.length).toBeGreaterThan(30);
    for (const [name, hook] of hooks) {
      // useRecordingService's own parameter is the caller's name.
      const args = name === 'useRecordingService' ? [] : ['p1', 's1'];
      expect(() => renderHook(() => hook(...args)), name).toThrow(
        new RegExp(`^${name}\\(\\) must be used inside <RecordingServiceProvider>`),
      );
    }
  });

  it('should give the context, the resolved config and English messages by default', () => {
    const { result } = renderHook(() => useComponentService('test'), { wrapper: providerWrapper({}) });
    expect(result.current.config).toMatchObject({ host: 'recordings.test', port: 443, tenantId: 'default' });
    expect(result.current.messages.loading).toBe('Loading…');
    expect(result.current.messages.signedInAs('ada')).toBe('Signed in as ada');
    // The context value holds no session (its consumers would re-render on sign-in); the store has it.
    expect(result.current).not.toHaveProperty('session');
    expect(result.current.context.sessionStore.getState()).toEqual({ status: 'guest' });
  });

  it('should merge the given messages over the defaults', () => {
    const messages = { loading: 'Chargement…' };
    const { result } = renderHook(() => useComponentService('test'), {
      wrapper: ({ children }) => (
        <RecordingServiceProvider config={TEST_RECORDING_CONFIG} messages={messages}>
          {children}
        </RecordingServiceProvider>
      ),
    });
    expect(result.current.messages.loading).toBe('Chargement…');
    expect(result.current.messages.retry).toBe('Try again');
  });
});

describe('RecordingServiceProvider', () => {
  it('should keep its client across re-renders with an equal config and rebuild it when the host changes', async () => {
    const first = createRecordingEmulator();
    const second = createRecordingEmulator({ seed: 'empty' });
    server.use(
      ...recordingServiceHandlers(first, { baseUrl: 'https://recordings.test' }),
      ...recordingServiceHandlers(second, { baseUrl: 'https://other.test' }),
    );
    const queryClient = createTestQueryClient();
    const clients: RecordingContext[] = [];
    function Probe() {
      const { context: client } = useRecordingService();
      const { data } = useRecordings({ count: 1 });
      if (clients.at(-1) !== client) clients.push(client);
      return <p>{data ? `total ${data.totalItemCount}` : 'loading'}</p>;
    }
    const tree = (host: string, timeoutMs: number) => (
      <RecordingServiceProvider config={{ ...TEST_RECORDING_CONFIG, host, timeoutMs }} queryClient={queryClient}>
        <Probe />
      </RecordingServiceProvider>
    );
    const { rerender } = render(tree('recordings.test', 30_000));
    await screen.findByText(/total/);
    rerender(tree('recordings.test', 5_000));
    expect(clients).toHaveLength(1);
    const dispose = vi.spyOn(clients[0] as RecordingContext, 'dispose');

    rerender(tree('other.test', 5_000));
    await waitFor(() => expect(second.requests).toHaveLength(1));
    // The other server's answer replaces the first one's in the shared QueryClient.
    await screen.findByText('total 0');
    expect(clients).toHaveLength(2);
    expect(clients[1]?.config.host).toBe('other.test');
    expect(first.requests).toHaveLength(1);
    await waitFor(() => expect(dispose).toHaveBeenCalledTimes(1));
  });

  it('should rebuild when the tenant, port or scheme changes', () => {
    const clients = new Set<RecordingContext>();
    function Probe() {
      clients.add(useRecordingService().context);
      return null;
    }
    const tree = (config: Partial<RecordingServiceConfig>) => (
      <RecordingServiceProvider config={{ ...TEST_RECORDING_CONFIG, ...config }}>
        <Probe />
      </RecordingServiceProvider>
    );
    const { rerender } = render(tree({}));
    rerender(tree({ tenantId: 'acme' }));
    rerender(tree({ tenantId: 'acme', port: 8443 }));
    rerender(tree({ tenantId: 'acme', port: 8443, isSecure: false }));
    expect([...clients].map((c) => [c.config.tenantId, c.config.port, c.config.isSecure])).toEqual([
      ['default', 443, true],
      ['acme', 443, true],
      ['acme', 8443, true],
      ['acme', 8443, false],
    ]);
  });

  it('should use the surrounding QueryClient when none is given', () => {
    const surrounding = createTestQueryClient();
    const { result } = renderHook(() => useQueryClient(), {
      wrapper: ({ children }) => (
        <QueryClientProvider client={surrounding}>
          <RecordingServiceProvider config={TEST_RECORDING_CONFIG}>{children}</RecordingServiceProvider>
        </QueryClientProvider>
      ),
    });
    expect(result.current).toBe(surrounding);
  });

  it('should prefer the given QueryClient over the surrounding one', () => {
    const surrounding = createTestQueryClient();
    const given = createTestQueryClient();
    const { result } = renderHook(() => useQueryClient(), {
      wrapper: ({ children }) => (
        <QueryClientProvider client={surrounding}>
          <RecordingServiceProvider config={TEST_RECORDING_CONFIG} queryClient={given}>
            {children}
          </RecordingServiceProvider>
        </QueryClientProvider>
      ),
    });
    expect(result.current).toBe(given);
  });

  it('should make its own QueryClient when there is none, kept across re-renders', async () => {
    serveEmulator(server);
    const { result, rerender } = renderHook(() => ({ cache: useQueryClient(), list: useRecordings({ count: 1 }) }), {
      wrapper: providerWrapper({}),
    });
    const own = result.current.cache;
    expect(own).toBeInstanceOf(QueryClient);
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    rerender();
    expect(result.current.cache).toBe(own);
  });

  it("should reset the user's cache entries on sign-out at once, then refetch as a guest", async () => {
    serveEmulator(server);
    const queryClient = createTestQueryClient();
    const { result } = renderHook(
      () => ({
        service: { client: useRecordingClient(), session: useRecordingSession() },
        list: useRecordings({ count: 2 }),
      }),
      {
        wrapper: providerWrapper({ queryClient }),
      },
    );
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    const guestTotal = result.current.list.data!.totalItemCount;
    await act(() => result.current.service.client.session.signIn('portal-admin', 'admin'));
    // A guest's list is refetched with the user's rights: the admin sees every program.
    await waitFor(() => expect(result.current.list.data?.totalItemCount).toBeGreaterThan(guestTotal));
    // The hooks cache under the public keys, so an app's exact reads reach their entries.
    expect(queryClient.getQueryData(recordingKeys.list({ count: 2 }))).toEqual(result.current.list.data);

    act(() => result.current.service.client.session.signOut());
    expect(queryClient.getQueryData(recordingKeys.list({ count: 2 }))).toBeUndefined();
    expect(result.current.service.session.status).toBe('guest');
    await waitFor(() => expect(result.current.list.data?.totalItemCount).toBe(guestTotal));
  });

  it("should call onSessionExpired once and drop the user's entries when a refresh fails", async () => {
    const emulator = serveEmulator(server);
    const onSessionExpired = vi.fn();
    const queryClient = createTestQueryClient();
    const { result } = renderHook(
      () => ({
        service: { client: useRecordingClient(), session: useRecordingSession() },
        list: useRecordings({ count: 2 }),
      }),
      {
        wrapper: providerWrapper({
          queryClient,
          onSessionExpired,
          config: { session: { storage: 'memory', refreshIntervalMs: 20 } },
        }),
      },
    );
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    const guestTotal = result.current.list.data!.totalItemCount;
    await act(() => result.current.service.client.session.signIn('portal-admin', 'admin'));
    await waitFor(() => expect(emulatorCalls(emulator, 'programs').some((r) => r.query.user === 'admin')).toBe(true));
    await waitFor(() => expect(result.current.list.data?.totalItemCount).toBeGreaterThan(guestTotal));
    server.use(http.post(AUTH_URL, () => HttpResponse.json({ reason: 'revoked' }, { status: 401 })));

    await waitFor(() => expect(result.current.service.session.status).toBe('expired'));
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
    expect(onSessionExpired.mock.calls[0]?.[0]).toMatchObject({ kind: 'unauthorized' });
    // The admin's list is dropped and refetched as a guest.
    await waitFor(() => expect(result.current.list.data?.totalItemCount).toBe(guestTotal));
    expect(emulatorCalls(emulator, 'programs').at(-1)?.query.user).toBeUndefined();
  });

  it('should survive StrictMode double mounting: cross-tab sign-out still reaches it and clears the cache', async () => {
    serveEmulator(server);
    const storageKey = `test-session-${Math.random()}`;
    const queryClient = createTestQueryClient();
    const { result } = renderHook(
      () => ({
        service: { client: useRecordingClient(), session: useRecordingSession() },
        list: useRecordings({ count: 2 }),
      }),
      {
        wrapper: providerWrapper({ queryClient, config: { session: { storage: 'local', storageKey } } }),
        reactStrictMode: true,
      },
    );
    // Let any (wrongly) scheduled disposal run before signing in.
    await new Promise((resolve) => setTimeout(resolve, 10));
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    const guestTotal = result.current.list.data!.totalItemCount;
    await act(() => result.current.service.client.session.signIn('portal-admin', 'admin'));
    await waitFor(() => expect(result.current.list.data?.totalItemCount).toBeGreaterThan(guestTotal));

    localStorage.removeItem(storageKey);
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: storageKey, newValue: null, storageArea: localStorage }));
    });
    expect(result.current.service.session.status).toBe('guest');
    expect(queryClient.getQueryData(recordingKeys.list({ count: 2 }))).toBeUndefined();
    await waitFor(() => expect(result.current.list.data?.totalItemCount).toBe(guestTotal));
    expect(seen.filter((r) => r.method === 'POST' && r.url.href === AUTH_URL)).toHaveLength(1);
  });
});
