/**
 * `recordingQueries`: the one definition of every read, as `queryOptions` factories taking a context (a
 * client is one) first. Each carries its key, its fetch (with react-query's abort signal), its stale time and
 * `retry: false` (the transport already retries what is safe to retry; react-query's retries on top would
 * multiply that budget), and `skipToken` while a required id is empty. Use them with `useQuery`,
 * `useSuspenseQuery`, `prefetchQuery` or `ensureQueryData`, and override any option by spreading.
 *
 * This module is imported as a namespace (`import * as recordingQueries`): a bundler keeps only the
 * factories an app calls, and their operations.
 *
 * @example
 * await queryClient.prefetchQuery(recordingQueries.detail(context, id));
 * const { data } = useSuspenseQuery(recordingQueries.list(context, { query: 'town hall' }));
 */
import {
  infiniteQueryOptions,
  queryOptions,
  skipToken,
  type DataTag,
  type InfiniteData,
  type QueryClient,
  type QueryFunction,
  type QueryKey,
  type UseQueryOptions,
} from '@tanstack/react-query';
import type { RecordingContext } from '../core/context';
import type { RecordingServiceError } from '../core/errors';
import { md5Hex } from '../core/md5';
import {
  getPlaybackAddress,
  getProgram,
  getProgramStatus,
  listBroadcasts,
  listPrograms,
  listProgramsByCategory,
  listProgramsByPublisher,
} from '../core/programs';
import { getCategory, getTemplate, listCategories, listTemplates } from '../core/catalog';
import { getChatSession, listChatSessions } from '../core/chat';
import { getSystemSettings, getTenant } from '../core/settings';
import { getAccessReport, getProgramAccessReport, getProgramViewers } from '../core/reports';
import type {
  BroadcastParams,
  BroadcastWhen,
  CategoryListParams,
  ChatSession,
  PagedList,
  Program,
  PublisherListParams,
  RecordingListParams,
  ReportParams,
} from '../core/types';
import { detailKey, listKey, recordingKeys, type RecordingKeys } from './keys';
import {
  CATALOG_STALE_TIME_MS,
  fetchWithQuerySignal,
  findCachedProgram,
  mergeChatSession,
  newestTimestamp,
  PROGRAM_STALE_TIME_MS,
  UNLOCKED_PLAYBACK_GC_TIME_MS,
} from './fetching';

/**
 * What a factory gives: only the options it sets, so that a hook can spread the caller's options (its own
 * `select` and `TData` included) over it.
 */
export interface RecordingQuery<TData, TKey extends QueryKey> {
  queryKey: DataTag<TKey, TData, RecordingServiceError>;
  /**
   * The fetch, with react-query's abort signal. While a required id is empty it is react-query's `skipToken`
   * (the read is disabled). Typed as a function so that the factories stay usable with `useSuspenseQuery`,
   * `prefetchQuery` and `ensureQueryData`, which need an id anyway.
   */
  queryFn: QueryFunction<TData, TKey>;
  staleTime?: number;
  gcTime?: number;
  /** Always `false` (typed as react-query's retry option, which carries the error type to `useQuery`). */
  retry: UseQueryOptions<TData, RecordingServiceError, TData, TKey>['retry'];
  initialData?: () => TData | undefined;
  initialDataUpdatedAt?: () => number | undefined;
}

/** The options every plain read shares. */
function read<TData, TKey extends QueryKey>(
  queryKey: TKey,
  fetch: (signal: AbortSignal) => Promise<TData>,
  staleTime: number = PROGRAM_STALE_TIME_MS,
): RecordingQuery<TData, TKey> {
  // Each caller builds `queryKey` from exactly the inputs its `fetch` closes over (secrets excepted).
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions<TData, RecordingServiceError, TData, TKey>({
    queryKey,
    queryFn: (context) => fetchWithQuerySignal(context, fetch),
    staleTime,
    retry: false,
  }) as RecordingQuery<TData, TKey>;
}

/** A read that runs only while `enabled` (its id is not empty); `skipToken` otherwise. */
function readIf<TData, TKey extends QueryKey>(
  enabled: boolean,
  queryKey: TKey,
  fetch: (signal: AbortSignal) => Promise<TData>,
  staleTime: number = PROGRAM_STALE_TIME_MS,
): RecordingQuery<TData, TKey> {
  const options = read(queryKey, fetch, staleTime);
  return enabled ? options : { ...options, queryFn: skipToken as unknown as QueryFunction<TData, TKey> };
}

