import {
  infiniteQueryOptions,
  queryOptions,
  type InfiniteData,
  type Query,
  type QueryClient,
  type QueryKey,
  type UseQueryOptions,
} from '@tanstack/react-query';
import type { RecordingClient } from '../core/client';
import { baseUrl } from '../core/config';
import type { RecordingServiceError } from '../core/errors';
import { recordingKeys, type RecordingKeys, type RecordingScope } from './keys';
import type {
  AccessReport,
  BroadcastParams,
  BroadcastWhen,
  Category,
  CategoryListParams,
  PagedList,
  Program,
  ProgramStatus,
  PublisherListParams,
  RecordingListParams,
  ReportParams,
  SystemSettings,
  Template,
  Tenant,
  ViewerReport,
} from '../core/types';

/** How long program data counts as fresh unless a query says otherwise: 30 s. */
export const PROGRAM_STALE_TIME_MS = 30_000;
/** How long catalogs (categories, templates) and settings count as fresh: 5 min. */
export const CATALOG_STALE_TIME_MS = 5 * 60_000;

/**
 * The options a read hook accepts: every react-query option except `queryKey` and `queryFn`, which the
 * hook owns. Errors are always {@link RecordingServiceError}.
 */
export type RecordingQueryOptions<TQueryFnData, TData = TQueryFnData, TKey extends QueryKey = QueryKey> = Omit<
  UseQueryOptions<TQueryFnData, RecordingServiceError, TData, TKey>,
  'queryKey' | 'queryFn'
>;

/**
 * Who a client speaks for right now: its server, tenant and signed-in user (`null` as a guest). The provider
 * watches it to reset this package's cache entries when it changes.
 */
export function recordingScope(client: RecordingClient): RecordingScope {
  const session = client.session.current();
  return {
    server: baseUrl(client.config),
    tenantId: client.config.tenantId,
    user: session.status === 'user' ? (session.user ?? null) : null,
  };
}

/**
 * The keys a client's queries are cached under: the public `recordingKeys`, so that an app's exact reads and
 * writes (`getQueryData(recordingKeys.detail(id))`, `setQueryData`) reach what the hooks cached. One
 * QueryClient holds one server's data for one user at a time: `<RecordingServiceProvider>` resets these
 * entries when the user signs in, out or changes, or the server or tenant changes. (Two providers for
 * different servers need a QueryClient each.)
 */
export function recordingKeysFor(_client: RecordingClient): RecordingKeys {
  return recordingKeys;
}

/**
 * Runs a query's fetch with an abort signal that follows react-query's `signal` from the next macrotask on.
 *
 * React-query cancels a fetch on its last observer's unsubscribe only if the queryFn has read `signal`.
 * StrictMode unsubscribes and resubscribes every observer synchronously right after mounting; reading `signal`
 * at once would make that simulated unmount abort the first request and the remount send a second. Read a tick
 * later, a real unmount or a key change still aborts the request, and StrictMode sends one.
 */
export function fetchWithQuerySignal<T>(
  context: { readonly signal: AbortSignal },
  fetch: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let settled = false;
  const follow = setTimeout(() => {
    if (settled) return;
    const { signal } = context;
    if (signal.aborted) controller.abort(signal.reason);
    else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }, 0);
  return fetch(controller.signal).finally(() => {
    settled = true;
    clearTimeout(follow);
  });
}

function options<TData, TKey extends QueryKey>(
  queryKey: TKey,
  fetch: (signal: AbortSignal) => Promise<TData>,
  staleTime: number = PROGRAM_STALE_TIME_MS,
) {
  // Each caller builds `queryKey` from exactly the inputs its `fetch` closes over.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions<TData, RecordingServiceError, TData, TKey>({
    queryKey,
    queryFn: (context) => fetchWithQuerySignal(context, fetch),
    staleTime,
    // The client retries what is safe to retry; react-query's retries would multiply its budget.
    retry: false,
  });
}

/** The states after which a program's status no longer changes by itself. */
export const TERMINAL_PROGRAM_STATES: readonly string[] = ['COMPLETE', 'FAILED'];

/**
 * The delay before the next poll of a program's status: `false` once its state is terminal (`COMPLETE`,
 * `FAILED`), else `baseMs` doubled for every poll after the first (`polls` answers so far), at most `maxMs`.
 */
