import { renderHook, waitFor } from '@testing-library/react';
import { useRecording } from '../../../hooks/useRecording';
import { useRecordings } from '../../../hooks/useRecordings';
import { makeProgram, page, startRealServer, wrapperWith } from './harness';

// These suites use a real server on 127.0.0.1 (no MSW): jsdom's XHR closes the connection on abort, which
// the server observes; MSW's XHR interception does not expose aborts to its handlers.

describe('aborting stale requests', () => {
  it('should abort the in-flight request when the component unmounts', async () => {
    const real = await startRealServer(() => undefined);
    try {
      const { wrapper } = wrapperWith({ config: real.config });
      const { unmount } = renderHook(() => useRecording('p1'), { wrapper });
      await waitFor(() => expect(real.requests).toHaveLength(1));
      unmount();
      await waitFor(() => expect(real.requests[0]?.aborted).toBe(true));
      expect(real.requests[0]?.url.pathname).toBe('/api/manager/programs/p1');
    } finally {
      await real.close();
    }
  });

  it('should show only the latest answer and abort the stale ones when params change fast', async () => {
    const real = await startRealServer((url) => {
      const query = url.searchParams.get('query') ?? '';
      // Only the last search answers; the earlier ones hang until the client gives up on them.
      return query === 'c'
        ? { body: page([makeProgram('c1', { name: 'Answer c' })]), type: 'asr.paged.list.v2' }
        : undefined;
    });
    try {
      const { wrapper } = wrapperWith({ config: real.config });
      const { result, rerender } = renderHook(({ query }) => useRecordings({ query }), {
        wrapper,
        initialProps: { query: 'a' },
      });
      await waitFor(() => expect(real.requests).toHaveLength(1));
      rerender({ query: 'b' });
      await waitFor(() => expect(real.requests).toHaveLength(2));
      rerender({ query: 'c' });
      await waitFor(() => expect(result.current.data?.items[0]?.name).toBe('Answer c'));
      await waitFor(() => expect(real.requests.filter((r) => r.aborted)).toHaveLength(2));
      expect(real.requests.map((r) => [r.url.searchParams.get('query'), r.aborted])).toEqual([
        ['a', true],
        ['b', true],
        ['c', false],
      ]);
    } finally {
      await real.close();
    }
  });

  it('should send one request under StrictMode double mounting', async () => {
    const real = await startRealServer(() => ({
      body: page([makeProgram('s1', { name: 'Strict' })]),
      type: 'asr.paged.list.v2',
    }));
    try {
      const { wrapper } = wrapperWith({ config: real.config });
      const { result } = renderHook(() => useRecordings({ count: 5 }), { wrapper, reactStrictMode: true });
      await waitFor(() => expect(result.current.data?.items[0]?.name).toBe('Strict'));
      expect(real.requests).toHaveLength(1);
      expect(real.requests[0]?.aborted).toBe(false);
    } finally {
      await real.close();
    }
  });
});
