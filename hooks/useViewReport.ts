'use client';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { RecordingClient } from '../src/client';
import { recordingKeysFor } from '../src/queries';
import type { ProgramAddress } from '../src/types';
import { useRecordingService } from './useRecordingService';

/** Parameters of {@link useViewReport}. */
export interface ViewReportParams {
  /** Delivery-node id. Defaults to the `dnId`/`dnid` query parameter of the cached playback address's `reportUrl`. */
  dnId?: string;
}

/** What {@link useViewReport} returns. */
export interface ViewReportControls {
  /** Reports that viewing started (once per view); resolves to the report id, `undefined` if refused. */
  start: () => Promise<string | undefined>;
  /** Reports that viewing ended: at most once per view, and only after a start. */
  end: () => void;
}

interface View {
  id: string;
  dnId: string | undefined;
  ended: boolean;
  started?: Promise<string | undefined>;
}

function dnIdOf(queryClient: QueryClient, client: RecordingClient, id: string): string | undefined {
  for (const [, address] of queryClient.getQueriesData<ProgramAddress>({
    queryKey: recordingKeysFor(client).playback(id),
  })) {
    if (!address?.reportUrl) continue;
    const query = new URL(address.reportUrl, 'http://relative.invalid').searchParams;
    const dnId = query.get('dnId') ?? query.get('dnid');
    if (dnId) return dnId;
  }
  return undefined;
}

/**
 * Reports a view of a program to the server's access reports. `start()` posts the start once and keeps the
 * receipt; the end is posted exactly once, by whichever comes first: `end()`, unmount, or the page being hidden
 * for good (`pagehide`). The end uses `fetch` with `keepalive`, so it survives the page unloading.
 *
 * @example
 * const report = useViewReport(id);
 * return <video src={src} onPlay={() => void report.start()} onEnded={report.end} />;
 */
export function useViewReport(id: string, params: ViewReportParams = {}): ViewReportControls {
  const { client } = useRecordingService();
  const queryClient = useQueryClient();
  const { dnId } = params;
  const viewRef = useRef<View | null>(null);
  const mountsRef = useRef(0);

  const current = useCallback((): View => {
    const view = viewRef.current;
    if (!view || view.ended || view.id !== id || view.dnId !== dnId) viewRef.current = { id, dnId, ended: false };
    return viewRef.current as View;
  }, [id, dnId]);

  const endView = useCallback(
    (view: View) => {
      if (view.ended) return;
      view.ended = true;
      void view.started?.then((reportId) => {
        if (reportId === undefined) return;
        const node = view.dnId ?? dnIdOf(queryClient, client, view.id);
        const params = { ...(node && { dnId: node }), keepalive: true };
        client.programs.reportViewEnd(view.id, reportId, params).catch(() => {});
      });
    },
    [client, queryClient],
  );

  const start = useCallback(() => {
    const view = current();
    if (!view.started) {
      const node = view.dnId ?? dnIdOf(queryClient, client, view.id);
      view.started = client.programs.reportViewStart(view.id, node ? { dnId: node } : {}).then(
        (receipt) => receipt.reportId,
        () => undefined,
      );
    }
    return view.started;
  }, [current, client, queryClient]);

  const end = useCallback(() => {
    if (viewRef.current) endView(viewRef.current);
  }, [endView]);

  useEffect(() => {
    mountsRef.current += 1;
    current();
    const onPageHide = () => end();
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      mountsRef.current -= 1;
      const view = viewRef.current;
      // A StrictMode remount (or a re-run for the same view) comes back before this microtask runs.
      queueMicrotask(() => {
        if (view && (mountsRef.current === 0 || viewRef.current !== view)) endView(view);
      });
    };
  }, [current, end, endView]);

  return { start, end };
}
