import { createStore, type StoreApi } from 'zustand/vanilla';
import { RecordingServiceError, isRecordingServiceError } from './errors';
import { baseUrl, type ResolvedRecordingServiceConfig } from './config';
import type { HttpEngine, HttpRequest } from './http';
import { exchangeSchema } from './schemas';
import type { RecordingSessionApi, SessionSnapshot, SessionState } from './client';
import type { RequestOptions } from './types';

const exchangeAccept =
  'application/vnd.avaya.portal.authentication.content_server_token.v1+json, application/vnd.avaya.csa.error.v1+json';

/** What the client persists: never the portal token. */
interface PersistedSession {
  user: string;
  token: string;
  timestamp: string;
  signedInAt: number;
}

function parsePersisted(text: string | null): PersistedSession | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { user, token, timestamp, signedInAt } = value as Record<string, unknown>;
    if (typeof user !== 'string' || !user || typeof token !== 'string' || !token || typeof timestamp !== 'string')
      return undefined;
    return { user, token, timestamp, signedInAt: typeof signedInAt === 'number' ? signedInAt : Date.now() };
  } catch {
    return undefined;
  }
}

/** The session side of a client, as the request layer and the client factory use it. */
export interface SessionManager {
  api: RecordingSessionApi;
  store: StoreApi<SessionState>;
  /** Secrets held right now (content-server token, portal tokens), for redaction. */
  secrets(): (string | undefined)[];
  /** Query credentials of a recording-server call. */
  credentials(): { user?: string | undefined; token?: string | undefined; timestamp?: string | undefined };
  /**
   * Handles a 401 answered to a call sent with `usedToken`. Resolves true when the call should be
   * replayed (once) with the current credentials: after one re-exchange shared by all concurrent
   * callers, or because the token changed meanwhile. Resolves false when it must fail.
   */
  recover(usedToken: string | undefined): Promise<boolean>;
  /** Starts following other tabs (idempotent); called by every way of observing the session. */
  followOtherTabs(): void;
  dispose(): void;
}

function snapshotOf(state: SessionState): SessionSnapshot {
  const snapshot: SessionSnapshot = { status: state.status };
  if (state.user !== undefined) snapshot.user = state.user;
  if (state.signedInAt !== undefined) snapshot.signedInAt = state.signedInAt;
  if (state.error !== undefined) snapshot.error = state.error;
  return snapshot;
}

function validationError(message: string): RecordingServiceError {
  return new RecordingServiceError({ kind: 'validation', message });
}

