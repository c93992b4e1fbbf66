import type {
  BroadcastParams,
  BroadcastWhen,
  CategoryListParams,
  PublisherListParams,
  RecordingListParams,
  ReportParams,
} from '../core/types';

/**
 * Whose cache entries these are: one recording server, one tenant, one user (`null` for a guest).
 *
 * Every key holds a scope as its second element, so caches of different servers, tenants and users never
 * mix, and sign-out removes exactly one user's entries (`removeQueries({ queryKey: keys.all })`).
 * No secret ever goes into a scope or a key: only the server's base URL, the tenant id and the login id.
 */
export interface RecordingScope {
  /** Base URL of the recording server, e.g. `https://rec.example.com` (port omitted when default). */
  server: string;
  tenantId: string;
  /** The signed-in login id, or `null` for a guest. */
  user: string | null;
}

/** Which report a `reports` key is for. */
export type ReportKind = 'access' | 'program-access' | 'viewers';

/** The parameters of a report key: the report parameters plus the program for per-program reports. */
export interface ReportKeyParams extends ReportParams {
  programId?: string;
}

const ROOT = 'recording-service';

/** The first two elements of every key: the library's name and a scope. */
type KeyRoot = readonly [typeof ROOT, Partial<RecordingScope>];

/** The root of `recordingKeys` (empty scope): `recordingKeys.all`. */
export const unscopedRoot: KeyRoot = [ROOT, {}];

/*
 * The keys the quick start needs (every list, one page, one program) as functions of their own, used by the
 * provider, `recordingQueries.list` and `recordingQueries.detail` directly: an app that only reads a page and
 * a program then ships these three rather than every builder of the factory.
 */

/** `keys.lists()` of the keys rooted at `all`. */
export const listsKey = (all: KeyRoot = unscopedRoot) => [...all, 'programs', 'list'] as const;

/** `keys.list(params)` of the keys rooted at `all`. */
export const listKey = (params: RecordingListParams = {}, all: KeyRoot = unscopedRoot) =>
  [...listsKey(all), 'page', params] as const;

/** `keys.detail(id)` of the keys rooted at `all`. */
export const detailKey = (id: string, all: KeyRoot = unscopedRoot) => [...all, 'programs', 'detail', id] as const;

/**
 * Builds a key factory. The hooks and `recordingQueries` cache under `recordingKeys`, the factory with an
 * empty scope (the provider keeps one identity per QueryClient at a time). A scope is for apps that cache
 * entries of their own per server, tenant or user; as a filter, an empty scope matches every scope.
 *
 * Layout: `['recording-service', scope, area, ...]`. Every list (`list`, `infinite`, `byCategory`,
 * `byPublisher`, `broadcasts`) sits under `lists()`; the data of `infinite` keys is `InfiniteData<PagedList>`,
 * of the others `PagedList`.
 *
 * @example
 * const keys = createRecordingKeys({ server: 'https://rec.example.com', tenantId: 'default', user: 'alice' });
 * queryClient.removeQueries({ queryKey: keys.all });
 */
export function createRecordingKeys(scope: Partial<RecordingScope> = {}) {
  // An undefined field would match nothing as a filter: leave it out.
  const defined = Object.fromEntries(
    Object.entries(scope).filter(([, value]) => value !== undefined),
  ) as Partial<RecordingScope>;
  const all = [ROOT, defined] as const;
  const programs = [...all, 'programs'] as const;
  const lists = listsKey(all);
  const details = [...programs, 'detail'] as const;
  return {
    /** Every entry of this scope. */
    all,
    /** Every list of programs (pages, infinite lists, by category/publisher, broadcasts). */
    lists: () => lists,
    /** One page of `programs.list`. */
    list: (params: RecordingListParams = {}) => listKey(params, all),
    /** All pages of `programs.list` (its own segment: the data shape differs). */
    infinite: (params: Omit<RecordingListParams, 'offset'> = {}) => [...lists, 'infinite', params] as const,
    byCategory: (categoryId: string, params: CategoryListParams = {}) =>
      [...lists, 'category', categoryId, params] as const,
    byPublisher: (ownerId: string, params: PublisherListParams = {}) =>
      [...lists, 'publisher', ownerId, params] as const,
    broadcasts: (when: BroadcastWhen, params: BroadcastParams = {}) => [...lists, 'broadcasts', when, params] as const,
    /** Every single-program entry. */
    details: () => details,
    detail: (id: string) => detailKey(id, all),
    /** A program's playback address; per-variant keys (e.g. unlocked) go below it. Never a password. */
    playback: (id: string) => [...programs, 'playback', id] as const,
    status: (id: string) => [...programs, 'status', id] as const,
    categories: () => [...all, 'categories'] as const,
    category: (id: string) => [...all, 'categories', id] as const,
    templates: () => [...all, 'templates'] as const,
    template: (id: string) => [...all, 'templates', id] as const,
    /** Q&A sessions of a program. Never a moderator PIN. */
    chatSessions: (programId: string) => [...programs, 'chat', programId] as const,
    chatSession: (programId: string, sessionId: string) => [...programs, 'chat', programId, sessionId] as const,
    settings: () => [...all, 'settings', 'system'] as const,
    tenant: (tenantId: string) => [...all, 'settings', 'tenant', tenantId] as const,
    reports: (kind: ReportKind, params: ReportKeyParams = {}) => [...all, 'reports', kind, params] as const,
  };
}

/** The key factory type (see {@link createRecordingKeys}). */
export type RecordingKeys = ReturnType<typeof createRecordingKeys>;

/**
 * The keys every hook and `recordingQueries` factory caches under: use them for exact reads and writes
 * (`getQueryData`, `setQueryData`) and as filters (`invalidateQueries`, `removeQueries`, `cancelQueries`).
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: recordingKeys.lists() });
 * const program = queryClient.getQueryData(recordingKeys.detail(id));
 */
export const recordingKeys: RecordingKeys = /* @__PURE__ */ createRecordingKeys();
