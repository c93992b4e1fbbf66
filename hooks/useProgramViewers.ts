'use client';

import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import type { RecordingKeys } from '../src/react/keys';
import * as recordingQueries from '../src/react/queries';
import type { RecordingQueryOptions } from '../src/react/fetching';
import type { ReportParams, ViewerReport } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

/**
 * View counts of one program (registered and guest viewers). Every parameter is part of the cache key.
 * Disabled while `programId` is empty.
 *
 * @param programId The program's id.
 * @param params As for `useProgramAccessReport`.
 * @param options Any react-query option except `queryKey` and `queryFn`.
 * @example
 * const { data: [report] = [] } = useProgramViewers(id, { range: 'ALL' });
 * <p>{report?.totalViews} views</p>
 */
export function useProgramViewers<TData = ViewerReport[]>(
  programId: string,
  params: ReportParams = {},
  options?: RecordingQueryOptions<ViewerReport[], TData, ReturnType<RecordingKeys['reports']>>,
): UseQueryResult<TData, RecordingServiceError> {
  const { context } = useRecordingService('useProgramViewers');
  return useQuery<ViewerReport[], RecordingServiceError, TData, ReturnType<RecordingKeys['reports']>>({
    ...recordingQueries.programViewers(context, programId, params),
    ...options,
  });
}
