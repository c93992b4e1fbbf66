'use client';

import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createRecordingClient, type RecordingClient } from '../core/client';
import type { RecordingServiceConfig } from '../core/config';
import { RecordingServiceContext, type RecordingServiceContextValue } from './context';
import { RecordingServiceMessagesContext, type RecordingServiceMessages } from './messages';
import type { RecordingServiceError } from '../core/errors';
import { recordingKeys } from './keys';
import { recordingScope } from './queries';

/** Props of {@link RecordingServiceProvider}. */
export interface RecordingServiceProviderProps {
  /**
   * Where the recording server is. Read once at mount; when `host`, `port`, `isSecure` or `tenantId`
   * change later, the client is rebuilt (the old one is disposed). Other fields are read only when the
   * client is (re)built, so an inline object literal is fine.
   */
  config: RecordingServiceConfig;
  /**
   * The QueryClient to cache in. Defaults to the surrounding `<QueryClientProvider>`'s, else the provider
   * makes its own.
   */
  queryClient?: QueryClient;
  /** Called once each time a signed-in session expires (failed refresh or failed re-exchange). */
  onSessionExpired?: (error: RecordingServiceError) => void;
  /**
   * Labels for the components; missing ones keep their English defaults. Pass a stable object (a module
   * constant or a memoized value): a new object each render re-renders every consumer.
   */
  messages?: Partial<RecordingServiceMessages>;
  children?: ReactNode;
}

interface BuiltClient {
  client: RecordingClient;
  /** The config fields that decide the server and tenant; a change rebuilds the client. */
  identity: string;
}

function identityOf(config: RecordingServiceConfig): string {
  return JSON.stringify([config.host, config.port ?? null, config.isSecure, config.tenantId]);
}

function build(config: RecordingServiceConfig): BuiltClient {
  return { client: createRecordingClient(config), identity: identityOf(config) };
}

/**
 * Gives the hooks and components below it a recording-server client and a query cache.
 *
 * - The client is built once per mount (lazy state, StrictMode-safe) and rebuilt only when `host`, `port`,
 *   `isSecure` or `tenantId` change; the previous one is then disposed.
 * - The session refresh timer runs while the provider is mounted (one timer even under StrictMode).
 * - When a user's session ends (sign-out, expiry, or another tab signing out) every cache entry of that
 *   user is removed; `onSessionExpired` is called once per expiry.
 *
 * @throws RecordingServiceError of kind `config` while rendering when the config is invalid (catch it with an
 * error boundary, or validate first with `parseRecordingServiceConfig`).
 * @example
 * <RecordingServiceProvider config={{ host: 'rec.example.com', isSecure: true, tenantId: 'default' }}>
 *   <App />
 * </RecordingServiceProvider>
 */
export function RecordingServiceProvider({
  config,
  queryClient,
  onSessionExpired,
  messages,
  children,
}: RecordingServiceProviderProps): ReactNode {
  const [built, setBuilt] = useState(() => build(config));
  const identity = identityOf(config);
  if (built.identity !== identity) {
    // Derived state: rebuilt during render, so no child ever renders with the previous server's client.
    setBuilt(build(config));
  }
  const { client } = built;

  const surrounding = useContext(QueryClientContext);
  const [ownQueryClient] = useState(() => new QueryClient());
  const cache = queryClient ?? surrounding ?? ownQueryClient;
  useClientRetriesOnly(cache);

  const status = useStore(client.sessionStore, (state) => state.status);
  const user = useStore(client.sessionStore, (state) => state.user);

  useDisposeWhenReplaced(client);
  useEffect(() => client.session.startRefresh(), [client]);

  const onExpiredRef = useRef(onSessionExpired);
  useEffect(() => {
    onExpiredRef.current = onSessionExpired;
  });
  useEffect(() => client.session.onExpired((error) => onExpiredRef.current?.(error)), [client]);

  useEffect(() => resetCachesOnIdentityChange(client, cache), [client, cache]);
  useResetCachesOnServerChange(built.identity, cache);

  const value = useMemo<RecordingServiceContextValue>(
    () => ({
      client,
      config: client.config,
      session: user === undefined ? { status } : { status, user },
    }),
    [client, status, user],
  );

  const content = (
    <RecordingServiceContext.Provider value={value}>
      <RecordingServiceMessagesContext.Provider value={messages}>{children}</RecordingServiceMessagesContext.Provider>
    </RecordingServiceContext.Provider>
  );
  return cache === surrounding ? content : <QueryClientProvider client={cache}>{content}</QueryClientProvider>;
}

/**
 * Disposes a client once it is no longer used: after a real unmount or a rebuild. StrictMode's simulated
 * unmount re-runs the effect in the same commit, which cancels the pending disposal.
 */
function useDisposeWhenReplaced(client: RecordingClient): void {
  const pending = useRef<{ client: RecordingClient; timer: ReturnType<typeof setTimeout> } | null>(null);
  useEffect(() => {
    if (pending.current?.client === client) clearTimeout(pending.current.timer);
    pending.current = null;
    return () => {
      pending.current = { client, timer: setTimeout(() => client.dispose(), 0) };
    };
  }, [client]);
}

/**
 * Keeps the package's cache entries to one identity (server, tenant, user) at a time, since they share the
 * public `recordingKeys`: whenever the signed-in user changes (sign-in, sign-out, expiry, another tab) every
 * entry is reset, so a user's data disappears at once, a fetch still in flight for the previous identity is
 * dropped, and mounted queries refetch for whoever is signed in now. A refresh of the same user's token
 * keeps the cache.
 */
function resetCachesOnIdentityChange(client: RecordingClient, cache: QueryClient): () => void {
  let user = recordingScope(client).user;
  return client.sessionStore.subscribe((state) => {
    if (state.status === 'signing-in') return;
    const next = recordingScope(client).user;
    if (next === user) return;
    user = next;
    void cache.resetQueries({ queryKey: recordingKeys.all });
  });
}

/**
 * Resets the package's cache entries when the provider is rebuilt for another server or tenant in the same
 * QueryClient: their keys do not name the server.
 */
function useResetCachesOnServerChange(identity: string, cache: QueryClient): void {
  const previous = useRef(identity);
  useEffect(() => {
    if (previous.current === identity) return;
    previous.current = identity;
    void cache.resetQueries({ queryKey: recordingKeys.all });
  }, [identity, cache]);
}

const configured = new WeakSet<QueryClient>();

/**
 * The client already retries what is safe to retry (GETs on network errors, 5xx and 429, with backoff and
 * `Retry-After`), within `config.retry`. React-query's own retries on top would multiply that budget: a
 * blocked CORS preflight became 16 requests instead of 4. So this package's queries default to no
 * react-query retry in the cache they use; a hook's own `retry` option still wins. Set during render, before
 * any child query reads its defaults; idempotent.
 */
function useClientRetriesOnly(queryClient: QueryClient): void {
  if (configured.has(queryClient)) return;
  configured.add(queryClient);
  queryClient.setQueryDefaults(recordingKeys.all, { retry: false });
}
