'use client';
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { RecordingServiceError } from '../src/core/errors';
import { patchProgram, restoreSnapshot, snapshotProgram, type CacheSnapshot } from '../src/react/optimistic';
import { recordingKeys } from '../src/react/keys';
import { checkProgramChanges, updateProgram } from '../src/core/programs';
import { sealSecret, type SealedSecret } from '../src/core/secret';
import type { Program, ProgramChanges } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

/** What `mutate` of {@link useUpdateRecording} takes: only the fields that changed. */
export interface UpdateRecordingVariables {
  id: string;
  changes: ProgramChanges;
}

/** The flat form `mutate` also takes: the id beside the changed fields, `{ id, name: 'New name' }`. */
export type FlatUpdateRecordingVariables = { id: string; changes?: never } & ProgramChanges;

/** The mutation result; `variables` is always `{ id, changes }`, and `changes` never holds a new `password`. */
export type UseUpdateRecordingResult = UseMutationResult<
  Program,
  RecordingServiceError,
  UpdateRecordingVariables | FlatUpdateRecordingVariables
>;

type StoredVariables = {
  id: string;
  changes: Omit<ProgramChanges, 'password'>;
  password: SealedSecret;
  passwordGiven: boolean;
};

function seal(variables: UpdateRecordingVariables | FlatUpdateRecordingVariables): StoredVariables {
  const { id, changes: nested, ...flat } = variables;
  const { password, ...rest }: ProgramChanges = nested ?? flat;
  return { id, changes: rest, password: sealSecret(password), passwordGiven: password !== undefined };
}

/**
 * Edits a program. Validates the changes first (a `validation` error, nothing sent), then shows them at once
 * in the program's detail and in every cached list page holding it, rolls back if the server refuses, and
 * refetches both when done. A new `password` is sent but kept out of the mutation cache and the program cache.
 * `mutate` takes `{ id, changes }` or the flat `{ id, ...changes }`.
 *
 * @example
 * const update = useUpdateRecording();
 * update.mutate({ id, changes: { name: 'Town hall (Q3)' } });
 * update.mutate({ id, allowMediaDownload: true });
 */
export function useUpdateRecording(): UseUpdateRecordingResult {
  const { context } = useRecordingService('useUpdateRecording');
  const queryClient = useQueryClient();
  const mutation = useMutation<Program, RecordingServiceError, StoredVariables, CacheSnapshot>({
    onMutate: async ({ id, changes, passwordGiven }) => {
      // The client's own check, run before the optimistic edit (the sealed password is checked when sent).
      checkProgramChanges(passwordGiven ? { ...changes, password: '' } : changes);
      const keys = recordingKeys;
      const snapshot = await snapshotProgram(queryClient, keys, id);
      // The thumbnail upload shows once the server has made its URL.
      const { thumbnailData: _data, thumbnailMimeType: _type, ...visible } = changes;
      patchProgram(queryClient, keys, id, visible);
      return snapshot;
    },
    mutationFn: ({ id, changes, password }) => {
      const secret = password.open();
      return updateProgram(context, id, secret === undefined ? changes : { ...changes, password: secret });
    },
    onSuccess: (program, { id }) => {
      queryClient.setQueryData(recordingKeys.detail(id), (old: Program | undefined) => ({
        ...old,
        ...program,
      }));
    },
    onError: (_error, _variables, snapshot) => {
      if (snapshot) restoreSnapshot(queryClient, snapshot);
    },
    onSettled: (_data, error, { id }, snapshot) => {
      if (!snapshot) return undefined; // refused before sending: nothing changed
      const keys = recordingKeys;
      // On success the detail is the server's answer already.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.lists() }),
        error ? queryClient.invalidateQueries({ queryKey: keys.detail(id) }) : undefined,
      ]);
    },
  });
  const { mutate: mutateStored, mutateAsync: mutateStoredAsync } = mutation;
  const mutate = useCallback<UseUpdateRecordingResult['mutate']>(
    (variables, options) => mutateStored(seal(variables), options as never),
    [mutateStored],
  );
  const mutateAsync = useCallback<UseUpdateRecordingResult['mutateAsync']>(
    (variables, options) => mutateStoredAsync(seal(variables), options as never),
    [mutateStoredAsync],
  );
  const variables = mutation.variables && { id: mutation.variables.id, changes: mutation.variables.changes };
  return { ...mutation, mutate, mutateAsync, variables } as UseUpdateRecordingResult;
}
