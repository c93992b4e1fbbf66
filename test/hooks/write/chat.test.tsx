import { act, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { useChatSession } from '../../../hooks/useChatSession';
import { useChatSessions } from '../../../hooks/useChatSessions';
import { useOpenChatSession } from '../../../hooks/useOpenChatSession';
import { usePostChatMessage } from '../../../hooks/usePostChatMessage';
import type { ChatMessage } from '../../../src/core/types';
import { cachedStrings, PROGRAMS, renderWithService, setupNetwork } from './harness';

const { server, seen } = setupNetwork();
const PIN = '97531';
const SESSIONS = `${PROGRAMS}/p1/chat/sessions/`;

/** A Q&A server for program p1 with one session `s1`; `refusePosts` makes posts fail. */
function chatServer() {
  const state = {
    messages: [] as ChatMessage[],
    clock: 1_000,
    refusePosts: false,
    holdPosts: undefined as Promise<void> | undefined,
  };
  const add = (message: string, sender = 'Bob', type: ChatMessage['type'] = 'QUESTION') =>
    state.messages.push({
      sessionId: 's1',
      message,
      senderDisplayName: sender,
      senderId: sender,
      type,
      timestamp: ++state.clock,
    });
  server.use(
    http.get(SESSIONS, () => HttpResponse.json([{ sessionId: 's1', initiatorName: 'Bob', unansweredCount: 1 }])),
    http.post(SESSIONS, ({ request }) =>
      HttpResponse.json({
        sessionId: 's2',
        initiatorName: new URL(request.url).searchParams.get('sender'),
        messages: [],
      }),
    ),
    http.get(`${SESSIONS}s1`, ({ request }) => {
      const after = new URL(request.url).searchParams.get('chatTimestamp');
      const messages = state.messages.filter((m) => after === null || m.timestamp! > Number(after));
      return HttpResponse.json({ sessionId: 's1', initiatorName: 'Bob', lastMessageTime: state.clock, messages });
    }),
    http.post(`${SESSIONS}s1`, async ({ request }) => {
      const body = (await request.json()) as ChatMessage;
      await state.holdPosts;
      if (state.refusePosts) return new HttpResponse(null, { status: 403 });
      add(body.message!, body.senderDisplayName ?? 'Me', body.type);
      return new HttpResponse(null, { status: 201 });
    }),
  );
  return { state, add };
}

let chat: ReturnType<typeof chatServer>;
beforeEach(() => {
  chat = chatServer();
});

const sessionGets = () => seen.filter((r) => r.method === 'GET' && r.url.pathname.endsWith('/sessions/s1'));
const texts = (messages: ChatMessage[] | undefined) => messages?.map((m) => m.message);

describe('useChatSessions', () => {
  it('should list the sessions, sending the moderator PIN but never keying on it', async () => {
    const { result, queryClient } = renderWithService(() => useChatSessions('p1', { moderatorPin: PIN }));
    await waitFor(() => expect(result.current.data?.[0]?.sessionId).toBe('s1'));
    expect(seen[0]?.url.searchParams.get('moderatorPin')).toBe(PIN);
    const keys = queryClient
      .getQueryCache()
      .getAll()
      .map((q) => JSON.stringify(q.queryKey));
    expect(keys.join('\n')).not.toContain(PIN);
  });
});

describe('useChatSession', () => {
  it('should load the history once, then poll only for newer messages and merge them', async () => {
    chat.add('First?');
    chat.add('Second?');
    const { result, unmount } = renderWithService(() => useChatSession('p1', 's1', { pollMs: 10 }));
    await waitFor(() => expect(texts(result.current.data?.messages)).toEqual(['First?', 'Second?']));
    expect(sessionGets()[0]?.url.searchParams.has('chatTimestamp')).toBe(false);

    // Polls while nothing is new ask after the newest message and transfer no messages.
    await waitFor(() => expect(sessionGets().length).toBeGreaterThanOrEqual(3));
    expect(
      sessionGets()
        .slice(1)
        .every((r) => r.url.searchParams.get('chatTimestamp') === '1002'),
    ).toBe(true);

    chat.add('Third?');
    await waitFor(() => expect(texts(result.current.data?.messages)).toEqual(['First?', 'Second?', 'Third?']));
    await waitFor(() => expect(sessionGets().at(-1)?.url.searchParams.get('chatTimestamp')).toBe('1003'));
    expect(sessionGets().filter((r) => !r.url.searchParams.has('chatTimestamp'))).toHaveLength(1);
    unmount();
  });

  it('should not duplicate messages the server sends again', async () => {
    chat.add('Only once');
    const { result } = renderWithService(() => useChatSession('p1', 's1', { pollMs: 0 }));
    await waitFor(() => expect(texts(result.current.data?.messages)).toEqual(['Only once']));
    // A server that ignores chatTimestamp sends the whole history again.
    server.use(http.get(`${SESSIONS}s1`, () => HttpResponse.json({ sessionId: 's1', messages: chat.state.messages })));
    chat.add('Then this');
    await act(() => result.current.refetch());
    await waitFor(() => expect(texts(result.current.data?.messages)).toEqual(['Only once', 'Then this']));
    expect(sessionGets().at(-1)?.url.searchParams.get('chatTimestamp')).toBe('1001');
  });

  it('should send the moderator PIN without keying on it, and not poll when pollMs is 0', async () => {
    const { result, queryClient } = renderWithService(() =>
      useChatSession('p1', 's1', { moderatorPin: PIN, pollMs: 0 }),
    );
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(sessionGets()[0]?.url.searchParams.get('moderatorPin')).toBe(PIN);
    expect(cachedStrings(queryClient).join('\n')).not.toContain(PIN);
    expect(result.current.isFetching).toBe(false);
  });
});

describe('usePostChatMessage', () => {
  it('should show the message at once, then replace it with the server’s copy', async () => {
    chat.add('Hello?');
    let release!: () => void;
    chat.state.holdPosts = new Promise((resolve) => (release = resolve));
    const { result } = renderWithService(() => ({
      session: useChatSession('p1', 's1', { pollMs: 0 }),
      post: usePostChatMessage('p1', 's1', { moderatorPin: PIN }),
    }));
    await waitFor(() => expect(result.current.session.isSuccess).toBe(true));

    act(() => result.current.post.mutate({ message: 'Hi Bob', type: 'RESPONSE', senderDisplayName: 'Mod' }));
    await waitFor(() => expect(texts(result.current.session.data?.messages)).toEqual(['Hello?', 'Hi Bob']));
    expect(result.current.session.data?.messages?.[1]).toMatchObject({ pending: true });

    release();
    await waitFor(() => expect(result.current.post.isSuccess).toBe(true));
    expect(texts(result.current.session.data?.messages)).toEqual(['Hello?', 'Hi Bob']);
    expect(result.current.session.data?.messages?.[1]).toMatchObject({ timestamp: 1002, senderId: 'Mod' });
    expect(result.current.session.data?.messages?.[1]).not.toHaveProperty('pending');
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.url.searchParams.get('moderatorPin')).toBe(PIN);
    expect(sessionGets().at(-1)?.url.searchParams.get('chatTimestamp')).toBe('1001');
  });

  it('should take the message back when the server refuses it', async () => {
    chat.add('Hello?');
    chat.state.refusePosts = true;
    let release!: () => void;
    chat.state.holdPosts = new Promise((resolve) => (release = resolve));
    const { result } = renderWithService(() => ({
      session: useChatSession('p1', 's1', { pollMs: 0 }),
      post: usePostChatMessage('p1', 's1'),
    }));
    await waitFor(() => expect(result.current.session.isSuccess).toBe(true));
    act(() => result.current.post.mutate({ message: 'Refused', type: 'QUESTION' }));
    await waitFor(() => expect(texts(result.current.session.data?.messages)).toEqual(['Hello?', 'Refused']));
    release();
    await waitFor(() => expect(result.current.post.isError).toBe(true));
    expect(texts(result.current.session.data?.messages)).toEqual(['Hello?']);
  });

  it('should refuse a message over 1024 characters before sending it', async () => {
    const { result } = renderWithService(() => ({
      session: useChatSession('p1', 's1', { pollMs: 0 }),
      post: usePostChatMessage('p1', 's1'),
    }));
    await waitFor(() => expect(result.current.session.isSuccess).toBe(true));
    const before = seen.length;
    act(() => result.current.post.mutate({ message: 'x'.repeat(1025), type: 'QUESTION' }));
    await waitFor(() => expect(result.current.post.isError).toBe(true));
    expect(result.current.post.error?.kind).toBe('validation');
    expect(result.current.session.data?.messages).toEqual([]);
    expect(seen.slice(before)).toEqual([]);
  });
});

