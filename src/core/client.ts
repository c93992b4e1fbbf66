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
    config: context.config,
    programs: {
      list: (params, options) => programs.listPrograms(c, params, options),
      listByCategory: (id, params, options) => programs.listProgramsByCategory(c, id, params, options),
      listByPublisher: (id, params, options) => programs.listProgramsByPublisher(c, id, params, options),
      broadcasts: (when, params, options) => programs.listBroadcasts(c, when, params, options),
      get: (id, params, options) => programs.getProgram(c, id, params, options),
      authorize: (id, password, options) => programs.authorizeProgram(c, id, password, options),
      playbackAddress: (id, params, options) => programs.getPlaybackAddress(c, id, params, options),
      status: (id, options) => programs.getProgramStatus(c, id, options),
      reportViewStart: (id, params, options) => programs.reportViewStart(c, id, params, options),
      reportViewEnd: (id, reportId, params, options) => programs.reportViewEnd(c, id, reportId, params, options),
      update: (id, changes, options) => programs.updateProgram(c, id, changes, options),
      remove: (id, params, options) => programs.removeProgram(c, id, params, options),
      restore: (id, options) => programs.restoreProgram(c, id, options),
    },
    categories: {
      list: (options) => catalog.listCategories(c, options),
      get: (id, options) => catalog.getCategory(c, id, options),
    },
    templates: {
      list: (options) => catalog.listTemplates(c, options),
      get: (id, options) => catalog.getTemplate(c, id, options),
    },
    chat: {
      sessions: (programId, params, options) => chat.listChatSessions(c, programId, params, options),
      session: (programId, sessionId, params, options) => chat.getChatSession(c, programId, sessionId, params, options),
      openSession: (programId, params, options) => chat.openChatSession(c, programId, params, options),
      post: (programId, sessionId, message, params, options) =>
        chat.postChatMessage(c, programId, sessionId, message, params, options),
    },
    settings: {
      system: (options) => settings.getSystemSettings(c, options),
      tenant: ((tenantId?: string | RequestOptions, options?: RequestOptions): Promise<Tenant> =>
        typeof tenantId === 'object'
          ? settings.getTenant(c, tenantId)
          : settings.getTenant(c, tenantId, options)) as SettingsApi['tenant'],
    },
    reports: {
      access: (params, options) => reports.getAccessReport(c, params, options),
      accessForProgram: (id, params, options) => reports.getProgramAccessReport(c, id, params, options),
      viewers: (id, params, options) => reports.getProgramViewers(c, id, params, options),
    },
    session: {
      signIn: (portalToken, user, options) => signIn(c, portalToken, user, options),
      signOut: () => signOut(c),
      current: () => snapshotOf(store.getState()),
      subscribe(listener) {
        followSessionInOtherTabs(c);
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
      startRefresh: () => startSessionRefresh(c),
      stopRefresh: () => stopSessionRefresh(c),
      onExpired: (listener) => onSessionExpired(c, listener),
    },
    sessionStore: {
      getState: context.sessionStore.getState,
      getInitialState: context.sessionStore.getInitialState,
      subscribe: (listener) => {
        // A client bundles the sign-in module anyway: observing its session follows other tabs too.
        followSessionInOtherTabs(c);
        return store.subscribe(listener);
      },
    },
    dispose: () => context.dispose(),
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
