'use client';

import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createRecordingContext, onSessionExpired as subscribeExpired, type RecordingContext } from '../core/context';
import type { RecordingServiceConfig } from '../core/config';
import type { RecordingServiceError } from '../core/errors';
import { RecordingServiceContext, type RecordingServiceContextValue } from './context';
import { RecordingServiceMessagesContext, type RecordingServiceMessages } from './messages';
import { unscopedRoot } from './keys';
/** Props of {@link RecordingServiceProvider}. */
export interface RecordingServiceProviderProps {
  /**
   * Where the recording server is. Read once at mount; when `host`, `port`, `isSecure` or `tenantId`
   * change later, the context is rebuilt (the old one is disposed). Other fields are read only when the
   * context is (re)built, so an inline object literal is fine.
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

interface BuiltContext {
  context: RecordingContext;
  /** The config fields that decide the server and tenant; a change rebuilds the client. */
  identity: string;
}

function identityOf(config: RecordingServiceConfig): string {
  return JSON.stringify([config.host, config.port ?? null, config.isSecure, config.tenantId]);
}

function build(config: RecordingServiceConfig): BuiltContext {
  return { context: createRecordingContext(config), identity: identityOf(config) };
}

/**
 * Gives the hooks and components below it a recording-server context and a query cache.
 *
 * - The context (config, transport, session store: no operation, no sign-in code) is built once per mount
 *   (lazy state, StrictMode-safe) and rebuilt only when `host`, `port`, `isSecure` or `tenantId` change; the
 *   previous one is then disposed.
 * - When a user's session ends (sign-out, expiry, or another tab signing out) every cache entry of that
 *   user is reset; `onSessionExpired` is called once per expiry.
 * - It leaves the QueryClient's defaults alone: every `recordingQueries` factory carries its own options.
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
    // Derived state: rebuilt during render, so no child ever renders with the previous server's context.
    setBuilt(build(config));
  }
  const { context } = built;

  const surrounding = useContext(QueryClientContext);
  const [ownQueryClient] = useState(() => new QueryClient());
  const cache = queryClient ?? surrounding ?? ownQueryClient;

  useDisposeWhenReplaced(context);

  const onExpiredRef = useRef(onSessionExpired);
  useEffect(() => {
    onExpiredRef.current = onSessionExpired;
  });
  useEffect(() => subscribeExpired(context, (error) => onExpiredRef.current?.(error)), [context]);

  // A rebuilt context is another server or tenant in the same QueryClient, whose keys do not name the server:
  // reset then. StrictMode's re-run of the effect keeps the same context, and so the cache.
  const lastContext = useRef(context);
  useEffect(() => {
    if (lastContext.current !== context) {
      lastContext.current = context;
      void cache.resetQueries({ queryKey: unscopedRoot });
    }
    return resetCachesOnIdentityChange(context, cache);
  }, [context, cache]);

  const value = useMemo<RecordingServiceContextValue>(() => ({ context, config: context.config }), [context]);

  const content = (
    <RecordingServiceContext.Provider value={value}>
      <RecordingServiceMessagesContext.Provider value={messages}>{children}</RecordingServiceMessagesContext.Provider>
    </RecordingServiceContext.Provider>
  );
  return cache === surrounding ? content : <QueryClientProvider client={cache}>{content}</QueryClientProvider>;
}

/**
 * Disposes a context once it is no longer used: after a real unmount or a rebuild. StrictMode's simulated
 * unmount re-runs the effect in the same commit, which cancels the pending disposal.
 *
 * Cost: one effect and, on unmount, one 0 ms timer. It stays because disposing at once would stop the
 * sign-in module's refresh timer and cross-tab listeners of the context StrictMode keeps.
 */
function useDisposeWhenReplaced(context: RecordingContext): void {
  const pending = useRef<{ context: RecordingContext; timer: ReturnType<typeof setTimeout> } | null>(null);
  useEffect(() => {
    if (pending.current?.context === context) clearTimeout(pending.current.timer);
    pending.current = null;
    return () => {
      pending.current = { context, timer: setTimeout(() => context.dispose(), 0) };
    };
  }, [context]);
}

/** The signed-in login id, `null` for a guest: whose data the cache holds. */
const identityUser = (context: RecordingContext): string | null => {
  const state = context.sessionStore.getState();
  return state.status === 'user' ? (state.user ?? null) : null;
};

/**
 * Keeps the package's cache entries to one identity (server, tenant, user) at a time, since they share the
 * public `recordingKeys`: whenever the signed-in user changes (sign-in, sign-out, expiry, another tab) every
 * entry is reset, so a user's data disappears at once, a fetch still in flight for the previous identity is
 * dropped, and mounted queries refetch for whoever is signed in now. A refresh of the same user's token
 * keeps the cache.
 */
function resetCachesOnIdentityChange(context: RecordingContext, cache: QueryClient): () => void {
  let user = identityUser(context);
  return context.sessionStore.subscribe((state) => {
    if (state.status === 'signing-in') return;
    const next = identityUser(context);
    if (next === user) return;
    user = next;
    void cache.resetQueries({ queryKey: unscopedRoot });
  });
}
