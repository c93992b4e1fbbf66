import {
  createRecordingContext,
  internalsOf,
  onSessionExpired,
  shareInternals,
  type CreateRecordingContextOptions,
  type RecordingContext,
  type SessionSnapshot,
  type SessionStore,
} from './context';
import type { RecordingServiceConfig, ResolvedRecordingServiceConfig } from './config';
import type { RecordingServiceError } from './errors';
import * as programs from './programs';
import * as catalog from './catalog';
import * as chat from './chat';
import * as settings from './settings';
import * as reports from './reports';
import {
  followSessionInOtherTabs,
  signIn,
  signOut,
  snapshotKeys,
  snapshotOf,
  startSessionRefresh,
  stopSessionRefresh,
} from './session';
import type {
  CatalogApi,
  Category,
  ChatApi,
  ProgramsApi,
  ReportsApi,
  SessionApi,
  SettingsApi,
  Template,
  Tenant,
  RequestOptions,
} from './types';

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

/**
 * A client of one recording server: every operation bound into namespaces. It is also a
 * {@link RecordingContext}, so it can be passed to the operation functions and `recordingQueries`.
 */
export interface RecordingClient extends RecordingContext {
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
  /** Stops refresh timers and the cross-tab listeners, and aborts the in-flight sign-in. Idempotent. */
  dispose(): void;
}

/** Options of `createRecordingClient`. */
export type CreateRecordingClientOptions = CreateRecordingContextOptions;

type TenantOperation = (
  context: RecordingContext,
  tenantIdOrOptions?: string | RequestOptions,
  options?: RequestOptions,
) => Promise<Tenant>;

/** An operation function with its context already given. */
type Bound<T> = {
  [K in keyof T]: T[K] extends (context: RecordingContext, ...args: infer A) => infer R ? (...args: A) => R : never;
};

/** Binds a namespace of operation functions to `context`. */
function bind<T extends Record<string, (context: RecordingContext, ...args: never[]) => unknown>>(
  context: RecordingContext,
  operations: T,
): Bound<T> {
  const bound: Record<string, unknown> = {};
  for (const [name, operation] of Object.entries(operations))
    bound[name] = (...args: never[]) => operation(context, ...args);
  return bound as Bound<T>;
}

/**
 * Binds every operation to an existing context, in the namespaces of {@link RecordingClient}. The client
 * shares the context's transport and session: what one signs in, the other sees, and its `dispose()` disposes
 * the context.
 *
 * @example
 * const client = bindRecordingClient(context);
 * await client.programs.get(id);
 */
export function bindRecordingClient(context: RecordingContext): RecordingClient {
  const c = context;
  const { store } = internalsOf(context);
  const client: RecordingClient = {
    // The context's config and dispose; the namespaces and a session store that follows other tabs added.
    ...context,
    programs: bind(c, {
      list: programs.listPrograms,
      listByCategory: programs.listProgramsByCategory,
      listByPublisher: programs.listProgramsByPublisher,
      broadcasts: programs.listBroadcasts,
      get: programs.getProgram,
      authorize: programs.authorizeProgram,
      playbackAddress: programs.getPlaybackAddress,
      status: programs.getProgramStatus,
      reportViewStart: programs.reportViewStart,
      reportViewEnd: programs.reportViewEnd,
      update: programs.updateProgram,
      remove: programs.removeProgram,
      restore: programs.restoreProgram,
    }),
    categories: bind(c, { list: catalog.listCategories, get: catalog.getCategory }),
    templates: bind(c, { list: catalog.listTemplates, get: catalog.getTemplate }),
    chat: bind(c, {
      sessions: chat.listChatSessions,
      session: chat.getChatSession,
      openSession: chat.openChatSession,
      post: chat.postChatMessage,
    }),
    // getTenant's implementation signature, which covers both overloads of `tenant`.
    settings: bind(c, { system: settings.getSystemSettings, tenant: settings.getTenant as TenantOperation }),
    reports: bind(c, {
      access: reports.getAccessReport,
      accessForProgram: reports.getProgramAccessReport,
      viewers: reports.getProgramViewers,
    }),
    session: {
      ...bind(c, {
        signIn,
        signOut,
        startRefresh: startSessionRefresh,
        stopRefresh: stopSessionRefresh,
        onExpired: onSessionExpired,
      }),
      current: () => snapshotOf(store.getState()),
      subscribe(listener) {
        followSessionInOtherTabs(c);
        return store.subscribe((state, previous) => {
          if (snapshotKeys.some((key) => state[key] !== previous[key])) listener(snapshotOf(state));
        });
      },
    },
    sessionStore: {
      ...context.sessionStore,
      subscribe: (listener) => {
        // A client bundles the sign-in module anyway: observing its session follows other tabs too.
        followSessionInOtherTabs(c);
        return store.subscribe(listener);
      },
    },
  };
  return shareInternals(context, client);
}

/**
 * Creates a client of a recording server: `createRecordingContext` plus every operation bound into the
 * namespaces (so it bundles them all; an app that wants only some imports the operation functions). The
 * session is restored from storage, and other tabs' sign-ins and sign-outs are followed once the session is
 * observed, until `dispose()`.
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
  return bindRecordingClient(createRecordingContext(config, options));
}
