'use client';
import type { UseMutationResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import { patchProgram, removeProgramFromLists, useProgramMutation, type CacheSnapshot } from '../src/react/optimistic';
import { detailKey, listsKey } from '../src/react/keys';
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
  return useProgramMutation<void, DeleteRecordingVariables>({
    // An undefined flag is left out of the query: the server's default.
    mutationFn: ({ id, permanent, deleteResources }) => removeProgram(context, id, { permanent, deleteResources }),
    onMutate: (queryClient, { id, permanent }) => {
      removeProgramFromLists(queryClient, id, false);
      if (!permanent) patchProgram(queryClient, id, { deleted: true });
    },
    onSuccess: (queryClient, _data, { id, permanent }) => {
      if (permanent) queryClient.removeQueries({ queryKey: detailKey(id) });
    },
    // Every list, the recycle bin included (it may have gained the program).
    refetch: ({ id, permanent }, error) => [(error || !permanent) && detailKey(id), listsKey()],
  });
}
