'use client';

import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import type { RecordingKeys } from '../src/react/keys';
import * as recordingQueries from '../src/react/queries';
import type { RecordingQueryOptions } from '../src/react/fetching';
import type { PagedList, RecordingListParams } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

/**
 * One page of recordings (`programs.list`). Changing `params` aborts the request of the previous ones.
 *
 * @param params Filters and paging: `query`, `category`, `ownerId`, `onlyDeleted`, `orderBy`, `offset`, `count`.
 * @param options Any react-query option except `queryKey` and `queryFn`.
 * @example
 * const { data, isPending, error } = useRecordings({ query: 'town hall', count: 10 });
 * return <ul>{data?.items.map((p) => <li key={p.id}>{p.name}</li>)}</ul>;
 */
export function useRecordings<TData = PagedList>(
  params: RecordingListParams = {},
  options?: RecordingQueryOptions<PagedList, TData, ReturnType<RecordingKeys['list']>>,
): UseQueryResult<TData, RecordingServiceError> {
  const { context } = useRecordingService('useRecordings');
  return useQuery<PagedList, RecordingServiceError, TData, ReturnType<RecordingKeys['list']>>({
    ...recordingQueries.list(context, params),
    ...options,
  });
}
