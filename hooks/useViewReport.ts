'use client';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { RecordingContext } from '../src/core/context';
import { reportViewEnd, reportViewStart } from '../src/core/programs';
import { recordingKeys } from '../src/react/keys';
import type { ProgramAddress } from '../src/core/types';
import { createViewReporter, type ViewReporter } from '../src/core/viewReport';
import { useRecordingService } from './useRecordingService';

/** Parameters of {@link useViewReport}. */
export interface ViewReportParams {
  /** Delivery-node id. Defaults to the `dnId`/`dnid` query parameter of the cached playback address's `reportUrl`. */
  dnId?: string;
}

/** What {@link useViewReport} returns. */
export interface ViewReportControls {
  /**
   * Reports that viewing started (once per view); resolves to the report id, `undefined` if refused or
   * while the id is empty (nothing is sent then).
   */
  start: () => Promise<string | undefined>;
  /** Reports that viewing ended: at most once per view, and only after a start. */
  end: () => void;
}

function cachedDnId(queryClient: QueryClient, id: string): string | undefined {
  for (const [, address] of queryClient.getQueriesData<ProgramAddress>({ queryKey: recordingKeys.playback(id) })) {
    if (!address?.reportUrl) continue;
    const query = new URL(address.reportUrl, 'http://relative.invalid').searchParams;
    const dnId = query.get('dnId') ?? query.get('dnid');
    if (dnId) return dnId;
  }
  return undefined;
}

/** The two report operations bound to a context, as the view reporter calls them. */
const reportsOf = (context: RecordingContext) => ({
  reportViewStart: (id: string, params?: { dnId?: string }) => reportViewStart(context, id, params),
  reportViewEnd: (id: string, reportId: string | number, params?: { dnId?: string; keepalive?: boolean }) =>
    reportViewEnd(context, id, reportId, params),
});

/**
 * Reports a view of a program to the server's access reports. `start()` posts the start once and keeps the
 * receipt; the end is posted exactly once, by whichever comes first: `end()`, unmount, or the page being hidden
 * (`pagehide`). The end uses `fetch` with `keepalive`, so it survives the page unloading. A `start()` after the
 * end begins a new view.
 *
 * @example
 * const report = useViewReport(id);
 * return <video src={src} onPlay={() => void report.start()} onEnded={report.end} />;
 */
export function useViewReport(id: string, params: ViewReportParams = {}): ViewReportControls {
  const { context } = useRecordingService('useViewReport');
  const queryClient = useQueryClient();
  const { dnId } = params;
  const viewRef = useRef<ViewReporter | null>(null);
  const mountsRef = useRef(0);

  const current = useCallback((): ViewReporter => {
    const view = viewRef.current;
    if (view && !view.ended && view.programId === id && view.dnId === dnId) return view;
    const findDnId = () => cachedDnId(queryClient, id);
    viewRef.current = createViewReporter(reportsOf(context), id, { ...(dnId && { dnId }), findDnId });
    return viewRef.current;
  }, [context, queryClient, id, dnId]);

  const start = useCallback(() => (id === '' ? Promise.resolve(undefined) : current().start()), [current, id]);
  const end = useCallback(() => viewRef.current?.end(), []);

  useEffect(() => {
    mountsRef.current += 1;
    current();
    window.addEventListener('pagehide', end);
    return () => {
      window.removeEventListener('pagehide', end);
      mountsRef.current -= 1;
      const view = viewRef.current;
      // A StrictMode remount (or a re-run for the same view) comes back before this microtask runs. Cost: a
      // mount counter and one microtask per unmount; it stays because ending at once would post a view end
      // (and lose the view) on StrictMode's simulated unmount.
      queueMicrotask(() => {
        if (view && (mountsRef.current === 0 || viewRef.current !== view)) view.end();
      });
    };
  }, [current, end]);

  return { start, end };
}
