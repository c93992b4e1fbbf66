'use client';
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import { checkChatMessage, MAX_CHAT_MESSAGE_LENGTH, postChatMessage } from '../src/core/chat';
import { recordingKeys } from '../src/react/keys';
import type { ChatSession, NewChatMessage } from '../src/core/types';
import { sameText, type CachedChatMessage } from '../src/react/fetching';
import { useRecordingService } from './useRecordingService';

/** Parameters of {@link usePostChatMessage}. */
export interface PostChatMessageParams {
  /** The moderator PIN, needed to post answers (`type: 'RESPONSE'`). Never put in a key or the mutation cache. */
  moderatorPin?: string;
}

/** The longest message the server accepts, in UTF-16 code units (see `chatMessageLength`). */
export const CHAT_MESSAGE_MAX_LENGTH: number = MAX_CHAT_MESSAGE_LENGTH;

const isSame = (a: CachedChatMessage, b: CachedChatMessage) =>
  a.pending === true && a.timestamp === b.timestamp && sameText(a, b);

/**
 * Posts a question or answer to a Q&A session. The message shows at once in the cached session (marked
 * `pending`) and is replaced by the server's copy on the next fetch, which is triggered right after; if the
 * server refuses, only that message leaves. Empty messages and messages over 1024 UTF-16 code units fail with a
 * `validation` error, unsent. The moderator PIN is a hook parameter, so it never enters the mutation cache.
 *
 * @example
 * const post = usePostChatMessage(programId, sessionId);
 * post.mutate({ message: text, type: 'QUESTION', senderDisplayName: 'Alice' });
 */
export function usePostChatMessage(
  programId: string,
  sessionId: string,
  params: PostChatMessageParams = {},
): UseMutationResult<void, RecordingServiceError, NewChatMessage, CachedChatMessage> {
  const { context } = useRecordingService('usePostChatMessage');
  const queryClient = useQueryClient();
  const { moderatorPin } = params;
  const queryKey = recordingKeys.chatSession(programId, sessionId);
  return useMutation<void, RecordingServiceError, NewChatMessage, CachedChatMessage>({
    onMutate: async (message) => {
      const invalid = checkChatMessage(message);
      if (invalid) throw invalid;
      await queryClient.cancelQueries({ queryKey, exact: true });
      const pending: CachedChatMessage = { ...message, sessionId, timestamp: Date.now(), pending: true };
      queryClient.setQueryData<ChatSession>(queryKey, (old) => ({
        ...old,
        messages: [...(old?.messages ?? []), pending],
      }));
      return pending;
    },
    mutationFn: (message) =>
      postChatMessage(context, programId, sessionId, message, moderatorPin ? { moderatorPin } : {}),
    onError: (_error, _message, pending) => {
      // Only this message leaves: polls may have merged others in meanwhile.
      if (pending) {
        queryClient.setQueryData<ChatSession>(
          queryKey,
          (old) =>
            old && {
              ...old,
              messages: (old.messages as CachedChatMessage[] | undefined)?.filter((m) => !isSame(m, pending)),
            },
        );
      }
    },
    onSettled: (_data, error) =>
      error?.kind === 'validation' ? undefined : queryClient.invalidateQueries({ queryKey, exact: true }),
  });
}
