'use client';

import { useQueryClient, useSuspenseQuery, type UseSuspenseQueryResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import { recordingQueries } from '../src/react/queries';
import type { Program } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

/**
 * One program, for Suspense: suspends until loaded (not at all when a cached list holds it) and throws
 * errors to the nearest error boundary, so `data` is always defined.
 *
 * @param id The program's id.
 * @example
 * function Title({ id }: { id: string }) {
 *   const { data } = useSuspenseRecording(id);
 *   return <h1>{data.name}</h1>;
 * }
 */
export function useSuspenseRecording(id: string): UseSuspenseQueryResult<Program, RecordingServiceError> {
  const { client } = useRecordingService('useSuspenseRecording');
  const queryClient = useQueryClient();
  return useSuspenseQuery(recordingQueries.detail(client, id, queryClient));
}
