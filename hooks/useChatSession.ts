'use client';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import type { RecordingKeys } from '../src/react/keys';
import * as recordingQueries from '../src/react/queries';
import type { RecordingQueryOptions } from '../src/react/fetching';
import type { ChatSession } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

export type { CachedChatMessage } from '../src/react/fetching';

/** Parameters of {@link useChatSession}. */
export interface ChatSessionParams {
  /** The program's moderator PIN, to see and answer every question. Never put in a key. */
  moderatorPin?: string;
  /** How often to ask for new messages, in ms; `0` stops polling. Defaults to 5000. */
  pollMs?: number;
}

/** The default polling interval of {@link useChatSession}: 5 s. */
export const CHAT_POLL_MS = 5_000;

/**
 * One Q&A session with its messages, polled. The first load fetches the history; every later fetch (poll,
 * refocus, invalidation) asks only for messages newer than the newest it has (`chatTimestamp`) and merges them.
 * Disabled while `programId` or `sessionId` is empty.
 *
 * @example
 * const { data } = useChatSession(programId, sessionId, { pollMs: 3000 });
 * return data?.messages?.map((m) => <p key={`${m.timestamp}-${m.senderId}`}>{m.message}</p>);
 */
export function useChatSession(
  programId: string,
  sessionId: string,
  params: ChatSessionParams = {},
  options: RecordingQueryOptions<ChatSession, ChatSession, ReturnType<RecordingKeys['chatSession']>> = {},
): UseQueryResult<ChatSession, RecordingServiceError> {
  const { context } = useRecordingService('useChatSession');
  const { moderatorPin, pollMs = CHAT_POLL_MS } = params;
  return useQuery<ChatSession, RecordingServiceError, ChatSession, ReturnType<RecordingKeys['chatSession']>>({
    ...recordingQueries.chatSession(context, programId, sessionId, moderatorPin ? { moderatorPin } : {}),
    refetchInterval: pollMs > 0 ? pollMs : false,
    ...options,
  });
}