/** One page of recordings. */
export const list = (context: RecordingContext, params: RecordingListParams = {}) =>
  read(listKey(params), (signal) => listPrograms(context, params, { signal }));

/** Every page of recordings, offset paging; the page size is `params.count` (server default 20). */
export const infinite = (context: RecordingContext, params: Omit<RecordingListParams, 'offset'> = {}) =>
  infiniteQueryOptions<
    PagedList,
    RecordingServiceError,
    InfiniteData<PagedList, number>,
    ReturnType<RecordingKeys['infinite']>,
    number
    // The context is not part of any key: the provider keeps one server and user per QueryClient at a time.
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
  >({
    queryKey: recordingKeys.infinite(params),
    queryFn: (query) =>
      fetchWithQuerySignal(query, (signal) =>
        listPrograms(context, { ...params, offset: query.pageParam }, { signal }),
      ),
    initialPageParam: 0,
    getNextPageParam: (lastPage, _pages, lastOffset) => {
      const next = lastOffset + lastPage.items.length;
      return lastPage.items.length > 0 && next < lastPage.totalItemCount ? next : undefined;
    },
    staleTime: PROGRAM_STALE_TIME_MS,
    retry: false,
  });

/** One page of a category's recordings; skipped while `categoryId` is empty. */
export const byCategory = (context: RecordingContext, categoryId: string, params: CategoryListParams = {}) =>
  readIf(categoryId !== '', recordingKeys.byCategory(categoryId, params), (signal) =>
    listProgramsByCategory(context, categoryId, params, { signal }),
  );

/** One page of a publisher's recordings; skipped while `ownerId` is empty. */
export const byPublisher = (context: RecordingContext, ownerId: string, params: PublisherListParams = {}) =>
  readIf(ownerId !== '', recordingKeys.byPublisher(ownerId, params), (signal) =>
    listProgramsByPublisher(context, ownerId, params, { signal }),
  );

/** Live broadcasts; `timezoneOffset` defaults to this machine's and is part of the key. */
export const broadcasts = (context: RecordingContext, when: BroadcastWhen, params: BroadcastParams = {}) => {
  const withOffset = { ...params, timezoneOffset: params.timezoneOffset ?? new Date().getTimezoneOffset() };
  return read(recordingKeys.broadcasts(when, withOffset), (signal) =>
    listBroadcasts(context, when, withOffset, { signal }),
  );
};

/**
 * One program; skipped while `id` is empty. Given the `queryClient`, it starts from a copy found in any
 * cached list (with that list's age), so a fresh list costs no detail request.
 */
export const detail = (
  context: RecordingContext,
  id: string,
  queryClient?: QueryClient,
): RecordingQuery<Program, ReturnType<RecordingKeys['detail']>> => ({
  ...readIf(id !== '', detailKey(id), (signal) => getProgram(context, id, {}, { signal })),
  ...(queryClient && seededFrom(queryClient, id)),
});

/**
 * `initialData` and `initialDataUpdatedAt` from a copy in a cached list. react-query asks for both when it
 * creates the query: the list caches are searched once for the two.
 */
function seededFrom(queryClient: QueryClient, id: string) {
  let search: [ReturnType<typeof findCachedProgram>] | undefined;
  const cached = () => (search ??= [findCachedProgram(queryClient, id)])[0];
  return {
    initialData: () => cached()?.program,
    initialDataUpdatedAt: () => cached()?.updatedAt,
  };
}

/** A program's recording state; never stale, so polling and remounts always ask. Skipped while `id` is empty. */
export const status = (context: RecordingContext, id: string) =>
  readIf(id !== '', recordingKeys.status(id), (signal) => getProgramStatus(context, id, { signal }), 0);

// Random per page load, made on first use: a key seen outside this page (devtools, a persisted cache) cannot
// be tried against a dictionary of PINs.
let salt: string | undefined;
const passwordMarker = (password: string) => {
  salt ??= Array.from(globalThis.crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16)).join('');
  return md5Hex(salt + password).slice(0, 16);
};

/**
 * Where and how a program plays; skipped while `id` is empty. With a `password` the key carries an
 * `unlocked` marker and a salted digest that tells passwords apart, never the password itself, and the entry
 * leaves the cache soon after it is unused.
 */
export const playback = (context: RecordingContext, id: string, params: { password?: string; dnid?: string } = {}) => {
  const { password, dnid } = params;
  const queryKey: QueryKey = [
    ...recordingKeys.playback(id),
    ...(password ? ['unlocked', passwordMarker(password)] : []),
    ...(dnid ? [{ dnid }] : []),
  ];
  const options = readIf(id !== '', queryKey, (signal) =>
    getPlaybackAddress(context, id, { ...(password && { password }), ...(dnid && { dnid }) }, { signal }),
  );
  return password ? { ...options, gcTime: UNLOCKED_PLAYBACK_GC_TIME_MS } : options;
};

