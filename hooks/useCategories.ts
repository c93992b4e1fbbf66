'use client';

import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import type { RecordingKeys } from '../src/react/keys';
import * as recordingQueries from '../src/react/queries';
import type { RecordingQueryOptions } from '../src/react/fetching';
import type { Category } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

/**
 * Every program category of the tenant (fresh for 5 minutes).
 *
 * @param options Any react-query option except `queryKey` and `queryFn`.
 * @example
 * const { data: categories = [] } = useCategories();
 * <select>{categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}</select>
 */
export function useCategories<TData = Category[]>(
  options?: RecordingQueryOptions<Category[], TData, ReturnType<RecordingKeys['categories']>>,
): UseQueryResult<TData, RecordingServiceError> {
  const { context } = useRecordingService('useCategories');
  return useQuery<Category[], RecordingServiceError, TData, ReturnType<RecordingKeys['categories']>>({
    ...recordingQueries.categories(context),
    ...options,
  });
}