/** Creates the session store and its lifecycle for one client. */
export function createSessionManager(config: ResolvedRecordingServiceConfig, http: HttpEngine): SessionManager {
  const { storage: storageKind, storageKey, refreshIntervalMs } = config.session;

  const storage = ((): Storage | undefined => {
    if (storageKind === 'memory') return undefined;
    try {
      return (storageKind === 'local' ? globalThis.localStorage : globalThis.sessionStorage) ?? undefined;
    } catch {
      return undefined;
    }
  })();

  const persist = (session: PersistedSession | undefined) => {
    try {
      if (session) storage?.setItem(storageKey, JSON.stringify(session));
      else storage?.removeItem(storageKey);
    } catch {
      // Storage can be full or forbidden (private mode); the session then lives in memory only.
    }
  };

  const restored = (() => {
    try {
      const text = storage?.getItem(storageKey) ?? null;
      const session = parsePersisted(text);
      if (text !== null && !session) storage?.removeItem(storageKey);
      return session;
    } catch {
      return undefined;
    }
  })();

  const store = createStore<SessionState>()(() => (restored ? { status: 'user', ...restored } : { status: 'guest' }));

  let portalToken: string | undefined;
  const pendingPortalTokens = new Set<string>();
  /** Bumped by every sign-in, sign-out and cross-tab change: stale exchanges compare and give up. */
  let generation = 0;
  let signInController: AbortController | undefined;
  let refreshController: AbortController | undefined;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let inflightExchange: Promise<boolean> | undefined;
  let disposed = false;
  const expiredListeners = new Set<(error: RecordingServiceError) => void>();

  async function exchange(
    token: string,
    signal: AbortSignal | undefined,
  ): Promise<{ token: string; timestamp: string }> {
    const auth = config.authServer;
    if (!auth) {
      throw new RecordingServiceError({
        kind: 'config',
        message: 'Cannot sign in: no authServer configured',
        hint: 'add authServer: { host, isSecure, authorizationPath } to the config',
      });
    }
    const request: HttpRequest = {
      method: 'POST',
      url: `${baseUrl(auth)}${auth.authorizationPath}`,
      headers: {
        Authorization: `UPToken ${token}`,
        Accept: exchangeAccept,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'tokenType=ACSR',
      signal,
      secrets: [token],
    };
    const response = await http.send(request);
    if (response.status < 200 || response.status >= 300) {
      const error = http.statusError(request, response);
      if (response.status !== 401) throw error;
      throw new RecordingServiceError({
        kind: 'unauthorized',
        message: 'Sign-in refused: the portal token was not accepted',
        hint: 'get a fresh portal token and sign in again',
        status: 401,
        method: request.method,
        url: error.url,
        details: error.details,
      });
    }
    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      body = undefined;
    }
    const parsed = exchangeSchema.safeParse(body);
    if (!parsed.success) {
      throw new RecordingServiceError({
        kind: 'validation',
        message: 'Sign-in answer is not a token: expected JSON { token, snapshotTimestamp }',
        status: response.status,
        method: request.method,
        url: http.redact(request.url, [token]),
        details: {
          contentType: response.contentType,
          issues: parsed.error.issues.map((issue) => issue.path.join('.') || '(root)'),
        },
      });
    }
    return { token: parsed.data.token, timestamp: String(parsed.data.snapshotTimestamp) };
  }

  function stopRefresh(): void {
    if (refreshTimer !== undefined) clearTimeout(refreshTimer);
    refreshTimer = undefined;
  }

  function scheduleRefresh(): void {
    stopRefresh();
    if (disposed || !portalToken || store.getState().status !== 'user') return;
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined;
      void reexchange().then((ok) => {
        if (ok) scheduleRefresh();
      });
    }, refreshIntervalMs);
  }

  function startRefresh(): () => void {
    followOtherTabs();
    if (refreshTimer === undefined) scheduleRefresh();
    return stopRefresh;
  }

  function expire(cause: RecordingServiceError | undefined): void {
    const { user } = store.getState();
    generation++;
    stopRefresh();
    portalToken = undefined;
    refreshController?.abort();
    const init = {
      kind: 'unauthorized' as const,
      message: 'The session expired',
      hint: 'sign in again',
      details: cause ? { reason: cause.kind, status: cause.status } : { reason: 'unauthorized' },
    };
    const error = new RecordingServiceError(cause?.status !== undefined ? { ...init, status: cause.status } : init);
    persist(undefined);
    store.setState(
      { status: 'expired', user, token: undefined, timestamp: undefined, signedInAt: undefined, error },
      true,
    );
    http.log('info', 'session expired', { user, reason: cause?.kind ?? 'unauthorized' });
    for (const listener of [...expiredListeners]) {
      try {
        listener(error);
      } catch (listenerError) {
        http.log('error', 'onExpired listener threw', { message: String(listenerError) });
      }
    }
  }

  /** One exchange with the in-memory portal token, shared by all callers while it runs. */
  function reexchange(): Promise<boolean> {
    if (inflightExchange) return inflightExchange;
    const token = portalToken;
    if (!token) return Promise.resolve(false);
    const startedIn = generation;
    const controller = new AbortController();
    refreshController = controller;
    inflightExchange = (async () => {
      try {
        const result = await exchange(token, controller.signal);
        if (startedIn !== generation || disposed) return false;
        const { user } = store.getState();
        const signedInAt = Date.now();
        store.setState(
          { status: 'user', user, token: result.token, timestamp: result.timestamp, signedInAt, error: undefined },
          true,
        );
        if (user) persist({ user, token: result.token, timestamp: result.timestamp, signedInAt });
        http.log('debug', 'session refreshed', { user });
        return true;
      } catch (error) {
        if (startedIn !== generation || disposed) return false;
        expire(isRecordingServiceError(error) ? error : undefined);
        return false;
      } finally {
        inflightExchange = undefined;
        if (refreshController === controller) refreshController = undefined;
      }
    })();
    return inflightExchange;
  }

  async function signIn(token: string, user: string, options?: RequestOptions): Promise<SessionSnapshot> {
    followOtherTabs();
    if (typeof token !== 'string' || token === '') throw validationError('signIn needs a non-empty portal token');
    if (typeof user !== 'string' || user.trim() === '')
      throw validationError('signIn needs the non-empty portal login id as user');
    if (!config.authServer) {
      throw new RecordingServiceError({
        kind: 'config',
        message: 'Cannot sign in: no authServer configured',
        hint: 'add authServer: { host, isSecure, authorizationPath } to the config',
      });
    }
    if (disposed)
      throw new RecordingServiceError({ kind: 'aborted', message: 'Cannot sign in: the client was disposed' });
    const mine = ++generation;
    signInController?.abort();
    refreshController?.abort();
    stopRefresh();
    portalToken = undefined;
    const controller = new AbortController();
    signInController = controller;
    const onCallerAbort = () => controller.abort(options?.signal?.reason);
    if (options?.signal?.aborted) controller.abort(options.signal.reason);
    options?.signal?.addEventListener('abort', onCallerAbort, { once: true });
    pendingPortalTokens.add(token);
    store.setState(
      { status: 'signing-in', user, token: undefined, timestamp: undefined, signedInAt: undefined, error: undefined },
      true,
    );
    try {
      const result = await exchange(token, controller.signal);
      if (mine !== generation) {
        throw new RecordingServiceError({
          kind: 'aborted',
          message: 'Sign-in was superseded by a sign-out or another sign-in',
        });
      }
      portalToken = token;
      const signedInAt = Date.now();
      store.setState(
        { status: 'user', user, token: result.token, timestamp: result.timestamp, signedInAt, error: undefined },
        true,
      );
      persist({ user, token: result.token, timestamp: result.timestamp, signedInAt });
      http.log('info', 'signed in', { user });
      scheduleRefresh();
      return snapshotOf(store.getState());
    } catch (caught) {
      const error = isRecordingServiceError(caught)
        ? caught
        : new RecordingServiceError({ kind: 'network', message: 'Sign-in failed', cause: caught });
      if (mine === generation) {
        persist(undefined);
        store.setState({ status: 'guest', error }, true);
        http.log('warn', 'sign-in failed', { user, kind: error.kind });
      }
      throw error;
    } finally {
      pendingPortalTokens.delete(token);
      options?.signal?.removeEventListener('abort', onCallerAbort);
      if (signInController === controller) signInController = undefined;
    }
  }

  function signOutLocally(): void {
    generation++;
    signInController?.abort();
    refreshController?.abort();
    stopRefresh();
    portalToken = undefined;
    store.setState({ status: 'guest' }, true);
  }

  function signOut(): void {
    signOutLocally();
    persist(undefined);
    http.log('info', 'signed out');
  }

  const onStorage = (event: StorageEvent) => {
    if (event.key !== storageKey && event.key !== null) return;
    if (event.storageArea && storage && event.storageArea !== storage) return;
    const next = event.key === null ? undefined : parsePersisted(event.newValue);
    if (!next) {
      if (store.getState().status === 'user' || store.getState().status === 'signing-in') signOutLocally();
      return;
    }
    const current = store.getState();
    if (current.token === next.token) return;
    if (current.user !== next.user) {
      generation++;
      signInController?.abort();
      refreshController?.abort();
      stopRefresh();
      portalToken = undefined;
    }
    store.setState({ status: 'user', ...next, error: undefined }, true);
  };

  const crossTab =
    storageKind === 'local' &&
    storage !== undefined &&
    typeof window !== 'undefined' &&
    typeof window.addEventListener === 'function';
  let followingOtherTabs = false;
  /**
   * Starts following other tabs' sign-ins and sign-outs. Attached on first use (a subscription, the refresh
   * timer, a sign-in) rather than at creation, so that building a client has no side effect: StrictMode
   * builds and throws away one client per provider.
   */
  function followOtherTabs(): void {
    if (!crossTab || followingOtherTabs || disposed) return;
    followingOtherTabs = true;
    window.addEventListener('storage', onStorage);
  }

  async function recover(usedToken: string | undefined): Promise<boolean> {
    const state = store.getState();
    if (state.status !== 'user') return false;
    if (state.token !== usedToken) return true;
    if (!portalToken) {
      expire(new RecordingServiceError({ kind: 'unauthorized', message: 'Unauthorized', status: 401 }));
      return false;
    }
    return reexchange();
  }

  const api: RecordingSessionApi = {
    signIn,
    signOut,
    current: () => snapshotOf(store.getState()),
    subscribe(listener) {
      followOtherTabs();
      return store.subscribe((state, previous) => {
        if (
          state.status !== previous.status ||
          state.user !== previous.user ||
          state.signedInAt !== previous.signedInAt ||
          state.error !== previous.error
        ) {
          listener(snapshotOf(state));
        }
      });
    },
    startRefresh,
    stopRefresh,
    onExpired(listener) {
      expiredListeners.add(listener);
      return () => {
        expiredListeners.delete(listener);
      };
    },
  };

  return {
    api,
    store,
    secrets: () => [store.getState().token, portalToken, ...pendingPortalTokens],
    credentials: () => {
      const state = store.getState();
      return state.status === 'user' ? { user: state.user, token: state.token, timestamp: state.timestamp } : {};
    },
    recover,
    followOtherTabs,
    dispose() {
      if (disposed) return;
      disposed = true;
      generation++;
      stopRefresh();
      signInController?.abort();
      refreshController?.abort();
      if (followingOtherTabs) window.removeEventListener('storage', onStorage);
    },
  };
}
