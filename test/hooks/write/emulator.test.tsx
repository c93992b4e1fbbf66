import { useRecordingClient } from '../../../hooks/useRecordingClient';
import { useQuery } from '@tanstack/react-query';
import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useChatSession } from '../../../hooks/useChatSession';
import { useChatSessions } from '../../../hooks/useChatSessions';
import { useDeleteRecording } from '../../../hooks/useDeleteRecording';
import { useDownloadRecording } from '../../../hooks/useDownloadRecording';
import { usePlaybackAddress } from '../../../hooks/usePlaybackAddress';
import { usePostChatMessage } from '../../../hooks/usePostChatMessage';
import { useRecordingSession } from '../../../hooks/useRecordingSession';
import { useRestoreRecording } from '../../../hooks/useRestoreRecording';
import { useUpdateRecording } from '../../../hooks/useUpdateRecording';
import { useViewReport } from '../../../hooks/useViewReport';
import * as recordingQueries from '../../../src/react/queries';
import {
  createRecordingEmulator,
  EMULATOR_MODERATOR_PIN,
  EMULATOR_PROGRAMS,
  recordingServiceHandlers,
  sampleMp4,
  type RecordingEmulator,
} from '../../../src/testing';
import { TEST_AUTH_BASE_URL, TEST_RECORDING_BASE_URL, TEST_RECORDING_CONFIG } from '../../../src/testing/TestProvider';
import { renderWithService, setupNetwork } from './harness';

const { server } = setupNetwork();
const { publicRecording, privateOfAlice, deletedOfAlice, liveNow } = EMULATOR_PROGRAMS;

function startEmulator(): RecordingEmulator {
  const emulator = createRecordingEmulator({ seed: 'default' });
  server.use(...recordingServiceHandlers(emulator, { baseUrl: TEST_RECORDING_BASE_URL, authUrl: TEST_AUTH_BASE_URL }));
  return emulator;
}

const config = { ...TEST_RECORDING_CONFIG };
const programCalls = (emulator: RecordingEmulator, path: string) =>
  emulator.requests.filter((r) => r.path === `/api/manager/programs${path}`);

