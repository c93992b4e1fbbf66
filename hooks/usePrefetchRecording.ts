'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import * as recordingQueries from '../src/react/queries';
import { useRecordingService } from './useRecordingService';

/**
 * Returns a stable `(id) => void` that loads a program into the cache ahead of time, e.g. on hover or focus
 * of a list row. Sends nothing when the program is cached and fresh, or held by a fresh cached list.
 *
 * @example
 * const prefetch = usePrefetchRecording();
 * <a href={`/recordings/${p.id}`} onMouseEnter={() => prefetch(p.id)} onFocus={() => prefetch(p.id)}>{p.name}</a>
 */
export function usePrefetchRecording(): (id: string) => void {
  const { context } = useRecordingService('usePrefetchRecording');
  const queryClient = useQueryClient();
  return useCallback(
    (id: string) => {
      if (id !== '') void queryClient.prefetchQuery(recordingQueries.detail(context, id, queryClient));
    },
    [context, queryClient],
  );
}
