'use client';

import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import type { RecordingKeys } from '../src/react/keys';
import * as recordingQueries from '../src/react/queries';
import type { RecordingQueryOptions } from '../src/react/fetching';
import type { BroadcastParams, BroadcastWhen, PagedList } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

/** How often `useBroadcasts('now')` asks again while mounted: 30 s. */
export const BROADCASTS_NOW_REFETCH_MS = 30_000;

/**
 * Live broadcasts: all, future, today or on air now. Sends this machine's time-zone offset
 * (`timezoneOffset`, minutes as `Date#getTimezoneOffset`) unless `params` gives one. `'now'` refetches every
 * 30 s while mounted; pass `refetchInterval` to change that (or `false` to stop it).
 *
 * @param when `'all' | 'future' | 'today' | 'now'`.
 * @param params Filters and paging.
 * @param options Any react-query option except `queryKey` and `queryFn`.
 * @example
 * const { data } = useBroadcasts('today');
 * const onAir = useBroadcasts('now', {}, { refetchInterval: 10_000 });
 */
export function useBroadcasts<TData = PagedList>(
  when: BroadcastWhen,
  params: BroadcastParams = {},
  options?: RecordingQueryOptions<PagedList, TData, ReturnType<RecordingKeys['broadcasts']>>,
): UseQueryResult<TData, RecordingServiceError> {
  const { context } = useRecordingService('useBroadcasts');
  return useQuery<PagedList, RecordingServiceError, TData, ReturnType<RecordingKeys['broadcasts']>>({
    ...recordingQueries.broadcasts(context, when, params),
    ...options,
    refetchInterval: options?.refetchInterval ?? (when === 'now' ? BROADCASTS_NOW_REFETCH_MS : false),
  });
}
