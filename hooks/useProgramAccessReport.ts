'use client';

import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import type { RecordingKeys } from '../src/react/keys';
import * as recordingQueries from '../src/react/queries';
import type { RecordingQueryOptions } from '../src/react/fetching';
import type { AccessReport, ReportParams } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

/**
 * Who watched one program. Every parameter is part of the cache key. Disabled while `programId` is empty.
 *
 * @param programId The program's id.
 * @param params `range` or `startDate`/`endDate`, `userAgent`, `dnName`, `dnAddress`, `offset`, `count`.
 * @param options Any react-query option except `queryKey` and `queryFn`.
 * @example
 * const { data: rows = [] } = useProgramAccessReport(id, { range: 'LAST_MONTH' });
 */
export function useProgramAccessReport<TData = AccessReport[]>(
  programId: string,
  params: ReportParams = {},
  options?: RecordingQueryOptions<AccessReport[], TData, ReturnType<RecordingKeys['reports']>>,
): UseQueryResult<TData, RecordingServiceError> {
  const { context } = useRecordingService('useProgramAccessReport');
  return useQuery<AccessReport[], RecordingServiceError, TData, ReturnType<RecordingKeys['reports']>>({
    ...recordingQueries.programAccessReport(context, programId, params),
    ...options,
  });
}
