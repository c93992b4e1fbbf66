import { RecordingServiceError } from './errors';
import { baseUrl } from './config';
import { log, requestError, send, statusError, type HttpRequest } from './http';
import { invalid } from './request';
import {
  internalsOf,
  parsePersisted,
  type ContextInternals,
  type RecordingContext,
  type SessionModule,
  type SessionSnapshot,
  type SessionState,
} from './context';
import { exchangeAnswer, validateAnswer } from './schemas';
import type { RequestOptions } from './types';

/*
 * The sign-in module: the token exchange, the 15-minute refresh, the single-flight 401 re-exchange and
 * cross-tab sync. Installed on a context the first time one of its functions runs, so an app that never
 * signs in never loads it. A session restored from storage holds no portal token, so nothing before a
 * sign-in needs it: a 401 then ends the session through the context's own expiry.
 */

const exchangeAccept =
  'application/vnd.avaya.portal.authentication.content_server_token.v1+json, application/vnd.avaya.csa.error.v1+json';

/** The sign-in side of one context, as the client and the hooks drive it. */
interface SessionManager extends SessionModule {
  signIn(token: string, user: string, options?: RequestOptions): Promise<SessionSnapshot>;
  signOut(): void;
  startRefresh(): () => void;
  stopRefresh(): void;
  followOtherTabs(): void;
}

/** What a snapshot shows, in its order: a change of any of them is a change of the snapshot. */
export const snapshotKeys = ['status', 'user', 'signedInAt', 'error'] as const;

/** The session as `current()` gives it: never a token. */
export function snapshotOf(state: SessionState): SessionSnapshot {
  const snapshot: Partial<Record<(typeof snapshotKeys)[number], unknown>> = {};
  for (const key of snapshotKeys) if (state[key] !== undefined) snapshot[key] = state[key];
  return snapshot as SessionSnapshot;
}

const noAuthServer = () =>
  new RecordingServiceError({
    kind: 'config',
    message: 'Cannot sign in: no authServer configured',
    hint: 'configure authServer: { host, isSecure, authorizationPath }',
  });

/** Exchanges a portal token for a content-server token (one POST to the authorization server). */
async function exchange(
  inner: ContextInternals,
  token: string,
  signal: AbortSignal,
): Promise<{ token: string; timestamp: string }> {
  const { http } = inner;
  const auth = inner.config.authServer;
  if (!auth) throw noAuthServer();
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
  const response = await send(http, request);
  if (response.status < 200 || response.status >= 300) {
    const error = statusError(http, request, response);
    if (response.status !== 401) throw error;
    throw new RecordingServiceError({
      ...error,
      message: 'The portal token was refused',
      hint: 'sign in with a fresh one',
    });
  }
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    // Not JSON: refused just below.
  }
  const parsed = validateAnswer(exchangeAnswer(), body);
  if (!parsed.ok) {
    throw requestError(http, request, 'validation', 'answered no token: expected JSON { token, snapshotTimestamp }', {
      status: response.status,
      details: {
        contentType: response.contentType,
        issues: parsed.issues.map((issue) => issue.path),
      },
    });
  }
  return { token: parsed.value.token, timestamp: String(parsed.value.snapshotTimestamp) };
}

/** A message between tabs: another tab signed out. */
const SIGNED_OUT = 'signed-out';

