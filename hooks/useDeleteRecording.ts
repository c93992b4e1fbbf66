'use client';
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import {
  patchProgram,
  removeProgramFromLists,
  restoreSnapshot,
  snapshotProgram,
  type CacheSnapshot,
} from '../src/react/optimistic';
import { recordingKeys } from '../src/react/keys';
import { removeProgram } from '../src/core/programs';
import { useRecordingService } from './useRecordingService';

/** What `mutate` of {@link useDeleteRecording} takes. */
export interface DeleteRecordingVariables {
  id: string;
  /** Skip the recycle bin. Defaults to `false` on the server. */
  permanent?: boolean;
  /** Also delete the media files. Defaults to `true` on the server. */
  deleteResources?: boolean;
}

const normalize = (variables: string | DeleteRecordingVariables): DeleteRecordingVariables =>
  typeof variables === 'string' ? { id: variables } : variables;

/**
 * Deletes a program: it leaves every cached list at once (their `totalItemCount` drops by one) and comes
 * back if the server refuses. The recycle bin (`onlyDeleted` lists) is refetched afterwards; a permanent
 * delete also drops the program's detail. `mutate` takes the id alone (the server's defaults) or
 * `{ id, permanent?, deleteResources? }`.
 *
 * @example
 * const remove = useDeleteRecording();
 * remove.mutate(id); // to the recycle bin
 * remove.mutate({ id, permanent: true, deleteResources: false });
 */
export function useDeleteRecording(): UseMutationResult<
  void,
  RecordingServiceError,
  string | DeleteRecordingVariables,
  CacheSnapshot
> {
  const { context } = useRecordingService('useDeleteRecording');
  const queryClient = useQueryClient();
  return useMutation<void, RecordingServiceError, string | DeleteRecordingVariables, CacheSnapshot>({
    mutationFn: (variables) => {
      const { id, permanent, deleteResources } = normalize(variables);
      return removeProgram(context, id, {
        ...(permanent !== undefined && { permanent }),
        ...(deleteResources !== undefined && { deleteResources }),
      });
    },
    onMutate: async (variables) => {
      const { id, permanent } = normalize(variables);
      const keys = recordingKeys;
      const snapshot = await snapshotProgram(queryClient, keys, id);
      removeProgramFromLists(queryClient, keys, id, 'lists');
      if (!permanent) patchProgram(queryClient, keys, id, { deleted: true });
      return snapshot;
    },
    onError: (_error, _variables, snapshot) => {
      if (snapshot) restoreSnapshot(queryClient, snapshot);
    },
    onSuccess: (_data, variables) => {
      const { id, permanent } = normalize(variables);
      const keys = recordingKeys;
      if (permanent) queryClient.removeQueries({ queryKey: keys.detail(id) });
    },
    onSettled: (_data, error, variables) => {
      const { id, permanent } = normalize(variables);
      const keys = recordingKeys;
      return Promise.all([
        error || !permanent ? queryClient.invalidateQueries({ queryKey: keys.detail(id) }) : undefined,
        // Every list, the recycle bin included (it may have gained the program).
        queryClient.invalidateQueries({ queryKey: keys.lists() }),
      ]);
    },
  });
}
