'use client';
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import { recordingKeys } from '../src/react/keys';
import { openChatSession } from '../src/core/chat';
import type { ChatSession } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

/** What `mutate` of {@link useOpenChatSession} takes. */
export interface OpenChatSessionVariables {
  /** The display name questions are asked under. */
  sender: string;
}

/**
 * Opens a Q&A session on a program. The new session is cached, so `useChatSession` on it starts from it
 * and only polls for newer messages; the program's session list is refetched. `mutate` takes
 * `{ sender }` or the sender's display name alone.
 *
 * @example
 * const open = useOpenChatSession(programId);
 * open.mutate({ sender: 'Alice' }, { onSuccess: (s) => setSessionId(s.sessionId) });
 */
export function useOpenChatSession(
  programId: string,
): UseMutationResult<ChatSession, RecordingServiceError, string | OpenChatSessionVariables> {
  const { context } = useRecordingService('useOpenChatSession');
  const queryClient = useQueryClient();
  return useMutation<ChatSession, RecordingServiceError, string | OpenChatSessionVariables>({
    mutationFn: (variables) =>
      openChatSession(context, programId, { sender: typeof variables === 'string' ? variables : variables.sender }),
    onSuccess: (session) => {
      const keys = recordingKeys;
      if (session.sessionId) queryClient.setQueryData(keys.chatSession(programId, session.sessionId), session);
      return queryClient.invalidateQueries({ queryKey: keys.chatSessions(programId), exact: true });
    },
  });
}
