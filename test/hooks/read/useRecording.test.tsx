import { render, renderHook, screen, waitFor } from '@testing-library/react';
import { http } from 'msw';
import { useRecording } from '../../../hooks/useRecording';
import { useRecordings } from '../../../hooks/useRecordings';
import { useInfiniteRecordings } from '../../../hooks/useInfiniteRecordings';
import { usePrefetchRecording } from '../../../hooks/usePrefetchRecording';
import { useSuspenseRecording } from '../../../hooks/useSuspenseRecording';
import { Suspense } from 'react';
import { makeProgram, page, PROGRAMS, requestsTo, startServer, vendorJson, wrapperWith } from './harness';

const { server, seen } = startServer();

function serveProgram(program = makeProgram('p1')) {
  server.use(http.get(`${PROGRAMS}/:id`, () => vendorJson(program, 'asr.program.v2')));
}

describe('useRecording', () => {
  it('should send one request when ten components read the same id', async () => {
    serveProgram(makeProgram('p1', { name: 'Town hall' }));
    function Title({ n }: { n: number }) {
      const { data } = useRecording('p1');
      return <p data-testid={`title-${n}`}>{data?.name ?? 'loading'}</p>;
    }
    const { wrapper: Wrapper } = wrapperWith();
    render(
      <Wrapper>
        {Array.from({ length: 10 }, (_, n) => (
          <Title key={n} n={n} />
        ))}
      </Wrapper>,
    );
    await waitFor(() => expect(screen.getAllByText('Town hall')).toHaveLength(10));
    expect(requestsTo(seen, `${PROGRAMS}/p1`)).toHaveLength(1);
  });

  it('should take a program from a fresh cached list without a request', async () => {
    const listed = makeProgram('p2', { name: 'Listed' });
    server.use(
      http.get(PROGRAMS, () => vendorJson(page([makeProgram('p1'), listed], 2), 'asr.paged.list.v2')),
      http.get(`${PROGRAMS}/:id`, () => vendorJson(makeProgram('p2', { name: 'Fetched' }), 'asr.program.v2')),
    );
    const { wrapper } = wrapperWith();
    const list = renderHook(() => useRecordings({ count: 2 }), { wrapper });
    await waitFor(() => expect(list.result.current.isSuccess).toBe(true));

    const detail = renderHook(() => useRecording('p2'), { wrapper });
    expect(detail.result.current.data?.name).toBe('Listed');
    expect(detail.result.current.isStale).toBe(false);
    expect(requestsTo(seen, `${PROGRAMS}/p2`)).toHaveLength(0);
  });

  it('should show the copy of a stale list at once and refresh it with one request', async () => {
    server.use(
      http.get(PROGRAMS, () => vendorJson(page([makeProgram('p5', { name: 'Old name' })], 1), 'asr.paged.list.v2')),
      http.get(`${PROGRAMS}/:id`, () => vendorJson(makeProgram('p5', { name: 'New name' }), 'asr.program.v2')),
    );
    const { wrapper } = wrapperWith();
    const list = renderHook(() => useRecordings({}, { staleTime: 0 }), { wrapper });
    await waitFor(() => expect(list.result.current.isSuccess).toBe(true));
    const listFetchedAt = list.result.current.dataUpdatedAt;

    const detail = renderHook(() => useRecording('p5', { staleTime: 0 }), { wrapper });
    expect(detail.result.current.data?.name).toBe('Old name');
    expect(detail.result.current.dataUpdatedAt).toBe(listFetchedAt);
    await waitFor(() => expect(detail.result.current.data?.name).toBe('New name'));
    expect(requestsTo(seen, `${PROGRAMS}/p5`)).toHaveLength(1);
  });

  it('should find a program in any page of a cached infinite list', async () => {
    server.use(
      http.get(PROGRAMS, ({ request }) => {
        const offset = Number(new URL(request.url).searchParams.get('offset'));
        const items = offset === 0 ? [makeProgram('a'), makeProgram('b')] : [makeProgram('c', { name: 'Third' })];
        return vendorJson(page(items, 3), 'asr.paged.list.v2');
      }),
    );
    const { wrapper } = wrapperWith();
    const infinite = renderHook(() => useInfiniteRecordings({ count: 2 }), { wrapper });
    await waitFor(() => expect(infinite.result.current.data?.pages).toHaveLength(1));
    await infinite.result.current.fetchNextPage();
    await waitFor(() => expect(infinite.result.current.data?.pages).toHaveLength(2));

    const detail = renderHook(() => useRecording('c'), { wrapper });
    expect(detail.result.current.data?.name).toBe('Third');
    expect(seen.filter((r) => r.url.pathname.endsWith('/programs/c'))).toHaveLength(0);
  });

  it('should fetch a program that is in no cached list', async () => {
    serveProgram(makeProgram('p9', { name: 'Direct' }));
    const { wrapper } = wrapperWith();
    const { result } = renderHook(() => useRecording('p9'), { wrapper });
    await waitFor(() => expect(result.current.data?.name).toBe('Direct'));
    expect(requestsTo(seen, `${PROGRAMS}/p9`)).toHaveLength(1);
  });

  it('should send nothing while the id is empty', async () => {
    serveProgram();
    const { wrapper } = wrapperWith();
    const { result } = renderHook(() => useRecording(''), { wrapper });
    expect(result.current.fetchStatus).toBe('idle');
    expect(result.current.isPending).toBe(true);
    expect(seen).toHaveLength(0);
  });

  it('should surface a missing program as a not-found RecordingServiceError', async () => {
    server.use(
      http.get(`${PROGRAMS}/:id`, () => vendorJson({ status: 404, message: 'nope' }, 'asr.response.details.v2', 404)),
    );
    const { wrapper } = wrapperWith();
    const { result } = renderHook(() => useRecording('gone'), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.kind).toBe('not-found');
  });
});

describe('usePrefetchRecording', () => {
  it('should load a program ahead so that opening it sends no second request', async () => {
    serveProgram(makeProgram('p3', { name: 'Prefetched' }));
    const { wrapper, queryClient } = wrapperWith();
    const { result } = renderHook(() => usePrefetchRecording(), { wrapper });
    result.current('p3');
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    await waitFor(() => expect(requestsTo(seen, `${PROGRAMS}/p3`)).toHaveLength(1));

    const detail = renderHook(() => useRecording('p3'), { wrapper });
    expect(detail.result.current.data?.name).toBe('Prefetched');
    expect(requestsTo(seen, `${PROGRAMS}/p3`)).toHaveLength(1);
  });
});

describe('useSuspenseRecording', () => {
  it('should suspend until the program is loaded', async () => {
    serveProgram(makeProgram('p4', { name: 'Suspended' }));
    function Title() {
      const { data } = useSuspenseRecording('p4');
      return <h1>{data.name}</h1>;
    }
    const { wrapper: Wrapper } = wrapperWith();
    render(
      <Wrapper>
        <Suspense fallback={<p>Waiting</p>}>
          <Title />
        </Suspense>
      </Wrapper>,
    );
    expect(screen.getByText('Waiting')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Suspended' })).toBeInTheDocument();
  });
});
