'use client';
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import { detailKey } from '../src/react/keys';
import { useSealedPassword } from '../src/react/optimistic';
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

const seal = ({ id, password }: UnlockRecordingVariables): StoredVariables => ({ id, password: sealSecret(password) });

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
    // An empty password fails there with a `validation` error, unsent.
    mutationFn: ({ id, password }) => authorizeProgram(context, id, password.open() ?? ''),
    onSuccess: (program, { id }) => {
      queryClient.setQueryData(detailKey(id), program);
    },
  });
  return useSealedPassword(mutation, seal);
}
