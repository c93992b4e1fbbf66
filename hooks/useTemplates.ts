'use client';

import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import type { RecordingKeys } from '../src/react/keys';
import * as recordingQueries from '../src/react/queries';
import type { RecordingQueryOptions } from '../src/react/fetching';
import type { Template } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

/**
 * Every recording template of the tenant (fresh for 5 minutes).
 *
 * @param options Any react-query option except `queryKey` and `queryFn`.
 * @example
 * const { data: templates = [] } = useTemplates();
 */
export function useTemplates<TData = Template[]>(
  options?: RecordingQueryOptions<Template[], TData, ReturnType<RecordingKeys['templates']>>,
): UseQueryResult<TData, RecordingServiceError> {
  const { context } = useRecordingService('useTemplates');
  return useQuery<Template[], RecordingServiceError, TData, ReturnType<RecordingKeys['templates']>>({
    ...recordingQueries.templates(context),
    ...options,
  });
}
