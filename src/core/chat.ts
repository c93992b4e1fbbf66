import { RecordingServiceError } from './errors';
import { encodeSegment } from './http';
import type { RecordingContext } from './context';
import { listAccept, read } from './operation';
import { accept, detailsType, invalid, mediaType, pick, send, signalOf } from './request';
import { chatSessionSchema, entity, listOf } from './schemas';
import type { ChatSession, NewChatMessage, RequestOptions } from './types';

/**
 * The longest Q&A message, in UTF-16 code units (JavaScript's `string.length`). WIRE.md says "at most 1024
 * characters"; the server is a Java one, whose `String.length()` counts UTF-16 units, so counting the same
 * way never lets through a message the server refuses (an emoji counts as 2).
 */
export const MAX_CHAT_MESSAGE_LENGTH = 1024;

/**
 * The length of a Q&A message as the 1,024 limit counts it: UTF-16 code units. The client, the
 * `usePostChatMessage` hook and the `RecordingQA` component all check with this one function.
 */
export function chatMessageLength(text: string): number {
  return text.length;
}

const chatRoot = (context: RecordingContext, programId: string) =>
  `${context.config.resources.programsUrl}/${encodeSegment(programId, 'programId')}/chat/sessions/`;
const sessionsAnswer = /* @__PURE__ */ listOf<ChatSession>(chatSessionSchema);
const sessionAnswer = /* @__PURE__ */ entity<ChatSession>(chatSessionSchema);

/** The Q&A sessions of a program, for its owner or a moderator (with `moderatorPin`). */
export async function listChatSessions(
  context: RecordingContext,
  programId: string,
  params?: { moderatorPin?: string } & RequestOptions,
  options?: RequestOptions,
): Promise<ChatSession[]> {
  const pin = params?.moderatorPin;
  return read(
    context,
    chatRoot(context, programId),
    listAccept,
    sessionsAnswer,
    params,
    options,
    ['moderatorPin'],
    [pin],
  );
}

/** One Q&A session with its messages; `after` (epoch ms) asks only for newer messages. */
export async function getChatSession(
  context: RecordingContext,
  programId: string,
  sessionId: string,
  params?: { moderatorPin?: string; after?: number } & RequestOptions,
  options?: RequestOptions,
): Promise<ChatSession> {
  return send(context, {
    method: 'GET',
    path: `${chatRoot(context, programId)}${encodeSegment(sessionId, 'sessionId')}`,
    query: { moderatorPin: params?.moderatorPin, chatTimestamp: params?.after },
    accept: accept('chat.session.v2'),
    signal: signalOf(params, options),
    secrets: [params?.moderatorPin],
    answer: { schema: sessionAnswer },
  });
}

/** Opens a Q&A session as `sender` (a display name). */
export async function openChatSession(
  context: RecordingContext,
  programId: string,
  params: { sender: string } & RequestOptions,
  options?: RequestOptions,
): Promise<ChatSession> {
  if (typeof params?.sender !== 'string' || params.sender.trim() === '') {
    throw invalid('openSession needs the sender display name', 'sender');
  }
  return send(context, {
    method: 'POST',
    path: chatRoot(context, programId),
    query: { sender: params.sender },
    accept: accept('chat.session.v2'),
    signal: signalOf(params, options),
    answer: { schema: sessionAnswer },
  });
}

/**
 * Checks a message before it is posted: non-empty text of at most {@link MAX_CHAT_MESSAGE_LENGTH} UTF-16
 * units, type `QUESTION` or `RESPONSE`. Returns the `validation` error, or `undefined` when it may be sent.
 */
export function checkChatMessage(message: NewChatMessage | undefined): RecordingServiceError | undefined {
  const text: unknown = message?.message;
  if (typeof text !== 'string' || text.trim() === '') return invalid('message must be non-empty text', 'message');
  const length = chatMessageLength(text);
  if (length > MAX_CHAT_MESSAGE_LENGTH) {
    return new RecordingServiceError({
      kind: 'validation',
      message: `message is ${length} characters long; at most ${MAX_CHAT_MESSAGE_LENGTH} are allowed`,
      details: { field: 'message', maxLength: MAX_CHAT_MESSAGE_LENGTH },
    });
  }
  if (message?.type !== 'QUESTION' && message?.type !== 'RESPONSE') {
    return invalid('type must be QUESTION or RESPONSE', 'type');
  }
  return undefined;
}

/**
 * Posts a question, or (with `moderatorPin`) an answer. The body is the message as given: `message`,
 * `type` and `senderDisplayName` when set, as the legacy client sent it.
 */
export async function postChatMessage(
  context: RecordingContext,
  programId: string,
  sessionId: string,
  message: NewChatMessage,
  params?: { moderatorPin?: string } & RequestOptions,
  options?: RequestOptions,
): Promise<void> {
  const refused = checkChatMessage(message);
  if (refused) throw refused;
  const body: Record<string, unknown> = { message: message.message, type: message.type };
  if (message.senderDisplayName !== undefined) body.senderDisplayName = message.senderDisplayName;
  return send<void>(context, {
    method: 'POST',
    path: `${chatRoot(context, programId)}${encodeSegment(sessionId, 'sessionId')}`,
    query: pick(params, ['moderatorPin']),
    accept: detailsType,
    contentType: mediaType('chat.message.v2'),
    body,
    signal: signalOf(params, options),
    secrets: [params?.moderatorPin],
    answer: 'none',
  });
}
