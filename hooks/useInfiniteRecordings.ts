'use client';

import {
  useInfiniteQuery,
  type InfiniteData,
  type UseInfiniteQueryOptions,
  type UseInfiniteQueryResult,
} from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import type { RecordingKeys } from '../src/react/keys';
import * as recordingQueries from '../src/react/queries';
import type { PagedList, RecordingListParams } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

/** Options of {@link useInfiniteRecordings}: react-query's, minus what the hook owns (key, fetch, paging). */
export type InfiniteRecordingsOptions = Omit<
  UseInfiniteQueryOptions<
    PagedList,
    RecordingServiceError,
    InfiniteData<PagedList, number>,
    ReturnType<RecordingKeys['infinite']>,
    number
  >,
  'queryKey' | 'queryFn' | 'initialPageParam' | 'getNextPageParam'
>;

/**
 * Every page of recordings, fetched one page at a time with offset paging (`offset` = items loaded so far)
 * until `totalItemCount` is reached. Cached under its own key, apart from `useRecordings`.
 *
 * @param params Filters and the page size (`count`, server default 20); `offset` is managed by the hook.
 * @example
 * const { data, fetchNextPage, hasNextPage } = useInfiniteRecordings({ count: 20 });
 * const programs = data?.pages.flatMap((page) => page.items) ?? [];
 */
export function useInfiniteRecordings(
  params: Omit<RecordingListParams, 'offset'> = {},
  options?: InfiniteRecordingsOptions,
): UseInfiniteQueryResult<InfiniteData<PagedList, number>, RecordingServiceError> {
  const { context } = useRecordingService('useInfiniteRecordings');
  return useInfiniteQuery({ ...recordingQueries.infinite(context, params), ...options });
}
