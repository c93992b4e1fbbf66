'use client';

import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import type { RecordingKeys } from '../src/react/keys';
import { recordingQueries, type RecordingQueryOptions } from '../src/react/queries';
import type { PagedList, PublisherListParams } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

/**
 * One page of the recordings (VOD) of a publisher. Disabled while `ownerId` is empty.
 *
 * @param ownerId The publisher's login id.
 * @param params `offset`, `count` and `onlyDeleted` (their recycle bin).
 * @param options Any react-query option except `queryKey` and `queryFn`.
 * @example
 * const { data } = useRecordingsByPublisher('alice', { onlyDeleted: true });
 */
export function useRecordingsByPublisher<TData = PagedList>(
  ownerId: string,
  params: PublisherListParams = {},
  options?: RecordingQueryOptions<PagedList, TData, ReturnType<RecordingKeys['byPublisher']>>,
): UseQueryResult<TData, RecordingServiceError> {
  const { client } = useRecordingService('useRecordingsByPublisher');
  const { queryKey, queryFn, staleTime } = recordingQueries.byPublisher(client, ownerId, params);
  return useQuery<PagedList, RecordingServiceError, TData, ReturnType<RecordingKeys['byPublisher']>>({
    queryKey,
    queryFn,
    staleTime,
    ...options,
    enabled: ownerId === '' ? false : (options?.enabled ?? true),
  });
}
