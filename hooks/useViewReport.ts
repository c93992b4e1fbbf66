'use client';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { RecordingContext } from '../src/core/context';
import { reportViewEnd, reportViewStart } from '../src/core/programs';
import { recordingKeys } from '../src/react/keys';
import type { ProgramAddress } from '../src/core/types';
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

/** One view of a program: its start is posted once; its end once, after the start. */
interface View {
  context: RecordingContext;
  id: string;
  dnId: string | undefined;
  /** The delivery node both reports name: `dnId`, else the one found in the cache when the start is posted. */
  node?: { dnId?: string };
  /** Resolves to the report id (`undefined` if refused). */
  started?: Promise<string | undefined>;
  /** Whether the end was asked for (sent, or to be sent once the start's receipt arrives). */
  ended?: boolean;
}

/** Posts the view end once, with fetch `keepalive`, and only after a start. */
function endView(view: View | undefined): void {
  if (!view || view.ended) return;
  view.ended = true;
  void view.started?.then((reportId) => {
    if (reportId === undefined) return;
    reportViewEnd(view.context, view.id, reportId, { ...view.node, keepalive: true }).catch(() => {});
  });
}

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
  const viewRef = useRef<View>(undefined);
  const mountsRef = useRef(0);

  const current = useCallback((): View => {
    const view = viewRef.current;
    if (view && !view.ended && view.id === id && view.dnId === dnId) return view;
    return (viewRef.current = { context, id, dnId });
  }, [context, id, dnId]);

  const start = useCallback(() => {
    if (id === '') return Promise.resolve(undefined);
    const view = current();
    if (!view.started) {
      const node = dnId || cachedDnId(queryClient, id);
      view.node = node ? { dnId: node } : {};
      view.started = reportViewStart(view.context, id, view.node).then(
        (receipt) => receipt.reportId,
        () => undefined,
      );
    }
    return view.started;
  }, [current, queryClient, id, dnId]);

  const end = useCallback(() => endView(viewRef.current), []);

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
        if (mountsRef.current === 0 || viewRef.current !== view) endView(view);
      });
    };
  }, [current, end]);

  return { start, end };
}
