'use client';
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import { RecordingServiceError } from '../src/core/errors';
import { recordingKeys } from '../src/react/keys';
import { authorizeProgram } from '../src/core/programs';
import { sealSecret, type SealedSecret } from '../src/core/secret';
import type { Program } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

/** What `mutate` of {@link useUnlockRecording} takes. */
export interface UnlockRecordingVariables {
  id: string;
  password: string;
}

/** What the mutation cache keeps: the id only, the password sealed for its one use. */
interface StoredVariables {
  id: string;
  password: SealedSecret;
}

/** The mutation result; `variables` holds the id only, never the password. */
export type UseUnlockRecordingResult = Omit<
  UseMutationResult<Program, RecordingServiceError, UnlockRecordingVariables>,
  'variables'
> & { variables: { id: string } | undefined };

/**
 * Unlocks a password-protected program. The password is sent once and kept nowhere: not in the mutation
 * cache, not in a key, not in the answer cached. The unlocked program goes into the detail cache of the
 * signed-in user, which sign-out removes.
 *
 * @example
 * const unlock = useUnlockRecording();
 * unlock.mutate({ id, password }, { onSuccess: () => setLocked(false) });
 */
export function useUnlockRecording(): UseUnlockRecordingResult {
  const { context } = useRecordingService('useUnlockRecording');
  const queryClient = useQueryClient();
  const mutation = useMutation<Program, RecordingServiceError, StoredVariables>({
    mutationFn: ({ id, password }) => {
      const secret = password.open();
      if (!secret) throw new RecordingServiceError({ kind: 'validation', message: 'A password is required to unlock' });
      return authorizeProgram(context, id, secret);
    },
    onSuccess: (program, { id }) => {
      queryClient.setQueryData(recordingKeys.detail(id), program);
    },
  });
  const { mutate: mutateStored, mutateAsync: mutateStoredAsync } = mutation;
  const mutate = useCallback<UseUnlockRecordingResult['mutate']>(
    ({ id, password }, options) => mutateStored({ id, password: sealSecret(password) }, options as never),
    [mutateStored],
  );
  const mutateAsync = useCallback<UseUnlockRecordingResult['mutateAsync']>(
    ({ id, password }, options) => mutateStoredAsync({ id, password: sealSecret(password) }, options as never),
    [mutateStoredAsync],
  );
  const variables = mutation.variables ? { id: mutation.variables.id } : undefined;
  return { ...mutation, mutate, mutateAsync, variables } as UseUnlockRecordingResult;
}
