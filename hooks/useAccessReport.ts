'use client';

import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import type { RecordingKeys } from '../src/react/keys';
import * as recordingQueries from '../src/react/queries';
import type { RecordingQueryOptions } from '../src/react/fetching';
import type { AccessReport, ReportParams } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

/**
 * Who watched what, over every program the user may report on. Every parameter is part of the cache key.
 *
 * @param params `range` or `startDate`/`endDate`, `ownerName`, `category`, `programName`, `userAgent`,
 * `dnName`, `dnAddress`, `offset`, `count`.
 * @param options Any react-query option except `queryKey` and `queryFn`.
 * @example
 * const { data: rows = [] } = useAccessReport({ range: 'LAST_WEEK', count: 50 });
 */
export function useAccessReport<TData = AccessReport[]>(
  params: ReportParams = {},
  options?: RecordingQueryOptions<AccessReport[], TData, ReturnType<RecordingKeys['reports']>>,
): UseQueryResult<TData, RecordingServiceError> {
  const { context } = useRecordingService('useAccessReport');
  return useQuery<AccessReport[], RecordingServiceError, TData, ReturnType<RecordingKeys['reports']>>({
    ...recordingQueries.accessReport(context, params),
    ...options,
  });
}