describe('useOpenChatSession', () => {
  it('should open a session, cache it for useChatSession, and refetch the session list', async () => {
    const { result, queryClient } = renderWithService(() => ({
      sessions: useChatSessions('p1'),
      open: useOpenChatSession('p1'),
    }));
    await waitFor(() => expect(result.current.sessions.isSuccess).toBe(true));
    const opened = await act(() => result.current.open.mutateAsync({ sender: 'Alice' }));
    expect(opened.sessionId).toBe('s2');
    expect(seen.find((r) => r.method === 'POST')?.url.searchParams.get('sender')).toBe('Alice');
    const cached = queryClient.getQueriesData({ queryKey: ['recording-service'] });
    expect(cached.some(([key]) => key.at(-1) === 's2')).toBe(true);
    expect(seen.filter((r) => r.method === 'GET' && r.url.pathname.endsWith('/sessions/'))).toHaveLength(2);
  });

  it('should take the sender’s display name alone', async () => {
    const { result } = renderWithService(() => useOpenChatSession('p1'));
    const opened = await act(() => result.current.mutateAsync('Carol'));
    expect(opened.initiatorName).toBe('Carol');
    expect(seen.find((r) => r.method === 'POST')?.url.searchParams.get('sender')).toBe('Carol');
  });
});

describe('Q&A hooks before the ids are known', () => {
  it('should stay idle, sending nothing, while the program or session id is empty', async () => {
    const { result } = renderWithService(() => ({
      sessions: useChatSessions(''),
      noSession: useChatSession('p1', '', { pollMs: 10 }),
      noProgram: useChatSession('', 's1', { pollMs: 10 }),
      ready: useChatSession('p1', 's1', { pollMs: 0 }),
    }));
    // The enabled query on the same provider settling shows the others had their chance to send.
    await waitFor(() => expect(result.current.ready.isSuccess).toBe(true));
    expect(result.current.sessions.fetchStatus).toBe('idle');
    expect(result.current.noSession.fetchStatus).toBe('idle');
    expect(result.current.noProgram.fetchStatus).toBe('idle');
    expect(seen.map((r) => r.url.pathname)).toEqual([new URL(`${SESSIONS}s1`).pathname]);
  });
});
