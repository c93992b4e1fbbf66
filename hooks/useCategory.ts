'use client';

import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import type { RecordingKeys } from '../src/react/keys';
import * as recordingQueries from '../src/react/queries';
import type { RecordingQueryOptions } from '../src/react/fetching';
import type { Category } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

/**
 * One category. Disabled while `id` is empty.
 *
 * @param id The category's id.
 * @param options Any react-query option except `queryKey` and `queryFn`.
 * @example
 * const { data: category } = useCategory(program.categoryId ?? '');
 */
export function useCategory<TData = Category>(
  id: string,
  options?: RecordingQueryOptions<Category, TData, ReturnType<RecordingKeys['category']>>,
): UseQueryResult<TData, RecordingServiceError> {
  const { context } = useRecordingService('useCategory');
  return useQuery<Category, RecordingServiceError, TData, ReturnType<RecordingKeys['category']>>({
    ...recordingQueries.category(context, id),
    ...options,
  });
}
