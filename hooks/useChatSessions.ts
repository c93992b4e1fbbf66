'use client';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import type { RecordingKeys } from '../src/react/keys';
import * as recordingQueries from '../src/react/queries';
import type { RecordingQueryOptions } from '../src/react/fetching';
import type { ChatSession } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

/** Parameters of {@link useChatSessions}. */
export interface ChatSessionsParams {
  /** The program's moderator PIN, when the user is a moderator rather than the owner. Never put in a key. */
  moderatorPin?: string;
}

/**
 * The Q&A sessions of a program (for its owner or a moderator), without their messages. Disabled while
 * `programId` is empty.
 *
 * @example
 * const { data: sessions = [] } = useChatSessions(programId, { moderatorPin });
 * return sessions.map((s) => <li key={s.sessionId}>{s.initiatorName} ({s.unansweredCount})</li>);
 */
export function useChatSessions(
  programId: string,
  params: ChatSessionsParams = {},
  options: RecordingQueryOptions<ChatSession[], ChatSession[], ReturnType<RecordingKeys['chatSessions']>> = {},
): UseQueryResult<ChatSession[], RecordingServiceError> {
  const { context } = useRecordingService('useChatSessions');
  return useQuery<ChatSession[], RecordingServiceError, ChatSession[], ReturnType<RecordingKeys['chatSessions']>>({
    ...recordingQueries.chatSessions(context, programId, params),
    ...options,
  });
}
