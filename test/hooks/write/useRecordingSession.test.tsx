import { useRecordingClient } from '../../../hooks/useRecordingClient';
import { useQuery } from '@tanstack/react-query';
import { act, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { useRecordingSession } from '../../../hooks/useRecordingSession';
import * as recordingQueries from '../../../src/react/queries';
import {
  AUTH,
  authHandler,
  cachedStrings,
  PORTAL_TOKEN,
  PROGRAMS,
  renderWithService,
  setupNetwork,
  testConfig,
} from './harness';

const { server, seen } = setupNetwork();

/** A recording server that accepts only the tokens in `valid` (a user) or no token at all (a guest). */
function recordingServer(valid: Set<string>) {
  return http.get(PROGRAMS, ({ request }) => {
    const url = new URL(request.url);
    const token = url.searchParams.get('token');
    if (token !== null && !valid.has(token)) return new HttpResponse(null, { status: 401 });
    const who = url.searchParams.get('user') ?? 'guest';
    return HttpResponse.json({ items: [{ id: `for-${who}`, name: `Seen by ${who}` }], totalItemCount: 1 });
  });
}

function useSessionAndList() {
  const client = useRecordingClient();
  const session = useRecordingSession();
  const list = useQuery(recordingQueries.list(client));
  return { session, list, client };
}

describe('useRecordingSession', () => {
  it('should start as a guest and become the user after signIn, with calls carrying the new credentials', async () => {
    const exchanges = { count: 0 };
    server.use(authHandler(exchanges), recordingServer(new Set(['cs-token-1'])));
    const { result } = renderWithService(useSessionAndList);
    expect(result.current.session.status).toBe('guest');
    expect(result.current.session.user).toBeUndefined();
    await waitFor(() => expect(result.current.list.data?.items[0]?.id).toBe('for-guest'));

    let signingIn!: Promise<unknown>;
    act(() => {
      signingIn = result.current.session.signIn(PORTAL_TOKEN, 'alice');
    });
    expect(result.current.session.status).toBe('signing-in');
    await act(() => signingIn);

    expect(result.current.session).toMatchObject({ status: 'user', user: 'alice' });
    await waitFor(() => expect(result.current.list.data?.items[0]?.id).toBe('for-alice'));
    const exchange = seen.find((r) => r.url.href === AUTH);
    expect(exchange?.method).toBe('POST');
    const listCall = seen.filter((r) => r.url.pathname === '/api/manager/programs').at(-1);
    expect(listCall?.url.searchParams.get('token')).toBe('cs-token-1');
    expect(listCall?.url.searchParams.get('user')).toBe('alice');
  });

  it('should report a refused sign-in as an unauthorized error and stay a guest, without the portal token', async () => {
    server.use(authHandler(undefined, () => new HttpResponse('bad token', { status: 401 })));
    const { result, queryClient } = renderWithService(() => useRecordingSession());
    let caught: unknown;
    await act(() => result.current.signIn(PORTAL_TOKEN, 'alice').catch((error: unknown) => void (caught = error)));
    expect(result.current.status).toBe('guest');
    expect(result.current.error?.kind).toBe('unauthorized');
    expect(caught).toBe(result.current.error);
    expect(JSON.stringify(result.current.error)).not.toContain(PORTAL_TOKEN);
    expect(result.current.error?.message).not.toContain(PORTAL_TOKEN);
    expect(cachedStrings(queryClient).join('\n')).not.toContain(PORTAL_TOKEN);
  });

  it('should sign out locally and drop the user’s cached data', async () => {
    server.use(authHandler(), recordingServer(new Set(['cs-token-1'])));
    const { result, queryClient } = renderWithService(useSessionAndList);
    await act(() => result.current.session.signIn(PORTAL_TOKEN, 'alice'));
    await waitFor(() => expect(result.current.list.data?.items[0]?.id).toBe('for-alice'));
    const requestsBefore = seen.length;

    act(() => result.current.session.signOut());

    expect(result.current.session.status).toBe('guest');
    expect(result.current.session.user).toBeUndefined();
    // Alice's list is gone at once, and refetched for the guest; sign-out itself sends nothing.
    expect(queryClient.getQueryData(recordingQueries.list(result.current.client).queryKey)).toBeUndefined();
    await waitFor(() => expect(result.current.list.data?.items[0]?.id).toBe('for-guest'));
    expect(seen.slice(requestsBefore).map((r) => r.url.pathname)).toEqual(['/api/manager/programs']);
  });

  it('should live through a whole session: sign in, work, token expiry, silent re-exchange, refresh, sign out', async () => {
    const exchanges = { count: 0 };
    const valid = new Set(['cs-token-1']);
    server.use(authHandler(exchanges), recordingServer(valid));
    const config = testConfig({ session: { storage: 'memory', refreshIntervalMs: 50 } });
    const { result } = renderWithService(useSessionAndList, { config });

    await act(() => result.current.session.signIn(PORTAL_TOKEN, 'alice'));
    await waitFor(() => expect(result.current.list.data?.items[0]?.id).toBe('for-alice'));

    // The server forgets the token: the next call gets a 401, the client re-exchanges once and replays it.
    valid.clear();
    valid.add('cs-token-2');
    valid.add('cs-token-3');
    valid.add('cs-token-4');
    await act(() => result.current.list.refetch());
    expect(result.current.list.isSuccess).toBe(true);
    expect(result.current.session.status).toBe('user');
    expect(exchanges.count).toBeGreaterThanOrEqual(2);

    // The periodic refresh repeats the exchange with the same portal token, staying signed in.
    const after = exchanges.count;
    await waitFor(() => expect(exchanges.count).toBeGreaterThan(after));
    expect(result.current.session.status).toBe('user');
    for (const exchange of seen.filter((r) => r.url.href === AUTH)) expect(exchange.body).toBe('tokenType=ACSR');

    // A refused refresh ends the session.
    server.use(authHandler(undefined, () => new HttpResponse(null, { status: 401 })));
    await waitFor(() => expect(result.current.session.status).toBe('expired'));
    expect(result.current.session.error?.kind).toBe('unauthorized');

    act(() => result.current.session.signOut());
    expect(result.current.session.status).toBe('guest');
    expect(result.current.session.error).toBeUndefined();
  });

  it('should re-render only for session changes, not for token refreshes', async () => {
    let renders = 0;
    const config = testConfig({ session: { storage: 'memory', refreshIntervalMs: 20 } });
    const exchanges = { count: 0 };
    server.use(authHandler(exchanges));
    const { result } = renderWithService(
      () => {
        renders += 1;
        return useRecordingSession();
      },
      { config },
    );
    await act(() => result.current.signIn(PORTAL_TOKEN, 'alice'));
    const rendersSignedIn = renders;
    await waitFor(() => expect(exchanges.count).toBeGreaterThanOrEqual(3));
    expect(result.current.status).toBe('user');
    expect(renders).toBe(rendersSignedIn);
  });
});
