'use client';

import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import type { RecordingKeys } from '../src/react/keys';
import * as recordingQueries from '../src/react/queries';
import type { RecordingQueryOptions } from '../src/react/fetching';
import type { Template } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

/**
 * One recording template. Disabled while `id` is empty.
 *
 * @param id The template's id.
 * @param options Any react-query option except `queryKey` and `queryFn`.
 * @example
 * const { data: template } = useTemplate(program.templateId ?? '');
 */
export function useTemplate<TData = Template>(
  id: string,
  options?: RecordingQueryOptions<Template, TData, ReturnType<RecordingKeys['template']>>,
): UseQueryResult<TData, RecordingServiceError> {
  const { context } = useRecordingService('useTemplate');
  return useQuery<Template, RecordingServiceError, TData, ReturnType<RecordingKeys['template']>>({
    ...recordingQueries.template(context, id),
    ...options,
  });
}
