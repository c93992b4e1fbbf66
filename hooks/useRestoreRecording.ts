'use client';
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import { removeProgramFromLists, restoreSnapshot, snapshotProgram, type CacheSnapshot } from '../src/react/optimistic';
import { recordingKeys } from '../src/react/keys';
import { restoreProgram } from '../src/core/programs';
import type { Program } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

/** What `mutate` of {@link useRestoreRecording} takes besides a bare id. */
export interface RestoreRecordingVariables {
  id: string;
}

const idOf = (variables: string | RestoreRecordingVariables): string =>
  typeof variables === 'string' ? variables : variables.id;

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
  const queryClient = useQueryClient();
  return useMutation<Program, RecordingServiceError, string | RestoreRecordingVariables, CacheSnapshot>({
    mutationFn: (variables) => restoreProgram(context, idOf(variables)),
    onMutate: async (variables) => {
      const id = idOf(variables);
      const keys = recordingKeys;
      const snapshot = await snapshotProgram(queryClient, keys, id);
      removeProgramFromLists(queryClient, keys, id, 'recycle-bin');
      return snapshot;
    },
    onError: (_error, _id, snapshot) => {
      if (snapshot) restoreSnapshot(queryClient, snapshot);
    },
    onSuccess: (program, variables) => {
      queryClient.setQueryData(recordingKeys.detail(idOf(variables)), program);
    },
    onSettled: (_data, error, variables) => {
      const id = idOf(variables);
      const keys = recordingKeys;
      // On success the detail is the server's answer already.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.lists() }),
        error ? queryClient.invalidateQueries({ queryKey: keys.detail(id) }) : undefined,
      ]);
    },
  });
}
