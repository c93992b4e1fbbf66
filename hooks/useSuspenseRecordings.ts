'use client';

import { useSuspenseQuery, type UseSuspenseQueryResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import * as recordingQueries from '../src/react/queries';
import type { PagedList, RecordingListParams } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

/**
 * One page of recordings, for Suspense: suspends until loaded and throws errors to the nearest error
 * boundary, so `data` is always defined.
 *
 * @param params Filters and paging, as for `useRecordings`.
 * @example
 * function List() {
 *   const { data } = useSuspenseRecordings({ count: 10 });
 *   return <p>{data.totalItemCount} recordings</p>;
 * }
 * <Suspense fallback={<Spinner />}><List /></Suspense>
 */
export function useSuspenseRecordings(
  params: RecordingListParams = {},
): UseSuspenseQueryResult<PagedList, RecordingServiceError> {
  const { context } = useRecordingService('useSuspenseRecordings');
  return useSuspenseQuery(recordingQueries.list(context, params));
}