export function statusPollDelay(
  state: string | undefined,
  polls: number,
  baseMs: number,
  maxMs: number,
): number | false {
  if (state !== undefined && TERMINAL_PROGRAM_STATES.includes(state)) return false;
  return Math.min(baseMs * 2 ** Math.max(0, polls - 1), maxMs);
}

/** Offset of the page after `lastPage`, or `undefined` when the server has no more items. */
function nextOffset(lastPage: PagedList, lastOffset: number): number | undefined {
  const next = lastOffset + lastPage.items.length;
  return lastPage.items.length > 0 && next < lastPage.totalItemCount ? next : undefined;
}

/**
 * `queryOptions` factories for every read, keyed by the client's current scope. Each passes react-query's
 * abort `signal` to the client, so unmounts and key changes cancel the request. Use them with `useQuery`,
 * `useSuspenseQuery`, `prefetchQuery` or `ensureQueryData`, and override any option by spreading.
 *
 * @example
 * await queryClient.prefetchQuery(recordingQueries.detail(client, id));
 * const { data } = useSuspenseQuery(recordingQueries.list(client, { query: 'town hall' }));
 */
export const recordingQueries = {
  /** One page of recordings. */
  list: (client: RecordingClient, params: RecordingListParams = {}) =>
    options(recordingKeysFor(client).list(params), (signal) => client.programs.list(params, { signal })),

  /** Every page of recordings, offset paging; the page size is `params.count` (server default 20). */
  infinite: (client: RecordingClient, params: Omit<RecordingListParams, 'offset'> = {}) =>
    infiniteQueryOptions<
      PagedList,
      RecordingServiceError,
      InfiniteData<PagedList, number>,
      ReturnType<RecordingKeys['infinite']>,
      number
    >({
      queryKey: recordingKeysFor(client).infinite(params),
      queryFn: (context) =>
        fetchWithQuerySignal(context, (signal) =>
          client.programs.list({ ...params, offset: context.pageParam }, { signal }),
        ),
      initialPageParam: 0,
      getNextPageParam: (lastPage, _pages, lastOffset) => nextOffset(lastPage, lastOffset),
      staleTime: PROGRAM_STALE_TIME_MS,
      retry: false,
    }),

  byCategory: (client: RecordingClient, categoryId: string, params: CategoryListParams = {}) =>
    options(recordingKeysFor(client).byCategory(categoryId, params), (signal) =>
      client.programs.listByCategory(categoryId, params, { signal }),
    ),

  byPublisher: (client: RecordingClient, ownerId: string, params: PublisherListParams = {}) =>
    options(recordingKeysFor(client).byPublisher(ownerId, params), (signal) =>
      client.programs.listByPublisher(ownerId, params, { signal }),
    ),

  /** Live broadcasts; `timezoneOffset` defaults to this machine's and is part of the key. */
  broadcasts: (client: RecordingClient, when: BroadcastWhen, params: BroadcastParams = {}) => {
    const withOffset = { ...params, timezoneOffset: params.timezoneOffset ?? new Date().getTimezoneOffset() };
    return options(recordingKeysFor(client).broadcasts(when, withOffset), (signal) =>
      client.programs.broadcasts(when, withOffset, { signal }),
    );
  },

  /**
   * One program. Given the `queryClient`, it starts from a copy found in any cached list of the same scope
   * (with that list's age), so a fresh list costs no detail request.
   */
  detail: (client: RecordingClient, id: string, queryClient?: QueryClient) =>
    queryOptions<Program, RecordingServiceError, Program, ReturnType<RecordingKeys['detail']>>({
      queryKey: recordingKeysFor(client).detail(id),
      queryFn: (context) => fetchWithQuerySignal(context, (signal) => client.programs.get(id, {}, { signal })),
      staleTime: PROGRAM_STALE_TIME_MS,
      retry: false,
      ...(queryClient && {
        initialData: () => findCachedProgram(queryClient, client, id)?.program,
        initialDataUpdatedAt: () => findCachedProgram(queryClient, client, id)?.updatedAt,
      }),
    }),

  /** A program's recording state; never stale, so polling and remounts always ask. */
  status: (client: RecordingClient, id: string) =>
    options<ProgramStatus, ReturnType<RecordingKeys['status']>>(
      recordingKeysFor(client).status(id),
      (signal) => client.programs.status(id, { signal }),
      0,
    ),

  categories: (client: RecordingClient) =>
    options<Category[], ReturnType<RecordingKeys['categories']>>(
      recordingKeysFor(client).categories(),
      (signal) => client.categories.list({ signal }),
      CATALOG_STALE_TIME_MS,
    ),

  category: (client: RecordingClient, id: string) =>
    options<Category, ReturnType<RecordingKeys['category']>>(
      recordingKeysFor(client).category(id),
      (signal) => client.categories.get(id, { signal }),
      CATALOG_STALE_TIME_MS,
    ),

  templates: (client: RecordingClient) =>
    options<Template[], ReturnType<RecordingKeys['templates']>>(
      recordingKeysFor(client).templates(),
      (signal) => client.templates.list({ signal }),
      CATALOG_STALE_TIME_MS,
    ),

  template: (client: RecordingClient, id: string) =>
    options<Template, ReturnType<RecordingKeys['template']>>(
      recordingKeysFor(client).template(id),
      (signal) => client.templates.get(id, { signal }),
      CATALOG_STALE_TIME_MS,
    ),

  /** System settings (single-tenant servers). */
  settings: (client: RecordingClient) =>
    options<SystemSettings, ReturnType<RecordingKeys['settings']>>(
      recordingKeysFor(client).settings(),
      (signal) => client.settings.system({ signal }),
      CATALOG_STALE_TIME_MS,
    ),

  /** A tenant's settings (multi-tenant servers); defaults to the configured tenant. */
  tenant: (client: RecordingClient, tenantId: string = client.config.tenantId) =>
    options<Tenant, ReturnType<RecordingKeys['tenant']>>(
      recordingKeysFor(client).tenant(tenantId),
      (signal) => client.settings.tenant(tenantId, { signal }),
      CATALOG_STALE_TIME_MS,
    ),

  /** Access report over every program; every parameter is part of the key. */
  accessReport: (client: RecordingClient, params: ReportParams = {}) =>
    options<AccessReport[], ReturnType<RecordingKeys['reports']>>(
      recordingKeysFor(client).reports('access', params),
      (signal) => client.reports.access(params, { signal }),
    ),

  programAccessReport: (client: RecordingClient, programId: string, params: ReportParams = {}) =>
    options<AccessReport[], ReturnType<RecordingKeys['reports']>>(
      recordingKeysFor(client).reports('program-access', { ...params, programId }),
      (signal) => client.reports.accessForProgram(programId, params, { signal }),
    ),

  programViewers: (client: RecordingClient, programId: string, params: ReportParams = {}) =>
    options<ViewerReport[], ReturnType<RecordingKeys['reports']>>(
      recordingKeysFor(client).reports('viewers', { ...params, programId }),
      (signal) => client.reports.viewers(programId, params, { signal }),
    ),
};

