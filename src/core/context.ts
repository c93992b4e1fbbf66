import type { AxiosInstance } from 'axios';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { RecordingServiceError } from './errors';
import {
  parseRecordingServiceConfig,
  type RecordingServiceConfig,
  type ResolvedRecordingServiceConfig,
} from './config';
import { createHttpEngine, log, type HttpEngine } from './http';
import type { Session, SessionStatus } from './types';

/**
 * The whole session state held by a context's store. `token` and `timestamp` are the content-server
 * credentials sent as query parameters; the portal token is never part of it.
 */
export interface SessionState {
  status: SessionStatus;
  /** The portal login id every call carries as `user`. */
  user?: string;
  /** Content-server token. Present only while `status` is `'user'`. */
  token?: string;
  /** The `snapshotTimestamp` of the exchange, as text. */
  timestamp?: string;
  /** Epoch ms when the content-server token was obtained. */
  signedInAt?: number;
  /** Why the last sign-in failed or the session expired. Cleared by the next success. */
  error?: RecordingServiceError;
}

/**
 * A read-only zustand store: usable with `useStore(store, selector)`, but only the context writes it.
 * `getInitialState()` is the signed-out state, which is what a server render sees (there is no storage on
 * the server), so hydration matches and a restored session shows up right after it.
 */
export type SessionStore = Pick<StoreApi<SessionState>, 'getState' | 'getInitialState' | 'subscribe'>;

/** A snapshot of the session, as `session.current()` returns it: never holds a token. */
export interface SessionSnapshot extends Session {
  error?: RecordingServiceError;
}

/**
 * The small shared part of the modular core: the validated config, the transport (credentials, retries,
 * errors, redaction) and the session store. It holds no operation and no sign-in code: pass it to the
 * operation functions (`listPrograms(context, params)`) and to `signIn(context, portalToken, user)`.
 * A `RecordingClient` is a context too.
 */
export interface RecordingContext {
  /** The validated configuration, defaults filled in. */
  readonly config: ResolvedRecordingServiceConfig;
  /** The session state, for narrow subscriptions (`useStore(context.sessionStore, (s) => s.status)`). */
  readonly sessionStore: SessionStore;
  /** Stops the sign-in module's timers and listeners, and aborts an in-flight sign-in. Idempotent. */
  dispose(): void;
}

/** Options of `createRecordingContext` and `createRecordingClient`. */
export interface CreateRecordingContextOptions {
  /** The axios instance to send with (interceptors and adapters are kept). Defaults to a new instance. */
  axios?: AxiosInstance;
}

/** What the sign-in module installs on a context the first time it is used (see `signIn`). */
export interface SessionModule {
  /** Portal tokens held in memory (current and pending sign-ins), for redaction. */
  secrets(): (string | undefined)[];
  /** Handles a 401 of a call sent with `usedToken` while a portal token is held: true when the call may be replayed. */
  reexchange(): Promise<boolean>;
  /** Whether a portal token is held, so that a 401 can be cured by an exchange. */
  canReexchange(): boolean;
  /** Forgets the portal token and stops timers: the session ended (expiry, another tab). */
  reset(): void;
  dispose(): void;
}

/** What a context holds beside its public face; reached through {@link internalsOf} by the core's modules. */
export interface ContextInternals {
  readonly config: ResolvedRecordingServiceConfig;
  readonly http: HttpEngine;
  readonly store: StoreApi<SessionState>;
  /** Where the session is kept, `undefined` for `memory` (or when storage is unavailable). */
  readonly storage: Storage | undefined;
  /** Writes (or with `undefined` removes) the persisted session. */
  persist(session: PersistedSession | undefined): void;
  /** Ends a signed-in session as expired and tells every `onSessionExpired` listener. */
  expire(cause: Pick<RecordingServiceError, 'kind' | 'status'> | undefined): void;
  /** The `onSessionExpired` listeners. */
  readonly onExpired: Set<(error: RecordingServiceError) => void>;
  /** The sign-in module, once installed. */
  session?: SessionModule;
  disposed?: boolean;
}

/** What is persisted: never the portal token. */
export interface PersistedSession {
  user: string;
  token: string;
  timestamp: string;
  signedInAt: number;
}

/** Reads a persisted session, `undefined` when absent or not one. */
export function parsePersisted(text: string | null | undefined): PersistedSession | undefined {
  try {
    const { user, token, timestamp, signedInAt } = Object(text && JSON.parse(text)) as Record<string, unknown>;
    return typeof user === 'string' && user && typeof token === 'string' && token && typeof timestamp === 'string'
      ? { user, token, timestamp, signedInAt: typeof signedInAt === 'number' ? signedInAt : Date.now() }
      : undefined;
  } catch {
    return undefined;
  }
}

// A WeakMap rather than a property: the public type stays clean, and a copy of a context is not one.
const internals = new WeakMap<object, ContextInternals>();

