'use client';

import { skipToken, useQueryClient, useSuspenseQuery, type UseSuspenseQueryResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import { invalid } from '../src/core/request';
import * as recordingQueries from '../src/react/queries';
import type { Program } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

const noProgram = (): Promise<Program> => Promise.reject(invalid('useSuspenseRecording needs a program id'));

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
  const { context } = useRecordingService('useSuspenseRecording');
  const queryClient = useQueryClient();
  const query = recordingQueries.detail(context, id, queryClient);
  // Suspense cannot wait for nothing: an empty id fails like any other unreadable program.
  return useSuspenseQuery((query.queryFn as unknown) === skipToken ? { ...query, queryFn: noProgram } : query);
}