function isInfinite(data: unknown): data is InfiniteData<PagedList> {
  return typeof data === 'object' && data !== null && Array.isArray((data as { pages?: unknown }).pages);
}

function pagesOf(data: unknown): PagedList[] {
  if (isInfinite(data)) return data.pages;
  if (typeof data === 'object' && data !== null && Array.isArray((data as { items?: unknown }).items)) {
    return [data as PagedList];
  }
  return [];
}

/** A program found in a cached list, with when that list was fetched. */
export interface CachedProgram {
  program: Program;
  /** `dataUpdatedAt` of the list query that holds it. */
  updatedAt: number;
}

/**
 * Looks `id` up in every cached list of the client's current scope (pages, infinite lists, by category,
 * by publisher, broadcasts) and returns the most recently fetched copy, if any.
 */
export function findCachedProgram(
  queryClient: QueryClient,
  client: RecordingClient,
  id: string,
): CachedProgram | undefined {
  let found: CachedProgram | undefined;
  const queries: Query[] = queryClient.getQueryCache().findAll({ queryKey: recordingKeysFor(client).lists() });
  for (const query of queries) {
    const updatedAt = query.state.dataUpdatedAt;
    if (found && found.updatedAt >= updatedAt) continue;
    for (const page of pagesOf(query.state.data)) {
      const program = page.items.find((item) => item.id === id);
      if (program) {
        found = { program, updatedAt };
        break;
      }
    }
  }
  return found;
}
