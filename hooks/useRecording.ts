'use client';

import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import type { RecordingKeys } from '../src/react/keys';
import * as recordingQueries from '../src/react/queries';
import type { RecordingQueryOptions } from '../src/react/fetching';
import type { Program } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

/**
 * One program. Starts from the copy in any cached list (page, infinite, by category or publisher,
 * broadcasts) with that list's age, so opening a program from a fresh list sends no request; a stale copy
 * is shown while the program is fetched. Any number of components reading one id share one request.
 * Disabled while `id` is empty.
 *
 * @param id The program's id.
 * @param options Any react-query option except `queryKey` and `queryFn`.
 * @example
 * const { data: program, isPending } = useRecording(id);
 * if (isPending) return <Spinner />;
 * return <h1>{program?.name}</h1>;
 */
export function useRecording<TData = Program>(
  id: string,
  options?: RecordingQueryOptions<Program, TData, ReturnType<RecordingKeys['detail']>>,
): UseQueryResult<TData, RecordingServiceError> {
  const { context } = useRecordingService('useRecording');
  const queryClient = useQueryClient();
  return useQuery<Program, RecordingServiceError, TData, ReturnType<RecordingKeys['detail']>>({
    ...recordingQueries.detail(context, id, queryClient),
    ...options,
  });
}