/** Every category of the tenant; fresh for 5 minutes. */
export const categories = (context: RecordingContext) =>
  read(recordingKeys.categories(), (signal) => listCategories(context, { signal }), CATALOG_STALE_TIME_MS);

/** One category; skipped while `id` is empty. */
export const category = (context: RecordingContext, id: string) =>
  readIf(
    id !== '',
    recordingKeys.category(id),
    (signal) => getCategory(context, id, { signal }),
    CATALOG_STALE_TIME_MS,
  );

/** Every recording template of the tenant; fresh for 5 minutes. */
export const templates = (context: RecordingContext) =>
  read(recordingKeys.templates(), (signal) => listTemplates(context, { signal }), CATALOG_STALE_TIME_MS);

/** One template; skipped while `id` is empty. */
export const template = (context: RecordingContext, id: string) =>
  readIf(
    id !== '',
    recordingKeys.template(id),
    (signal) => getTemplate(context, id, { signal }),
    CATALOG_STALE_TIME_MS,
  );

/** System settings (single-tenant servers). */
export const settings = (context: RecordingContext) =>
  read(recordingKeys.settings(), (signal) => getSystemSettings(context, { signal }), CATALOG_STALE_TIME_MS);

/** A tenant's settings (multi-tenant servers); defaults to the configured tenant. */
export const tenant = (context: RecordingContext, tenantId: string = context.config.tenantId) =>
  read(recordingKeys.tenant(tenantId), (signal) => getTenant(context, tenantId, { signal }), CATALOG_STALE_TIME_MS);

/** Access report over every program; every parameter is part of the key. */
export const accessReport = (context: RecordingContext, params: ReportParams = {}) =>
  read(recordingKeys.reports('access', params), (signal) => getAccessReport(context, params, { signal }));

/** Access report of one program; skipped while `programId` is empty. */
export const programAccessReport = (context: RecordingContext, programId: string, params: ReportParams = {}) =>
  readIf(programId !== '', recordingKeys.reports('program-access', { ...params, programId }), (signal) =>
    getProgramAccessReport(context, programId, params, { signal }),
  );

/** Viewers of one program; skipped while `programId` is empty. */
export const programViewers = (context: RecordingContext, programId: string, params: ReportParams = {}) =>
  readIf(programId !== '', recordingKeys.reports('viewers', { ...params, programId }), (signal) =>
    getProgramViewers(context, programId, params, { signal }),
  );

/**
 * The Q&A sessions of a program (owner or moderator); skipped while `programId` is empty. Which sessions one
 * may see does not depend on which valid PIN was typed: the PIN stays out of the key.
 */
export const chatSessions = (context: RecordingContext, programId: string, params: { moderatorPin?: string } = {}) => {
  const { moderatorPin } = params;
  return readIf(programId !== '', recordingKeys.chatSessions(programId), (signal) =>
    listChatSessions(context, programId, moderatorPin ? { moderatorPin } : {}, { signal }),
  );
};

/**
 * One Q&A session with its messages; skipped while `programId` or `sessionId` is empty. The first fetch gets
 * the history; every later one asks only for messages newer than the newest cached (`chatTimestamp`) and
 * merges them into the cached session. The PIN stays out of the key.
 */
export const chatSession = (
  context: RecordingContext,
  programId: string,
  sessionId: string,
  params: { moderatorPin?: string } = {},
) => {
  const { moderatorPin } = params;
  const queryKey = recordingKeys.chatSession(programId, sessionId);
  // The cached session is the state the next fetch continues from: read through the query's own client.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions<ChatSession, RecordingServiceError, ChatSession, typeof queryKey>({
    queryKey,
    queryFn:
      programId === '' || sessionId === ''
        ? skipToken
        : async (query) => {
            const after = newestTimestamp(query.client.getQueryData<ChatSession>(queryKey));
            const ask = { ...(moderatorPin && { moderatorPin }), ...(after !== undefined && { after }) };
            const fresh = await fetchWithQuerySignal(query, (signal) =>
              getChatSession(context, programId, sessionId, ask, { signal }),
            );
            // Read again: a message may have been posted optimistically while this fetch was out.
            return mergeChatSession(query.client.getQueryData<ChatSession>(queryKey), fresh);
          },
    retry: false,
  }) as RecordingQuery<ChatSession, typeof queryKey>;
};
