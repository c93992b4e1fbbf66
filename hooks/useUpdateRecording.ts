'use client';
import type { UseMutationResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import { patchProgram, useProgramMutation, useSealedPassword } from '../src/react/optimistic';
import { detailKey } from '../src/react/keys';
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
  /** Only when a new password is given. */
  password: SealedSecret | undefined;
};

function seal(variables: UpdateRecordingVariables | FlatUpdateRecordingVariables): StoredVariables {
  const { id, changes: nested, ...flat } = variables;
  const { password, ...rest }: ProgramChanges = nested ?? flat;
  return { id, changes: rest, password: password === undefined ? undefined : sealSecret(password) };
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
  const mutation = useProgramMutation<Program, StoredVariables, StoredVariables>({
    // The client's own check, run before the optimistic edit: a sealed password counts as '' here, and is
    // checked for real when sent (an undefined field is skipped by the check and not sent).
    check: ({ changes, password }) => checkProgramChanges({ ...changes, password: password && '' }),
    mutationFn: ({ id, changes, password }) => updateProgram(context, id, { ...changes, password: password?.open() }),
    onMutate: (queryClient, { id, changes }) => {
      // The thumbnail upload shows once the server has made its URL.
      const { thumbnailData: _data, thumbnailMimeType: _type, ...visible } = changes;
      patchProgram(queryClient, id, visible);
    },
    onSuccess: (queryClient, program, { id }) => {
      queryClient.setQueryData(detailKey(id), (old: Program | undefined) => ({ ...old, ...program }));
    },
  });
  return useSealedPassword(mutation, seal);
}
