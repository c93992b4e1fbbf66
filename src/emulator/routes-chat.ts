import type { ChatMessage, ChatSession } from '../core/types';
import { canEdit, findViewable, requireViewer, type Caller, type RouteContext } from './context';
import { HttpError, json, MEDIA_TYPES, noContent, readJsonBody } from './http';
import type { EmulatorChatSession, EmulatorProgram } from './types';

/** The longest Q&A message the server takes. */
export const MAX_CHAT_MESSAGE_LENGTH = 1024;

function isModerator(ctx: RouteContext, caller: Caller, program: EmulatorProgram): boolean {
  if (canEdit(caller, program)) return true;
  const pin = ctx.url.searchParams.get('moderatorPin');
  if (pin === null) return false;
  if (!program.moderatorPin || pin !== program.moderatorPin) throw new HttpError(403, 'Wrong moderator PIN');
  return true;
}

function wireSession(session: EmulatorChatSession, after?: number): ChatSession {
  const { programId: _programId, messages, ...rest } = session;
  return {
    ...rest,
    messages: after === undefined ? [...messages] : messages.filter((m) => (m.timestamp ?? 0) > after),
  };
}

/** Everything under P/{id}/chat/sessions/. */
export async function routeChat(ctx: RouteContext, programId: string, rest: string[]): Promise<Response | undefined> {
  if (rest[0] !== 'sessions' || rest.length > 2) return undefined;
  const method = ctx.request.method;
  const caller = requireViewer(ctx);
  const program = findViewable(ctx, caller, programId);
  const sessionId = rest[1];
  if (sessionId === undefined) {
    if (method === 'GET') {
      if (!isModerator(ctx, caller, program))
        throw new HttpError(403, 'Only the owner or a moderator sees all sessions');
      const sessions = [...ctx.state.chatSessions.values()]
        .filter((s) => s.programId === program.id)
        .map((s) => wireSession(s));
      return json(sessions, MEDIA_TYPES.list);
    }
    if (method !== 'POST') throw new HttpError(405, 'Method not allowed', undefined, { Allow: 'GET, POST' });
    if (!program.chatEnabled) throw new HttpError(403, 'Q&A is not enabled for this program');
    const sender = ctx.url.searchParams.get('sender')?.trim() || caller.user?.displayName;
    if (!sender) throw new HttpError(400, 'sender is required', { parameter: 'sender' });
    const session: EmulatorChatSession = {
      sessionId: ctx.nextId('s', (id) => ctx.state.chatSessions.has(id)),
      programId: program.id,
      initiatorName: sender,
      initiatorAuthenticated: !!caller.user,
      lastMessageTime: ctx.now,
      unansweredCount: 0,
      messages: [],
    };
    ctx.state.chatSessions.set(session.sessionId, session);
    return json(wireSession(session), MEDIA_TYPES.chatSession);
  }
  const session = ctx.state.chatSessions.get(sessionId);
  if (!session || session.programId !== program.id) throw new HttpError(404, 'No such Q&A session');
  if (method === 'GET') {
    isModerator(ctx, caller, program);
    const raw = ctx.url.searchParams.get('chatTimestamp');
    if (raw !== null && !/^\d+$/.test(raw))
      throw new HttpError(400, 'chatTimestamp must be epoch milliseconds', { parameter: 'chatTimestamp' });
    return json(wireSession(session, raw === null ? undefined : Number(raw)), MEDIA_TYPES.chatSession);
  }
  if (method !== 'POST') throw new HttpError(405, 'Method not allowed', undefined, { Allow: 'GET, POST' });
  const body = await readJsonBody(ctx.request, MEDIA_TYPES.chatMessage);
  const text = body.message;
  if (typeof text !== 'string' || !text.trim())
    throw new HttpError(400, 'message must be a non-empty string', { field: 'message' });
  // Characters, not UTF-16 units: an emoji counts once, as the client counts it.
  const length = [...text].length;
  if (length > MAX_CHAT_MESSAGE_LENGTH) {
    throw new HttpError(400, `message must be at most ${MAX_CHAT_MESSAGE_LENGTH} characters`, {
      field: 'message',
      length,
    });
  }
  const type = body.type ?? 'QUESTION';
  if (type !== 'QUESTION' && type !== 'RESPONSE')
    throw new HttpError(400, 'type must be QUESTION or RESPONSE', { field: 'type' });
  if (type === 'RESPONSE' && !isModerator(ctx, caller, program))
    throw new HttpError(403, 'Only a moderator may answer');
  const last = session.messages.at(-1)?.timestamp ?? 0;
  const message: ChatMessage = {
    sessionId: session.sessionId,
    message: text,
    senderDisplayName:
      (typeof body.senderDisplayName === 'string' && body.senderDisplayName) ||
      caller.user?.displayName ||
      session.initiatorName,
    senderId: caller.user?.login ?? '',
    // Strictly increasing per session, so `chatTimestamp` paging never loses a message under a frozen clock.
    timestamp: Math.max(ctx.now, last + 1),
    authenticated: !!caller.user,
    type,
  };
  session.messages.push(message);
  session.lastMessageTime = message.timestamp;
  session.unansweredCount = type === 'RESPONSE' ? 0 : (session.unansweredCount ?? 0) + 1;
  return noContent();
}
