import type { Category, ChatMessage, ChatSession, PagedList, Program, Template } from '../core/types';

/**
 * Deterministic wire fixtures for tests that stub a single answer (with `server.use(...)`) rather
 * than run the emulator. Same arguments, same output: no clock, no randomness.
 */

const FIXED_DATE = '2026-01-15T10:00:00.000Z';

/**
 * A finished, playable recording as the server sends it.
 *
 * @example
 * makeProgram({ name: 'Town hall', accessMode: 'PUBLIC' });
 */
export function makeProgram(overrides: Partial<Program> = {}): Program {
  const id = overrides.id ?? 'p-fixture-1';
  const self = `https://recordings.test/api/manager/programs/${encodeURIComponent(id)}`;
  return {
    self,
    id,
    name: `Recording ${id}`,
    description: 'A fixture recording.',
    tenantId: 'default',
    owner: 'alice',
    ownerDisplayName: 'Alice Åberg',
    participantUsers: [],
    category: 'General',
    categoryId: 'c-general',
    templateId: 't-hd',
    accessMode: 'ALL_USERS',
    accessUsers: [],
    public: false,
    passwordProtected: false,
    accessDenied: false,
    live: false,
    started: false,
    startDate: FIXED_DATE,
    creationDate: FIXED_DATE,
    deleted: false,
    duration: 3,
    size: 26,
    width: 160,
    height: 90,
    bitrate: 84,
    mediaType: 6,
    md5Hash: '5f2bfb49a71d1614317ddbf87a685346',
    allowMediaDownload: true,
    available: true,
    canEdit: false,
    viewCount: 0,
    currentViewerCount: 0,
    thumbnail: `/thumbnails/${encodeURIComponent(id)}.jpg`,
    statusUrl: `${self}/status`,
    reportUrl: `${self}/report?dnId=dn-1`,
    chatEnabled: false,
    moderatorPinProtected: false,
    programStatus: 'COMPLETE',
    ...overrides,
  };
}

/** `count` programs with ids `p-fixture-1` .. `p-fixture-<count>`, each with `overrides`. */
export function makePrograms(count: number, overrides: Partial<Program> = {}): Program[] {
  return Array.from({ length: count }, (_, i) =>
    makeProgram({ name: `Recording ${i + 1}`, ...overrides, id: `p-fixture-${i + 1}` }),
  );
}

/** A page of items; `totalItemCount` defaults to the number of items. */
export function makePagedList<T = Program>(items: T[], totalItemCount: number = items.length): PagedList<T> {
  return { items, totalItemCount };
}

/** A category. */
export function makeCategory(overrides: Partial<Category> = {}): Category {
  const id = overrides.id ?? 'c-general';
  return {
    self: `https://recordings.test/api/manager/categories/${encodeURIComponent(id)}`,
    id,
    name: 'General',
    programsUrl: `https://recordings.test/api/manager/programs/category/${encodeURIComponent(id)}`,
    tenants: ['default'],
    ...overrides,
  };
}

/** A recording template. */
export function makeTemplate(overrides: Partial<Template> = {}): Template {
  const id = overrides.id ?? 't-hd';
  return {
    self: `https://recordings.test/api/manager/templates/${encodeURIComponent(id)}`,
    id,
    name: 'HD 720p',
    description: 'Video conference, 1280x720',
    callBitrate: 2048,
    callWidth: 1280,
    callHeight: 720,
    tenants: ['default'],
    ...overrides,
  };
}

/** A Q&A message (a question unless `type` says otherwise). */
export function makeChatMessage(overrides: Partial<ChatMessage> = {}): ChatMessage {
  return {
    sessionId: 's-fixture-1',
    message: 'Will the slides be shared?',
    senderDisplayName: 'Carol Díaz',
    senderId: 'carol',
    timestamp: Date.parse(FIXED_DATE),
    authenticated: true,
    type: 'QUESTION',
    ...overrides,
  };
}

/** A Q&A session; `lastMessageTime` and `unansweredCount` follow its messages unless given. */
export function makeChatSession(overrides: Partial<ChatSession> = {}): ChatSession {
  const sessionId = overrides.sessionId ?? 's-fixture-1';
  const messages = overrides.messages ?? [makeChatMessage({ sessionId })];
  const lastAnswer = messages.map((m) => m.type).lastIndexOf('RESPONSE');
  return {
    sessionId,
    initiatorName: 'Carol Díaz',
    initiatorAuthenticated: true,
    lastMessageTime: messages.at(-1)?.timestamp ?? Date.parse(FIXED_DATE),
    unansweredCount: messages.slice(lastAnswer + 1).filter((m) => m.type === 'QUESTION').length,
    ...overrides,
    messages,
  };
}