function createSessionManager(inner: ContextInternals): SessionManager {
  const { config, store, http, storage } = inner;
  const { storageKey, refreshIntervalMs } = config.session;

  /** The portal token of the signed-in user, held in memory only. */
  let held: { token: string; user: string } | undefined;
  const pendingPortalTokens = new Set<string>();
  /** Bumped by every sign-in, sign-out, expiry, dispose and cross-tab change: stale exchanges compare and give up. */
  let generation = 0;
  /** Aborts the exchange in flight: at most one runs, as a sign-in resets first and a refresh needs `held`. */
  let controller: AbortController | undefined;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let inflightExchange: Promise<boolean> | undefined;

  function stopRefresh(): void {
    clearTimeout(refreshTimer);
    refreshTimer = undefined;
  }

  function scheduleRefresh(): void {
    stopRefresh();
    // Held only while signed in: every end of the session (sign-out, expiry, another tab's user) resets.
    if (!held) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined;
      void reexchange().then((ok) => {
        if (ok) scheduleRefresh();
      });
    }, refreshIntervalMs);
  }

  /** Forgets the portal token and stops everything in flight; the store is the caller's to set. */
  function reset(): void {
    generation++;
    controller?.abort();
    stopRefresh();
    held = undefined;
  }

  /**
   * Runs one exchange for `user`, abortable by `reset`. On success keeps its credentials (store and storage)
   * and answers true; false when a sign-out, a sign-in or another tab changed the session meanwhile.
   */
  async function exchangeFor(user: string, token: string, aborter: AbortController): Promise<boolean> {
    const mine = generation;
    controller = aborter;
    const result = await exchange(inner, token, aborter.signal);
    if (mine !== generation) return false;
    const session = { user, ...result, signedInAt: Date.now() };
    store.setState({ status: 'user', ...session }, true);
    inner.persist(session);
    return true;
  }

  /** One exchange with the held portal token, shared by all callers while it runs. */
  function reexchange(): Promise<boolean> {
    const from = held;
    if (inflightExchange || !from) return inflightExchange ?? Promise.resolve(false);
    const startedIn = generation;
    inflightExchange = (async () => {
      try {
        const ok = await exchangeFor(from.user, from.token, new AbortController());
        if (ok) log(http, 'debug', 'session refreshed', { user: from.user });
        return ok;
      } catch (error) {
        if (startedIn === generation) inner.expire(error instanceof RecordingServiceError ? error : undefined);
        return false;
      } finally {
        inflightExchange = undefined;
      }
    })();
    return inflightExchange;
  }

  async function signIn(token: string, user: string, options?: RequestOptions): Promise<SessionSnapshot> {
    followOtherTabs();
    if (typeof token !== 'string' || token === '') throw invalid('signIn needs a portal token', 'portalToken');
    if (typeof user !== 'string' || user.trim() === '')
      throw invalid('signIn needs the portal login id as user', 'user');
    if (!config.authServer) throw noAuthServer();
    if (inner.disposed) {
      throw new RecordingServiceError({ kind: 'aborted', message: 'Cannot sign in: the client was disposed' });
    }
    reset();
    const mine = generation;
    const aborter = new AbortController();
    const caller = options?.signal;
    const onCallerAbort = () => aborter.abort(caller?.reason);
    if (caller?.aborted) onCallerAbort();
    caller?.addEventListener('abort', onCallerAbort, { once: true });
    pendingPortalTokens.add(token);
    store.setState({ status: 'signing-in', user }, true);
    try {
      if (!(await exchangeFor(user, token, aborter))) {
        throw new RecordingServiceError({
          kind: 'aborted',
          message: 'Sign-in superseded by a sign-out or another sign-in',
        });
      }
      held = { token, user };
      log(http, 'info', 'signed in', { user });
      scheduleRefresh();
      return snapshotOf(store.getState());
    } catch (caught) {
      const error =
        caught instanceof RecordingServiceError
          ? caught
          : new RecordingServiceError({ kind: 'network', message: 'Sign-in failed', cause: caught });
      if (mine === generation) {
        inner.persist(undefined);
        store.setState({ status: 'guest', error }, true);
        log(http, 'warn', 'sign-in failed', { user, kind: error.kind });
      }
      throw error;
    } finally {
      pendingPortalTokens.delete(token);
      caller?.removeEventListener('abort', onCallerAbort);
    }
  }

  // Cross-tab sync. `local` storage: the storage event carries other tabs' sign-ins and sign-outs. Every
  // mode: a BroadcastChannel (where there is one) carries sign-outs, so that signing out in one tab ends the
  // session in every tab, also with `session` storage (a duplicated tab holds a copy) and `memory`.
  const channelName = `react-recording-service:${storageKey}`;
  const hasChannel = typeof BroadcastChannel === 'function';
  let channel: BroadcastChannel | undefined;
  let listeningToStorage = false;

  /** Ends the session in this tab; `forget` clears storage too. */
  function end(forget: boolean): void {
    reset();
    store.setState({ status: 'guest' }, true);
    if (forget) inner.persist(undefined);
  }

  /** Another tab ended its session: ends this tab's, if there is one. */
  function endIfActive(forget: boolean): void {
    const { status } = store.getState();
    if (status === 'user' || status === 'signing-in') end(forget);
  }

  function signOut(): void {
    end(true);
    log(http, 'info', 'signed out');
    if (!hasChannel) return;
    const sender = channel ?? new BroadcastChannel(channelName);
    sender.postMessage(SIGNED_OUT);
    if (sender !== channel) sender.close();
  }

  const onStorage = (event: StorageEvent) => {
    // Only this key, or `clear()` (key null); only this storage (listened to only when there is one).
    if ((event.key ?? storageKey) !== storageKey || (event.storageArea && event.storageArea !== storage)) return;
    // `clear()` (key null) carries no new value: a sign-out too.
    const next = parsePersisted(event.newValue);
    const current = store.getState();
    // Storage is not forgotten here: the other tab has already written what it holds now.
    if (!next) return endIfActive(false);
    if (current.token === next.token) return;
    if (current.user !== next.user) reset();
    store.setState({ status: 'user', ...next }, true);
  };

  const onMessage = (event: MessageEvent) => {
    if (event.data === SIGNED_OUT) endIfActive(true);
  };

  /**
   * Starts following other tabs. Attached on first use (a subscription through the client, the refresh timer,
   * a sign-in, `useRecordingSession`) rather than at creation, so that building a context has no side effect:
   * StrictMode builds and throws away one per provider.
   */
  function followOtherTabs(): void {
    if (inner.disposed) return;
    const crossTabStorage = config.session.storage === 'local' && storage !== undefined;
    // `globalThis.window`: a server or worker has no window (nor, some test setups, its listener methods).
    if (crossTabStorage && !listeningToStorage && typeof globalThis.window?.addEventListener === 'function') {
      listeningToStorage = true;
      window.addEventListener('storage', onStorage);
    }
    if (hasChannel && !channel) {
      channel = new BroadcastChannel(channelName);
      channel.addEventListener('message', onMessage);
      // In Node an open channel keeps the process alive; a forgotten context must not.
      (channel as { unref?: () => void }).unref?.();
    }
  }

  return {
    signIn,
    signOut,
    startRefresh() {
      followOtherTabs();
      if (refreshTimer === undefined) scheduleRefresh();
      return stopRefresh;
    },
    stopRefresh,
    followOtherTabs,
    secrets: () => [held?.token, ...pendingPortalTokens],
    canReexchange: () => held !== undefined,
    reexchange,
    reset,
    dispose() {
      reset();
      if (listeningToStorage) window.removeEventListener('storage', onStorage);
      // A sign-out after dispose still tells other tabs, through a channel of its own.
      channel?.close();
      channel = undefined;
    },
  };
}

