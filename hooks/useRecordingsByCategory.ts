'use client';

import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import type { RecordingKeys } from '../src/react/keys';
import * as recordingQueries from '../src/react/queries';
import type { RecordingQueryOptions } from '../src/react/fetching';
import type { CategoryListParams, PagedList } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

/**
 * One page of the recordings of a category. Disabled while `categoryId` is empty.
 *
 * @param categoryId The category's id.
 * @param params `offset` and `count`.
 * @param options Any react-query option except `queryKey` and `queryFn`.
 * @example
 * const { data } = useRecordingsByCategory(categoryId, { count: 12 });
 */
export function useRecordingsByCategory<TData = PagedList>(
  categoryId: string,
  params: CategoryListParams = {},
  options?: RecordingQueryOptions<PagedList, TData, ReturnType<RecordingKeys['byCategory']>>,
): UseQueryResult<TData, RecordingServiceError> {
  const { context } = useRecordingService('useRecordingsByCategory');
  return useQuery<PagedList, RecordingServiceError, TData, ReturnType<RecordingKeys['byCategory']>>({
    ...recordingQueries.byCategory(context, categoryId, params),
    ...options,
  });
}
