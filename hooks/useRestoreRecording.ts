'use client';
import type { UseMutationResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import { removeProgramFromLists, useProgramMutation, type CacheSnapshot } from '../src/react/optimistic';
import { detailKey } from '../src/react/keys';
import { restoreProgram } from '../src/core/programs';
import type { Program } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

/** What `mutate` of {@link useRestoreRecording} takes besides a bare id. */
export interface RestoreRecordingVariables {
  id: string;
}

/**
 * Brings a program back from the recycle bin: it leaves the cached recycle-bin lists at once, and every list
 * refetches once the server agrees. Works only where the retention policy keeps deleted programs
 * (`N_DAYS`, `FOREVER`); elsewhere the server refuses and the lists roll back.
 *
 * `mutate` takes the id, or `{ id }`.
 *
 * @example
 * const restore = useRestoreRecording();
 * restore.mutate(id);
 */
export function useRestoreRecording(): UseMutationResult<
  Program,
  RecordingServiceError,
  string | RestoreRecordingVariables,
  CacheSnapshot
> {
  const { context } = useRecordingService('useRestoreRecording');
  return useProgramMutation<Program, RestoreRecordingVariables>({
    mutationFn: ({ id }) => restoreProgram(context, id),
    onMutate: (queryClient, { id }) => removeProgramFromLists(queryClient, id, true),
    onSuccess: (queryClient, program, { id }) => {
      queryClient.setQueryData(detailKey(id), program);
    },
  });
}