/** The sign-in module of a context, installed on first use. */
function sessionOf(context: RecordingContext): SessionManager {
  const inner = internalsOf(context);
  inner.session ??= createSessionManager(inner);
  return inner.session as SessionManager;
}

/**
 * Signs in: exchanges the portal token for a content-server token, which every later call carries with
 * `user` (the portal login id). Keeps the portal token in memory only, to refresh the session every
 * `session.refreshIntervalMs` (15 minutes) and to re-exchange once when calls answer 401.
 *
 * @throws RecordingServiceError `unauthorized` when the portal refuses the token, `config` without `authServer`.
 * @example
 * await signIn(context, portalToken, 'alice');
 */
export function signIn(
  context: RecordingContext,
  portalToken: string,
  user: string,
  options?: RequestOptions,
): Promise<SessionSnapshot> {
  return sessionOf(context).signIn(portalToken, user, options);
}

/**
 * Signs out locally (nothing is sent to the server): forgets the tokens, clears storage, stops the refresh,
 * and signs out every other tab of this app.
 */
export function signOut(context: RecordingContext): void {
  sessionOf(context).signOut();
}

/**
 * Starts the periodic refresh if a portal token is held and no refresh is running (idempotent, so a
 * StrictMode double mount creates one timer). Returns a function that stops it. `signIn` starts it too.
 */
export function startSessionRefresh(context: RecordingContext): () => void {
  return sessionOf(context).startRefresh();
}

/** Stops the periodic refresh (the session itself stays). */
export function stopSessionRefresh(context: RecordingContext): void {
  sessionOf(context).stopRefresh();
}

/**
 * Follows other tabs' sign-ins (with `local` storage) and sign-outs (every mode) until the context is
 * disposed. Idempotent; `signIn` and every session subscription of a client start it.
 */
export function followSessionInOtherTabs(context: RecordingContext): void {
  sessionOf(context).followOtherTabs();
}
