import { useRecordingClient } from '../../../hooks/useRecordingClient';
import { useQuery } from '@tanstack/react-query';
import { act, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { usePlaybackAddress } from '../../../hooks/usePlaybackAddress';
import { useRecordingSession } from '../../../hooks/useRecordingSession';
import { useUnlockRecording } from '../../../hooks/useUnlockRecording';
import * as recordingQueries from '../../../src/react/queries';
import {
  authHandler,
  cachedStrings,
  makeProgram,
  PORTAL_TOKEN,
  PROGRAMS,
  renderWithService,
  setupNetwork,
} from './harness';

const { server, seen } = setupNetwork();
const PIN = '80461357';

function lockedServer() {
  server.use(
    http.get(`${PROGRAMS}/:id`, ({ params }) =>
      HttpResponse.json(makeProgram(String(params.id), { passwordProtected: true, accessDenied: true })),
    ),
    http.post(`${PROGRAMS}/:id/authorize/`, async ({ params, request }) => {
      const { password } = (await request.json()) as { password?: string };
      if (password !== PIN) return HttpResponse.json({ message: 'wrong password' }, { status: 403 });
      return HttpResponse.json(makeProgram(String(params.id), { passwordProtected: true, accessDenied: false }));
    }),
    http.post(`${PROGRAMS}/:id/url`, async ({ request }) => {
      const { password } = (await request.json()) as { password?: string };
      if (password !== PIN) return HttpResponse.json({ message: 'wrong password' }, { status: 403 });
      return HttpResponse.json({ available: true, streams: { primaryMediaMp4Url: 'https://dn.test/unlocked.mp4' } });
    }),
    http.get(`${PROGRAMS}/:id/url`, () =>
      HttpResponse.json({ available: true, streams: { primaryMediaMp4Url: 'https://dn.test/open.mp4' } }),
    ),
  );
}

describe('useUnlockRecording', () => {
  it('should unlock into the detail cache and keep the password in no cache, key or variables', async () => {
    lockedServer();
    server.use(authHandler());
    const { result, queryClient } = renderWithService(() => {
      const client = useRecordingClient();
      return {
        session: useRecordingSession(),
        detail: useQuery(recordingQueries.detail(client, 'p1')),
        unlock: useUnlockRecording(),
      };
    });
    await act(() => result.current.session.signIn(PORTAL_TOKEN, 'alice'));
    await waitFor(() => expect(result.current.detail.data?.accessDenied).toBe(true));

    await act(() => result.current.unlock.mutateAsync({ id: 'p1', password: PIN }));

    expect(result.current.detail.data?.accessDenied).toBe(false);
    expect(JSON.parse(seen.find((r) => r.url.pathname.endsWith('/authorize/'))!.body)).toEqual({ password: PIN });
    expect(result.current.unlock.variables).toEqual({ id: 'p1' });
    expect(cachedStrings(queryClient)).toContain('p1'); // the walk reaches keys, data and variables
    expect(cachedStrings(queryClient).join('\n')).not.toContain(PIN);

    // The unlocked program belongs to this session only.
    act(() => result.current.session.signOut());
    const alice = queryClient.getQueryCache().findAll({ queryKey: ['recording-service', { user: 'alice' }] });
    expect(alice).toHaveLength(0);
  });

  it('should surface a wrong password as an error that does not contain it', async () => {
    lockedServer();
    const { result, queryClient } = renderWithService(() => useUnlockRecording());
    act(() => result.current.mutate({ id: 'p1', password: 'wrong-guess-42' }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.kind).toBe('forbidden');
    expect(JSON.stringify(result.current.error)).not.toContain('wrong-guess-42');
    expect(cachedStrings(queryClient).join('\n')).not.toContain('wrong-guess-42');
  });
});

describe('usePlaybackAddress', () => {
  it('should stay idle while the id is empty', async () => {
    lockedServer();
    const { result } = renderWithService(() => ({ none: usePlaybackAddress(''), open: usePlaybackAddress('p2') }));
    await waitFor(() => expect(result.current.open.isSuccess).toBe(true));
    expect(result.current.none.fetchStatus).toBe('idle');
    expect(seen.map((r) => r.url.pathname)).toEqual([new URL(`${PROGRAMS}/p2/url`).pathname]);
  });

  it('should fetch an open program’s address with a GET', async () => {
    lockedServer();
    const { result } = renderWithService(() => usePlaybackAddress('p1'));
    await waitFor(() => expect(result.current.data?.streams?.primaryMediaMp4Url).toBe('https://dn.test/open.mp4'));
    expect(seen.map((r) => r.method)).toEqual(['GET']);
  });

  it('should post the password, mark the key as unlocked without the password, and keep it briefly', async () => {
    lockedServer();
    const { result, queryClient, rerender } = renderWithService(
      ({ password }: { password: string }) => usePlaybackAddress('p1', { password }),
      { initialProps: { password: 'wrong-guess-42' } },
    );
    await waitFor(() => expect(result.current.error?.kind).toBe('forbidden'));

    rerender({ password: PIN });
    await waitFor(() => expect(result.current.data?.streams?.primaryMediaMp4Url).toBe('https://dn.test/unlocked.mp4'));

    const keys = queryClient
      .getQueryCache()
      .getAll()
      .map((q) => q.queryKey);
    expect(keys.every((key) => key.includes('unlocked'))).toBe(true);
    expect(new Set(keys.map((key) => JSON.stringify(key))).size).toBe(2);
    const everything = cachedStrings(queryClient).join('\n');
    expect(everything).not.toContain(PIN);
    expect(everything).not.toContain('wrong-guess-42');
    const query = queryClient.getQueryCache().getAll().at(-1)!;
    expect(query.gcTime).toBeLessThanOrEqual(1_000);
  });
});
