import type { ProgramsApi } from './types';

/** One view of a program, reported to the server's access reports. */
export interface ViewReporter {
  readonly programId: string;
  readonly dnId: string | undefined;
  /** Whether the end was asked for (sent, or to be sent once the start's receipt arrives). */
  readonly ended: boolean;
  /** Posts the view start once; every call resolves to the same report id (`undefined` if refused). */
  start(): Promise<string | undefined>;
  /** Posts the view end once, with fetch `keepalive`, and only after a start. Later calls do nothing. */
  end(): void;
}

/**
 * Creates the reporter of one view. `dnId` may be given, or found lazily (e.g. in a cached playback address)
 * by `findDnId` when the start is posted.
 *
 * @example
 * const view = createViewReporter(client.programs, id, { dnId });
 * await view.start();
 * addEventListener('pagehide', () => view.end());
 */
export function createViewReporter(
  programs: Pick<ProgramsApi, 'reportViewStart' | 'reportViewEnd'>,
  programId: string,
  options: { dnId?: string; findDnId?: () => string | undefined } = {},
): ViewReporter {
  let started: Promise<string | undefined> | undefined;
  let ended = false;
  let node = options.dnId;
  const withNode = () => (node ? { dnId: node } : {});
  return {
    programId,
    dnId: options.dnId,
    get ended() {
      return ended;
    },
    start() {
      if (!started) {
        node ??= options.findDnId?.();
        started = programs.reportViewStart(programId, withNode()).then(
          (receipt) => receipt.reportId,
          () => undefined,
        );
      }
      return started;
    },
    end() {
      if (ended) return;
      ended = true;
      void started?.then((reportId) => {
        if (reportId === undefined) return;
        programs.reportViewEnd(programId, reportId, { ...withNode(), keepalive: true }).catch(() => {});
      });
    },
  };
}