/** The internals of a context (or client); throws a clear error for anything else. */
export function internalsOf(context: RecordingContext): ContextInternals {
  const found = internals.get(context);
  if (!found) {
    throw new RecordingServiceError({
      kind: 'config',
      message: 'Not a recording context',
      hint: 'pass what createRecordingContext() or createRecordingClient() returned, not a copy',
    });
  }
  return found;
}

/** Makes `target` a context sharing `context`'s internals (a bound client is one). */
export function shareInternals<T extends object>(context: RecordingContext, target: T): T {
  internals.set(target, internalsOf(context));
  return target;
}

const signedOut: SessionState = Object.freeze({ status: 'guest' as const });

/**
 * Creates the shared part of the modular core: validates the config (an already parsed one is accepted),
 * builds the transport and the session store, and restores a session kept in storage. Has no side effect
 * beyond reading storage: no timer, no listener, no request.
 *
 * @throws RecordingServiceError of kind `config` when the config is invalid.
 * @example
 * const context = createRecordingContext({ host: 'rec.example.com', isSecure: true, tenantId: 'default' });
 * const page = await listPrograms(context, { count: 10 });
 */
export function createRecordingContext(
  config: RecordingServiceConfig,
  options?: CreateRecordingContextOptions,
): RecordingContext {
  const parsed = parseRecordingServiceConfig(config);
  const { storage: kept, storageKey } = parsed.session;
  let storage: Storage | undefined;
  let restored: PersistedSession | undefined;
  try {
    // `memory` keeps nothing; storage may be missing (server) or forbidden (private mode).
    if (kept !== 'memory') storage = (kept === 'local' ? localStorage : sessionStorage) ?? undefined;
    const text = storage?.getItem(storageKey);
    restored = parsePersisted(text);
    if (text != null && !restored) storage?.removeItem(storageKey);
  } catch {
    // Nothing restored.
  }
  const store = createStore<SessionState>()(() => (restored ? { status: 'user', ...restored } : signedOut));
  // Credentials this context has held stay secrets after they leave the store (expiry, sign-out, a new
  // sign-in): a server may still echo an old token or timestamp in an answer, which must not reach an error.
  const retired = new Set<string>();
  store.subscribe((_state, previous) => {
    for (const value of [previous.token, previous.timestamp]) if (value) retired.add(value);
    // A refresh every 15 minutes retires a token each time: keep the most recent ones only.
    for (const oldest of retired) if (retired.size > 16) retired.delete(oldest);
  });

  const inner: ContextInternals = {
    config: parsed,
    storage,
    store,
    http: createHttpEngine({
      config: parsed,
      axios: options?.axios,
      secrets: () => [
        store.getState().token,
        store.getState().timestamp,
        ...retired,
        ...(inner.session?.secrets() ?? []),
      ],
    }),
    persist(session) {
      try {
        if (session) storage?.setItem(storageKey, JSON.stringify(session));
        else storage?.removeItem(storageKey);
      } catch {
        // Storage can be full or forbidden (private mode); the session then lives in memory only.
      }
    },
    expire(cause) {
      const { user } = store.getState();
      const reason = cause?.kind ?? 'unauthorized';
      const status = cause?.status;
      inner.session?.reset();
      const error = new RecordingServiceError({
        kind: 'unauthorized',
        message: 'The session expired',
        hint: 'sign in again',
        status,
        details: { reason, status },
      });
      inner.persist(undefined);
      store.setState({ status: 'expired', user, error }, true);
      log(inner.http, 'info', 'session expired', { user, reason });
      for (const listener of [...inner.onExpired]) {
        try {
          listener(error);
        } catch (listenerError) {
          log(inner.http, 'error', 'onSessionExpired listener threw', { message: String(listenerError) });
        }
      }
    },
    onExpired: new Set(),
  };

  const context: RecordingContext = {
    config: parsed,
    sessionStore: {
      getState: store.getState,
      getInitialState: () => signedOut,
      subscribe: store.subscribe,
    },
    dispose() {
      if (inner.disposed) return;
      inner.disposed = true;
      inner.session?.dispose();
    },
  };
  internals.set(context, inner);
  return context;
}

/**
 * Calls `listener` once each time a signed-in session ends without `signOut`: a failed refresh, a failed
 * re-exchange after a 401, or a 401 on a restored session (which holds no portal token to re-exchange).
 * Works without the sign-in module. Returns the unsubscribe function.
 *
 * @example
 * const stop = onSessionExpired(context, (error) => showSignIn(error.message));
 */
export function onSessionExpired(
  context: RecordingContext,
  listener: (error: RecordingServiceError) => void,
): () => void {
  const { onExpired } = internalsOf(context);
  onExpired.add(listener);
  return () => {
    onExpired.delete(listener);
  };
}
