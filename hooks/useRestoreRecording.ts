'use client';
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/errors';
import { removeProgramFromLists, restoreSnapshot, snapshotProgram, type CacheSnapshot } from '../src/optimistic';
import { recordingKeysFor } from '../src/queries';
import type { Program } from '../src/types';
import { useRecordingService } from './useRecordingService';

/**
 * Brings a program back from the recycle bin: it leaves the cached recycle-bin lists at once, and every list
 * refetches once the server agrees. Works only where the retention policy keeps deleted programs
 * (`N_DAYS`, `FOREVER`); elsewhere the server refuses and the lists roll back.
 *
 * @example
 * const restore = useRestoreRecording();
 * restore.mutate(id);
 */
export function useRestoreRecording(): UseMutationResult<Program, RecordingServiceError, string, CacheSnapshot> {
  const { client } = useRecordingService();
  const queryClient = useQueryClient();
  return useMutation<Program, RecordingServiceError, string, CacheSnapshot>({
    mutationFn: (id) => client.programs.restore(id),
    onMutate: async (id) => {
      const keys = recordingKeysFor(client);
      const snapshot = await snapshotProgram(queryClient, keys, id);
      removeProgramFromLists(queryClient, keys, id, 'recycle-bin');
      return snapshot;
    },
    onError: (_error, _id, snapshot) => {
      if (snapshot) restoreSnapshot(queryClient, snapshot);
    },
    onSuccess: (program, id) => {
      queryClient.setQueryData(recordingKeysFor(client).detail(id), program);
    },
    onSettled: (_data, error, id) => {
      const keys = recordingKeysFor(client);
      // On success the detail is the server's answer already.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.lists() }),
        error ? queryClient.invalidateQueries({ queryKey: keys.detail(id) }) : undefined,
      ]);
    },
  });
}
