'use client';

import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import type { RecordingKeys } from '../src/react/keys';
import * as recordingQueries from '../src/react/queries';
import type { RecordingQueryOptions } from '../src/react/fetching';
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
  const { context } = useRecordingService('useRecordingsByPublisher');
  return useQuery<PagedList, RecordingServiceError, TData, ReturnType<RecordingKeys['byPublisher']>>({
    ...recordingQueries.byPublisher(context, ownerId, params),
    ...options,
  });
}