describe('write hooks against the emulator', () => {
  it('should carry a publisher through a working session: edit, delete, restore, expiry, re-exchange, sign out', async () => {
    const emulator = startEmulator();
    const { result, queryClient } = renderWithService(
      () => {
        const client = useRecordingClient();
        return {
          session: useRecordingSession(),
          mine: useQuery(recordingQueries.list(client, { ownerId: 'alice', count: 100 })),
          bin: useQuery(recordingQueries.list(client, { ownerId: 'alice', onlyDeleted: true, count: 100 })),
          update: useUpdateRecording(),
          remove: useDeleteRecording(),
          restore: useRestoreRecording(),
        };
      },
      { config },
    );
    await act(() => result.current.session.signIn('portal-alice', 'alice'));
    await waitFor(() => expect(result.current.mine.isSuccess && result.current.bin.isSuccess).toBe(true));
    const ids = () => result.current.mine.data?.items.map((p) => p.id) ?? [];
    const binIds = () => result.current.bin.data?.items.map((p) => p.id) ?? [];
    expect(ids()).toContain(privateOfAlice);
    expect(binIds()).toContain(deletedOfAlice);

    await act(() => result.current.update.mutateAsync({ id: publicRecording, changes: { name: 'Renamed by Alice' } }));
    expect(emulator.state.programs.get(publicRecording)?.name).toBe('Renamed by Alice');
    await waitFor(() =>
      expect(result.current.mine.data?.items.find((p) => p.id === publicRecording)?.name).toBe('Renamed by Alice'),
    );

    await act(() => result.current.remove.mutateAsync({ id: privateOfAlice }));
    await waitFor(() => expect(binIds()).toContain(privateOfAlice));
    expect(ids()).not.toContain(privateOfAlice);

    await act(() => result.current.restore.mutateAsync(deletedOfAlice));
    await waitFor(() => expect(ids()).toContain(deletedOfAlice));
    expect(binIds()).not.toContain(deletedOfAlice);

    // The server forgets every token: the next call is re-exchanged silently and replayed.
    emulator.revokeTokens();
    const exchangesBefore = emulator.requests.filter((r) => r.path.endsWith('/authorization')).length;
    await act(() => result.current.mine.refetch());
    expect(result.current.mine.isSuccess).toBe(true);
    expect(result.current.session.status).toBe('user');
    expect(emulator.requests.filter((r) => r.path.endsWith('/authorization')).length).toBe(exchangesBefore + 1);

    act(() => result.current.session.signOut());
    expect(result.current.session.status).toBe('guest');
    expect(queryClient.getQueryCache().findAll({ queryKey: ['recording-service', { user: 'alice' }] })).toHaveLength(0);
  });

  it('should re-exchange silently when the content-server token outlives its TTL at the emulator', async () => {
    let clock = Date.parse('2026-03-02T10:00:00Z');
    const emulator = createRecordingEmulator({ seed: 'default', now: () => clock, tokenTtlMs: 60_000 });
    server.use(
      ...recordingServiceHandlers(emulator, { baseUrl: TEST_RECORDING_BASE_URL, authUrl: TEST_AUTH_BASE_URL }),
    );
    const { result } = renderWithService(
      () => {
        const client = useRecordingClient();
        return { session: useRecordingSession(), mine: useQuery(recordingQueries.list(client, { ownerId: 'alice' })) };
      },
      { config },
    );
    await act(() => result.current.session.signIn('portal-alice', 'alice'));
    await waitFor(() => expect(result.current.mine.isSuccess).toBe(true));
    const exchanges = () => emulator.requests.filter((r) => r.path.endsWith('/authorization'));
    expect(exchanges()).toHaveLength(1);

    clock += 2 * 60_000;
    await act(() => result.current.mine.refetch());

    expect(result.current.mine.isSuccess).toBe(true);
    expect(result.current.session).toMatchObject({ status: 'user', user: 'alice' });
    expect(exchanges()).toHaveLength(2);
    const asAlice = programCalls(emulator, '').filter((r) => r.method === 'GET' && r.query.user === 'alice');
    expect(asAlice.map((r) => r.status)).toEqual([200, 401, 200]);
  });

  it('should download the real media and verify it against the server’s MD5', async () => {
    startEmulator();
    const { result } = renderWithService(() => useDownloadRecording(), { config });
    act(() => result.current.download(publicRecording));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.verified).toBe(true);
    expect(result.current.progress).toBe(1);
    expect(result.current.data?.blob?.size).toBe(sampleMp4().length);
  });

  it('should report one view with the delivery node of the playback address', async () => {
    const emulator = startEmulator();
    const { result, unmount } = renderWithService(
      () => ({ address: usePlaybackAddress(publicRecording), report: useViewReport(publicRecording) }),
      { config },
    );
    await waitFor(() => expect(result.current.address.isSuccess).toBe(true));
    const reportId = await act(() => result.current.report.start());
    expect(reportId).toBeTruthy();
    unmount();
    await waitFor(() => expect(programCalls(emulator, `/${publicRecording}/report/${reportId}`)).toHaveLength(1));
    expect(programCalls(emulator, `/${publicRecording}/report`)).toHaveLength(1);
  });

  it('should moderate Q&A: fetch the history once, then only newer messages, and post an answer', async () => {
    const emulator = startEmulator();
    const { result: list } = renderWithService(
      () => useChatSessions(liveNow, { moderatorPin: EMULATOR_MODERATOR_PIN }),
      {
        config,
      },
    );
    await waitFor(() => expect(list.current.data?.length).toBeGreaterThan(0));
    const sessionId = list.current.data![0]!.sessionId!;

    const { result, unmount } = renderWithService(
      () => ({
        session: useChatSession(liveNow, sessionId, { moderatorPin: EMULATOR_MODERATOR_PIN, pollMs: 0 }),
        post: usePostChatMessage(liveNow, sessionId, { moderatorPin: EMULATOR_MODERATOR_PIN }),
      }),
      { config },
    );
    await waitFor(() => expect(result.current.session.isSuccess).toBe(true));
    const history = result.current.session.data?.messages?.length ?? 0;

    await act(() =>
      result.current.post.mutateAsync({ message: 'Answered live', type: 'RESPONSE', senderDisplayName: 'Mod' }),
    );
    await waitFor(() =>
      expect(result.current.session.data?.messages?.filter((m) => m.message === 'Answered live')).toHaveLength(1),
    );
    expect(result.current.session.data?.messages).toHaveLength(history + 1);
    const gets = programCalls(emulator, `/${liveNow}/chat/sessions/${sessionId}`).filter((r) => r.method === 'GET');
    expect(gets.length).toBeGreaterThanOrEqual(2);
    expect(gets[0]?.query.chatTimestamp).toBeUndefined();
    expect(gets.slice(1).every((r) => r.query.chatTimestamp !== undefined)).toBe(true);
    unmount();
  });

  it('should send one request per resource under StrictMode', async () => {
    const emulator = startEmulator();
    const { result, unmount } = renderWithService(
      () => ({
        address: usePlaybackAddress(publicRecording),
        chat: useChatSession(liveNow, 'unknown-session', { pollMs: 0 }),
        report: useViewReport(publicRecording),
      }),
      { config, strict: true },
    );
    await waitFor(() => expect(result.current.address.isSuccess).toBe(true));
    await waitFor(() => expect(result.current.chat.isFetching).toBe(false));
    expect(programCalls(emulator, `/${publicRecording}/url`)).toHaveLength(1);
    expect(programCalls(emulator, `/${liveNow}/chat/sessions/unknown-session`)).toHaveLength(1);
    const reportId = await act(() => result.current.report.start());
    unmount();
    await waitFor(() => expect(programCalls(emulator, `/${publicRecording}/report/${reportId}`)).toHaveLength(1));
    expect(programCalls(emulator, `/${publicRecording}/report`)).toHaveLength(1);
  });
});
