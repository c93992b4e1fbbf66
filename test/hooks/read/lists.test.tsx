import { useRecordingSession } from '../../../hooks/useRecordingSession';
import { useRecordingClient } from '../../../hooks/useRecordingClient';
import { act, renderHook, waitFor } from '@testing-library/react';
import { useBroadcasts } from '../../../hooks/useBroadcasts';
import { useInfiniteRecordings } from '../../../hooks/useInfiniteRecordings';
import { useRecordings } from '../../../hooks/useRecordings';
import { useRecordingsByCategory } from '../../../hooks/useRecordingsByCategory';
import { useRecordingsByPublisher } from '../../../hooks/useRecordingsByPublisher';
import { useSuspenseRecordings } from '../../../hooks/useSuspenseRecordings';
import { emulatorCalls, serveEmulator, startServer, wrapperWith } from './harness';
import { recordingKeys } from '../../../src/react/keys';

const { server } = startServer();

describe('useRecordings', () => {
  it('should load one page with the server total', async () => {
    const emulator = serveEmulator(server);
    const { wrapper } = wrapperWith();
    const { result } = renderHook(() => useRecordings({ count: 5 }), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.items).toHaveLength(5);
    expect(result.current.data?.totalItemCount).toBeGreaterThan(5);
    expect(emulatorCalls(emulator, 'programs')[0]?.query).toMatchObject({ count: '5', tenantId: 'default' });
  });

  it('should send the filters and keep each filter in its own cache entry', async () => {
    const emulator = serveEmulator(server);
    const { wrapper } = wrapperWith();
    const { result, rerender } = renderHook(({ query }) => useRecordings({ query, offset: 0 }), {
      wrapper,
      initialProps: { query: 'zzz-no-such-program' },
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.items).toEqual([]);
    rerender({ query: '' });
    await waitFor(() => expect(result.current.data?.items.length).toBeGreaterThan(0));
    rerender({ query: 'zzz-no-such-program' });
    expect(result.current.data?.items).toEqual([]);
    const sent = emulatorCalls(emulator, 'programs').map((r) => r.query);
    expect(sent[0]).toMatchObject({ query: 'zzz-no-such-program', offset: '0' });
  });
});

describe('useSuspenseRecordings', () => {
  it('should give a defined page once loaded', async () => {
    serveEmulator(server);
    const { wrapper } = wrapperWith();
    const { result } = renderHook(() => useSuspenseRecordings({ count: 3 }), { wrapper });
    await waitFor(() => expect(result.current?.data.items).toHaveLength(3));
  });
});

describe('useInfiniteRecordings', () => {
  it('should page by offset until the server total is reached', async () => {
    const emulator = serveEmulator(server);
    const { wrapper } = wrapperWith();
    const { result } = renderHook(() => useInfiniteRecordings({ count: 5 }), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const total = result.current.data?.pages[0]?.totalItemCount ?? 0;
    expect(total).toBeGreaterThan(10);
    while (result.current.hasNextPage) {
      const pages = result.current.data?.pages.length ?? 0;
      await result.current.fetchNextPage();
      await waitFor(() => expect(result.current.data?.pages.length).toBe(pages + 1));
    }
    const items = result.current.data?.pages.flatMap((p) => p.items) ?? [];
    expect(items).toHaveLength(total);
    expect(new Set(items.map((p) => p.id)).size).toBe(total);
    const offsets = emulatorCalls(emulator, 'programs').map((r) => r.query.offset);
    expect(offsets).toEqual(Array.from({ length: Math.ceil(total / 5) }, (_, i) => String(i * 5)));
  });

  it('should not share its cache entry with the one-page list of the same filters', async () => {
    serveEmulator(server);
    const { wrapper } = wrapperWith();
    const single = renderHook(() => useRecordings({ count: 4 }), { wrapper });
    await waitFor(() => expect(single.result.current.isSuccess).toBe(true));
    const infinite = renderHook(() => useInfiniteRecordings({ count: 4 }), { wrapper });
    await waitFor(() => expect(infinite.result.current.isSuccess).toBe(true));
    expect(infinite.result.current.data?.pages[0]?.items).toEqual(single.result.current.data?.items);
    expect(single.result.current.data).not.toHaveProperty('pages');
  });
});

describe('useRecordingsByCategory and useRecordingsByPublisher', () => {
  it('should list a category and a publisher through their own paths', async () => {
    const emulator = serveEmulator(server);
    const { wrapper } = wrapperWith();
    const seen = [...emulator.state.programs.values()].find((p) => p.public && p.categoryId && !p.deleted && !p.live);
    const categoryId = seen?.categoryId ?? '';
    const owner = seen?.owner ?? '';
    const byCategory = renderHook(() => useRecordingsByCategory(categoryId, { count: 50 }), { wrapper });
    const byPublisher = renderHook(() => useRecordingsByPublisher(owner, { count: 50 }), { wrapper });
    await waitFor(() => expect(byCategory.result.current.isSuccess).toBe(true));
    await waitFor(() => expect(byPublisher.result.current.isSuccess).toBe(true));
    expect(byCategory.result.current.data?.items.map((p) => p.id)).toContain(seen?.id);
    expect(byPublisher.result.current.data?.items.every((p) => p.owner === owner)).toBe(true);
    expect(emulatorCalls(emulator, `programs/category/${categoryId}`)).toHaveLength(1);
    expect(emulatorCalls(emulator, `programs/publisher/${owner}/vod`)).toHaveLength(1);
  });

  it('should send nothing while the category or owner is empty', async () => {
    const emulator = serveEmulator(server);
    const { wrapper } = wrapperWith();
    const byCategory = renderHook(() => useRecordingsByCategory(''), { wrapper });
    const byPublisher = renderHook(() => useRecordingsByPublisher(''), { wrapper });
    expect(byCategory.result.current.fetchStatus).toBe('idle');
    expect(byPublisher.result.current.fetchStatus).toBe('idle');
    expect(emulator.requests).toHaveLength(0);
  });
});

describe('useBroadcasts', () => {
  it("should send this machine's time-zone offset", async () => {
    const emulator = serveEmulator(server);
    const { wrapper } = wrapperWith();
    const { result } = renderHook(() => useBroadcasts('today'), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(emulatorCalls(emulator, 'programs/live/today')[0]?.query.timezoneOffset).toBe(
      String(new Date().getTimezoneOffset()),
    );
  });

  it('should keep an offset the caller gives', async () => {
    const emulator = serveEmulator(server);
    const { wrapper } = wrapperWith();
    const { result } = renderHook(() => useBroadcasts('future', { timezoneOffset: -330 }), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(emulatorCalls(emulator, 'programs/live/future')[0]?.query.timezoneOffset).toBe('-330');
  });

  it("should ask again on an interval for 'now' while mounted", async () => {
    const emulator = serveEmulator(server);
    const { wrapper } = wrapperWith();
    const { result, unmount } = renderHook(() => useBroadcasts('now', {}, { refetchInterval: 20 }), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    await waitFor(() => expect(emulatorCalls(emulator, 'programs/live/now').length).toBeGreaterThanOrEqual(3));
    unmount();
  });
});

describe('cache identity', () => {
  it("should refetch a guest's list with the user's rights when the user signs in, under the public key", async () => {
    const emulator = serveEmulator(server);
    const { wrapper, queryClient } = wrapperWith();
    const { result } = renderHook(
      () => ({
        service: { client: useRecordingClient(), session: useRecordingSession() },
        list: useRecordings({ count: 100 }),
      }),
      {
        wrapper,
      },
    );
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    const guestTotal = result.current.list.data?.totalItemCount ?? 0;
    await act(() => result.current.service.client.session.signIn('portal-admin', 'admin'));
    await waitFor(() => expect(result.current.list.data?.totalItemCount).toBeGreaterThan(guestTotal));
    const calls = emulatorCalls(emulator, 'programs');
    expect(calls.map((r) => r.query.user)).toEqual([undefined, 'admin']);
    expect(queryClient.getQueryCache().findAll({ queryKey: ['recording-service'] })).toHaveLength(1);
    expect(queryClient.getQueryData(recordingKeys.list({ count: 100 }))).toEqual(result.current.list.data);
  });
});
