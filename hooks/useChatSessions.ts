'use client';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import {
  fetchWithQuerySignal,
  PROGRAM_STALE_TIME_MS,
  recordingKeysFor,
  type RecordingQueryOptions,
} from '../src/react/queries';
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
  options: RecordingQueryOptions<ChatSession[]> = {},
): UseQueryResult<ChatSession[], RecordingServiceError> {
  const { client } = useRecordingService('useChatSessions');
  const { moderatorPin } = params;
  // Which sessions one may see does not depend on which valid PIN was typed: the PIN stays out of the key.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return useQuery<ChatSession[], RecordingServiceError>({
    staleTime: PROGRAM_STALE_TIME_MS,
    ...options,
    enabled: programId === '' ? false : (options.enabled ?? true),
    queryKey: recordingKeysFor(client).chatSessions(programId),
    queryFn: (context) =>
      fetchWithQuerySignal(context, (signal) =>
        client.chat.sessions(programId, moderatorPin ? { moderatorPin } : {}, { signal }),
      ),
  });
}
