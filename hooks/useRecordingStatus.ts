'use client';

import { useQuery, type Query, type UseQueryResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import type { RecordingKeys } from '../src/react/keys';
import * as recordingQueries from '../src/react/queries';
import { statusPollDelay, type RecordingQueryOptions } from '../src/react/fetching';
import type { ProgramStatus } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

type StatusKey = ReturnType<RecordingKeys['status']>;

/** Options of {@link useRecordingStatus}: react-query's, plus the polling pace. */
export interface RecordingStatusOptions<TData = ProgramStatus> extends RecordingQueryOptions<
  ProgramStatus,
  TData,
  StatusKey
> {
  /** First delay between polls. Defaults to 2000 ms; each poll doubles it. */
  pollIntervalMs?: number;
  /** Longest delay between polls. Defaults to 30000 ms. */
  maxPollIntervalMs?: number;
}

export { TERMINAL_PROGRAM_STATES } from '../src/react/fetching';

/**
 * A program's recording status, polled while its state is not terminal: the delay doubles from
 * `pollIntervalMs` up to `maxPollIntervalMs`, and polling stops at `COMPLETE` or `FAILED`. Pass
 * `refetchInterval` to replace that schedule. Disabled while `id` is empty.
 *
 * @param id The program's id.
 * @param options Any react-query option except `queryKey` and `queryFn`, plus the polling pace.
 * @example
 * const { data: status } = useRecordingStatus(id);
 * <p>{status?.state === 'COMPLETE' ? 'Ready' : 'Processing…'}</p>
 */
export function useRecordingStatus<TData = ProgramStatus>(
  id: string,
  options: RecordingStatusOptions<TData> = {},
): UseQueryResult<TData, RecordingServiceError> {
  const { context } = useRecordingService('useRecordingStatus');
  const { pollIntervalMs = 2000, maxPollIntervalMs = 30_000, ...queryOptions } = options;
  const backoff = ({ state }: Query<ProgramStatus, RecordingServiceError, ProgramStatus, StatusKey>) =>
    statusPollDelay(
      state.data?.state,
      state.dataUpdateCount + state.errorUpdateCount,
      pollIntervalMs,
      maxPollIntervalMs,
    );
  return useQuery<ProgramStatus, RecordingServiceError, TData, StatusKey>({
    ...recordingQueries.status(context, id),
    refetchInterval: backoff,
    ...queryOptions,
  });
}
