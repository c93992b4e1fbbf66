'use client';
import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { RecordingServiceError } from '../src/core/errors';
import { fetchWithQuerySignal, recordingKeysFor, type RecordingQueryOptions } from '../src/react/queries';
import type { ChatMessage, ChatSession } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

/** A cached message; `pending` marks one posted from here that the server has not echoed yet. */
export type CachedChatMessage = ChatMessage & { pending?: boolean };

/** Parameters of {@link useChatSession}. */
export interface ChatSessionParams {
  /** The program's moderator PIN, to see and answer every question. Never put in a key. */
  moderatorPin?: string;
  /** How often to ask for new messages, in ms; `0` stops polling. Defaults to 5000. */
  pollMs?: number;
}

/** The default polling interval of {@link useChatSession}: 5 s. */
export const CHAT_POLL_MS = 5_000;

const messageId = (m: ChatMessage) => JSON.stringify([m.timestamp, m.senderId ?? m.senderDisplayName, m.message]);
const sameText = (a: ChatMessage, b: ChatMessage) => a.message === b.message && a.type === b.type;

/**
 * Merges newly fetched messages into the cached session: deduplicated by timestamp, sender and text, in time
 * order; a pending message leaves once the server echoes it.
 */
function mergeChatSession(old: ChatSession | undefined, fresh: ChatSession): ChatSession {
  const incoming = fresh.messages ?? [];
  const seen = new Set<string>();
  const messages = [
    ...((old?.messages ?? []) as CachedChatMessage[]).filter(
      (m) => !m.pending || !incoming.some((n) => sameText(m, n)),
    ),
    ...incoming,
  ].filter((m) => {
    const id = messageId(m);
    return !seen.has(id) && !!seen.add(id);
  });
  messages.sort((a, b) => (a.timestamp ?? Infinity) - (b.timestamp ?? Infinity));
  return { ...old, ...fresh, messages };
}

/** The timestamp of the newest message the server has confirmed, for `after`. */
function newestTimestamp(session: ChatSession | undefined): number | undefined {
  const times = ((session?.messages ?? []) as CachedChatMessage[])
    .filter((m) => !m.pending && typeof m.timestamp === 'number')
    .map((m) => m.timestamp as number);
  return times.length > 0 ? Math.max(...times) : undefined;
}

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
  options: RecordingQueryOptions<ChatSession> = {},
): UseQueryResult<ChatSession, RecordingServiceError> {
  const { client } = useRecordingService('useChatSession');
  const queryClient = useQueryClient();
  const { moderatorPin, pollMs = CHAT_POLL_MS } = params;
  const queryKey = recordingKeysFor(client).chatSession(programId, sessionId);
  // The PIN stays out of the key; the cached session is the state the next fetch continues from.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return useQuery<ChatSession, RecordingServiceError>({
    refetchInterval: pollMs > 0 ? pollMs : false,
    ...options,
    enabled: programId === '' || sessionId === '' ? false : (options.enabled ?? true),
    queryKey,
    queryFn: async (context) => {
      const old = queryClient.getQueryData<ChatSession>(queryKey);
      const after = newestTimestamp(old);
      const params = { ...(moderatorPin && { moderatorPin }), ...(after !== undefined && { after }) };
      const fresh = await fetchWithQuerySignal(context, (signal) =>
        client.chat.session(programId, sessionId, params, { signal }),
      );
      // Read again: a message may have been posted optimistically while this fetch was out.
      return mergeChatSession(queryClient.getQueryData<ChatSession>(queryKey), fresh);
    },
  });
}
