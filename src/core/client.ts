import type { AxiosInstance } from 'axios';
import type { StoreApi } from 'zustand/vanilla';
import type { RecordingServiceError } from './errors';
import {
  parseRecordingServiceConfig,
  type RecordingServiceConfig,
  type ResolvedRecordingServiceConfig,
} from './config';
import { createHttpEngine } from './http';
import { createOperations } from './operations';
import { createSessionManager, type SessionManager } from './session';
import type {
  CatalogApi,
  Category,
  ChatApi,
  ProgramsApi,
  ReportsApi,
  Session,
  SessionApi,
  SessionStatus,
  SettingsApi,
  Template,
} from './types';

/**
 * The whole session state held by a client's store. `token` and `timestamp` are the content-server
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
 * A read-only zustand store: usable with `useStore(store, selector)`, but only the client writes it.
 * `getInitialState()` is the signed-out state, which is what a server render sees (there is no storage on
 * the server), so hydration matches and a restored session shows up right after it.
 */
export type SessionStore = Pick<StoreApi<SessionState>, 'getState' | 'getInitialState' | 'subscribe'>;

/** A snapshot of the session, as `session.current()` returns it: never holds a token. */
export interface SessionSnapshot extends Session {
  error?: RecordingServiceError;
}

/** The session namespace of a client: sign-in, sign-out, and the refresh lifecycle. */
export interface RecordingSessionApi extends SessionApi {
  current(): SessionSnapshot;
  /**
   * Starts the periodic refresh if a portal token is held and no refresh is running (idempotent, so a
   * StrictMode double mount creates one timer). Returns a function that stops it. `signIn` starts it too.
   */
  startRefresh(): () => void;
  /** Stops the periodic refresh (the session itself stays). */
  stopRefresh(): void;
  /**
   * Called once each time a signed-in session ends without `signOut`: a failed refresh, a failed
   * re-exchange after a 401, or a 401 without a portal token to re-exchange. Returns the unsubscribe function.
   */
  onExpired(listener: (error: RecordingServiceError) => void): () => void;
}

/** A client of one recording server. Create one per app (or per provider) with `createRecordingClient`. */
export interface RecordingClient {
  /** The validated configuration, defaults filled in. */
  readonly config: ResolvedRecordingServiceConfig;
  readonly programs: ProgramsApi;
  readonly categories: CatalogApi<Category>;
  readonly templates: CatalogApi<Template>;
  readonly chat: ChatApi;
  readonly settings: SettingsApi;
  readonly reports: ReportsApi;
  readonly session: RecordingSessionApi;
  /** The session state, for narrow subscriptions (`useStore(client.sessionStore, (s) => s.status)`). */
  readonly sessionStore: SessionStore;
  /** Stops refresh timers and the cross-tab listener, and aborts the in-flight sign-in. Idempotent. */
  dispose(): void;
}

/** Options of `createRecordingClient`. */
export interface CreateRecordingClientOptions {
  /** The axios instance to send with (interceptors and adapters are kept). Defaults to a new instance. */
  axios?: AxiosInstance;
}

/**
 * Creates a client of a recording server. The config is validated first (an already parsed config is
 * accepted too). The session is restored from storage, and other tabs' sign-ins and sign-outs are
 * followed (storage `local`) until `dispose()`.
 *
 * @throws RecordingServiceError of kind `config` when the config is invalid.
 * @example
 * const client = createRecordingClient({ host: 'rec.example.com', isSecure: true, tenantId: 'default' });
 * const page = await client.programs.list({ count: 10 });
 * await client.session.signIn(portalToken, 'alice');
 */
export function createRecordingClient(
  config: RecordingServiceConfig,
  options?: CreateRecordingClientOptions,
): RecordingClient {
  const parsed = parseRecordingServiceConfig(config);
  const holder: { session?: SessionManager } = {};
  const http = createHttpEngine({
    config: parsed,
    axios: options?.axios,
    secrets: () => holder.session?.secrets() ?? [],
  });
  const session = createSessionManager(parsed, http);
  holder.session = session;
  const operations = createOperations(parsed, http, session);
  const store = session.store;
  const signedOut: SessionState = Object.freeze({ status: 'guest' as const });
  return {
    config: parsed,
    ...operations,
    session: session.api,
    sessionStore: {
      getState: store.getState,
      getInitialState: () => signedOut,
      subscribe: (listener) => {
        session.followOtherTabs();
        return store.subscribe(listener);
      },
    },
    dispose: session.dispose,
  };
}
