import { act, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { usePlaybackAddress } from '../../../hooks/usePlaybackAddress';
import { useViewReport } from '../../../hooks/useViewReport';
import { PROGRAMS, renderWithService, setupNetwork } from './harness';

const { server, seen } = setupNetwork();

function reportServer() {
  let receipts = 0;
  server.use(
    http.post(`${PROGRAMS}/:id/report`, () => HttpResponse.json({ id: `r${++receipts}` })),
    http.post(`${PROGRAMS}/:id/report/:reportId`, () => new HttpResponse(null, { status: 204 })),
    http.get(`${PROGRAMS}/:id/url`, () =>
      HttpResponse.json({ available: true, reportUrl: 'https://dn.test/report?dnid=node-7&x=1' }),
    ),
  );
}

const starts = () => seen.filter((r) => r.method === 'POST' && /\/report$/.test(r.url.pathname));
const ends = () => seen.filter((r) => r.method === 'POST' && /\/report\/[^/]+$/.test(r.url.pathname));

describe('useViewReport', () => {
  it('should post the start once however often start() is called, and keep the receipt', async () => {
    reportServer();
    const { result, unmount } = renderWithService(() => useViewReport('p1', { dnId: 'dn-1' }));
    const ids = await act(() => Promise.all([result.current.start(), result.current.start()]));
    expect(ids).toEqual(['r1', 'r1']);
    expect(await act(() => result.current.start())).toBe('r1');
    expect(starts()).toHaveLength(1);
    expect(starts()[0]?.url.searchParams.get('dnId')).toBe('dn-1');
    unmount();
    await waitFor(() => expect(ends()).toHaveLength(1));
  });

  it('should send exactly one end, with keepalive, whether end() is called, the page hides or it unmounts', async () => {
    reportServer();
    const { result, unmount } = renderWithService(() => useViewReport('p1', { dnId: 'dn-1' }));
    await act(() => result.current.start());
    act(() => {
      result.current.end();
      result.current.end();
      window.dispatchEvent(new Event('pagehide'));
    });
    unmount();
    await waitFor(() => expect(ends()).toHaveLength(1));
    const end = ends()[0]!;
    expect(end.url.pathname).toBe('/api/manager/programs/p1/report/r1');
    expect(end.keepalive).toBe(true);
    expect(end.url.searchParams.get('dnId')).toBe('dn-1');
    // Nothing else is on its way: a later page hide adds nothing.
    window.dispatchEvent(new Event('pagehide'));
    await act(() => Promise.resolve());
    expect(ends()).toHaveLength(1);
  });

  it('should end the view on page hide', async () => {
    reportServer();
    const { result, unmount } = renderWithService(() => useViewReport('p1'));
    await act(() => result.current.start());
    act(() => void window.dispatchEvent(new Event('pagehide')));
    await waitFor(() => expect(ends()).toHaveLength(1));
    expect(ends()[0]?.keepalive).toBe(true);
    unmount();
    await act(() => Promise.resolve());
    expect(ends()).toHaveLength(1);
  });

  it('should end the view on unmount, once, under StrictMode too', async () => {
    reportServer();
    const { result, unmount } = renderWithService(() => useViewReport('p1'), { strict: true });
    await act(() => result.current.start());
    // StrictMode's simulated unmount did not end the view.
    await act(() => Promise.resolve());
    expect(ends()).toHaveLength(0);
    unmount();
    await waitFor(() => expect(ends()).toHaveLength(1));
    expect(starts()).toHaveLength(1);
  });

  it('should send the end of a view still starting once its receipt arrives', async () => {
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    server.use(
      http.post(`${PROGRAMS}/:id/report`, async () => {
        await answered;
        return HttpResponse.json({ id: 'late' });
      }),
      http.post(`${PROGRAMS}/:id/report/:reportId`, () => new HttpResponse(null, { status: 204 })),
    );
    const { result, unmount } = renderWithService(() => useViewReport('p1'));
    let started!: Promise<string | undefined>;
    act(() => void (started = result.current.start()));
    unmount();
    await act(() => Promise.resolve());
    expect(ends()).toHaveLength(0);
    answer();
    expect(await started).toBe('late');
    await waitFor(() => expect(ends()).toHaveLength(1));
    expect(ends()[0]?.url.pathname).toBe('/api/manager/programs/p1/report/late');
  });

  it('should take the delivery node from the cached playback address when none is given', async () => {
    reportServer();
    const { result, unmount } = renderWithService(() => ({
      address: usePlaybackAddress('p1'),
      report: useViewReport('p1'),
    }));
    await waitFor(() => expect(result.current.address.isSuccess).toBe(true));
    await act(() => result.current.report.start());
    act(() => result.current.report.end());
    await waitFor(() => expect(ends()).toHaveLength(1));
    expect(starts()[0]?.url.searchParams.get('dnId')).toBe('node-7');
    expect(ends()[0]?.url.searchParams.get('dnId')).toBe('node-7');
    unmount();
  });

  it('should send nothing when the view never started', async () => {
    reportServer();
    const { result, unmount } = renderWithService(() => useViewReport('p1'));
    act(() => result.current.end());
    window.dispatchEvent(new Event('pagehide'));
    unmount();
    await act(() => Promise.resolve());
    expect(seen).toEqual([]);
  });

  it('should send nothing while the id is empty', async () => {
    reportServer();
    const { result, unmount } = renderWithService(() => useViewReport(''));
    expect(await act(() => result.current.start())).toBeUndefined();
    act(() => result.current.end());
    unmount();
    await act(() => Promise.resolve());
    expect(seen).toEqual([]);
  });

  it('should end the previous program’s view when the id changes', async () => {
    reportServer();
    const { result, rerender, unmount } = renderWithService(({ id }: { id: string }) => useViewReport(id), {
      initialProps: { id: 'p1' },
    });
    await act(() => result.current.start());
    rerender({ id: 'p2' });
    await waitFor(() => expect(ends()).toHaveLength(1));
    expect(ends()[0]?.url.pathname).toBe('/api/manager/programs/p1/report/r1');
    await act(() => result.current.start());
    expect(starts().map((r) => r.url.pathname)).toEqual([
      '/api/manager/programs/p1/report',
      '/api/manager/programs/p2/report',
    ]);
    unmount();
    await waitFor(() => expect(ends()).toHaveLength(2));
    expect(ends()[1]?.url.pathname).toBe('/api/manager/programs/p2/report/r2');
  });
});
