'use client';
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecordingServiceError } from '../src/core/errors';
import {
  cancelled,
  DOWNLOAD_MEMORY_LIMIT_BYTES,
  downloadFile,
  fail,
  MD5_MISMATCH,
  openSaveDialog,
  type DownloadedFile,
  type DownloadProgress,
  type SaveFileHandle,
  type SaveTo,
  type UnverifiedReason,
} from '../src/core/download';
import { recordingKeys } from '../src/react/keys';
import * as recordingQueries from '../src/react/queries';
import type { Program, ProgramAddress } from '../src/core/types';
import { findCachedProgram } from '../src/react/fetching';
import { useRecordingService } from './useRecordingService';

export { DOWNLOAD_MEMORY_LIMIT_BYTES, DOWNLOAD_PROGRESS_INTERVAL_MS } from '../src/core/download';
export type { DownloadProgress, SaveTo, UnverifiedReason } from '../src/core/download';

/**
 * A finished download: `savedTo` says where it went (`memory`: `blob`; `file`: the chosen `fileName`;
 * `browser`: handed over as a link, unchecked); `verified` is `true` when the MD5 matched the program's
 * `md5Hash`, else `undefined` with an `unverifiedReason`.
 */
export type DownloadedRecording = DownloadedFile;

/** Options of {@link useDownloadRecording}. */
export interface UseDownloadRecordingOptions {
  /**
   * Where a download goes. `file`: `download(id)` opens the browser's Save dialog (File System Access API,
   * `showSaveFilePicker`) at once, in the click that calls it, and streams into the chosen file, so memory
   * stays flat; `memory`: a Blob offered as `url`, up to `maxInMemoryBytes`, above which the delivery node's
   * address is offered as `url` instead, unchecked; `auto` (the default): `file` for a program whose cached
   * `size` is over `maxInMemoryBytes`, where the browser has the API, else `memory`. (The dialog can only open
   * in the click, before the network tells the size; a dialog for every small file would be a chore.)
   */
  saveTo?: SaveTo;
  /** The largest file held in memory. Defaults to `DOWNLOAD_MEMORY_LIMIT_BYTES` (512 MiB). */
  maxInMemoryBytes?: number;
  /** The name the Save dialog suggests. Defaults to the program's cached name (or its id) plus `.mp4`. */
  suggestedName?: string;
}

/** What {@link useDownloadRecording} returns: the mutation state plus progress and controls. */
export type UseDownloadRecordingResult = Omit<
  UseMutationResult<DownloadedRecording, RecordingServiceError, string>,
  'mutate' | 'mutateAsync'
> & {
  /**
   * Starts downloading a program (cancelling any download in progress). Call it from the user's click: when
   * it saves into a file (see `saveTo`) it opens the Save dialog before any request, as browsers require.
   */
  download: (id: string) => void;
  /** Cancels the download in progress; it ends with an `aborted` error. */
  cancel: () => void;
  /** 0 to 1 while the total size is known, else `undefined`. Updated at most 4 times a second. */
  progress: number | undefined;
  /** Bytes received so far and the expected total (from `Content-Length`, else the program's size). */
  bytes: DownloadProgress;
  /**
   * `true` when the MD5 matched, `false` when it did not (the download failed with a `validation` error and
   * nothing damaged was kept), `undefined` until a download finishes or when it was not checked.
   */
  verified: boolean | undefined;
  /** Why a finished download was not checked: `no-md5` from the server, or `too-large` for memory. */
  unverifiedReason: UnverifiedReason | undefined;
  /**
   * For a link with `download`: an object URL of a file held in memory (revoked on the next download and on
   * unmount), or the delivery node's address of a file too large for memory (`savedTo: 'browser'`).
   */
  url: string | undefined;
};

interface Job {
  controller: AbortController;
  file?: Promise<SaveFileHandle | undefined> | undefined;
}

const NO_BYTES: DownloadProgress = { loaded: 0, total: undefined };

/**
 * Downloads a program's media file with progress, cancellation and an MD5 check against its `md5Hash`,
 * computed while the bytes stream in. A file over `maxInMemoryBytes` (512 MiB) streams into one the user
 * chooses where the browser can (`showSaveFilePicker`), so gigabytes never sit in memory; elsewhere it is
 * handed to the browser as a link (`verified: undefined`, `unverifiedReason: 'too-large'`). A mismatch ends
 * in a `validation` error, `verified: false`, and no file. Only programs with `allowMediaDownload` can be downloaded; others fail at once without a request.
 *
 * @example
 * const { download, progress, verified, url, cancel } = useDownloadRecording({ suggestedName: 'talk.mp4' });
 * <button onClick={() => download(id)}>Download</button>
 * {url && <a href={url} download>Save ({verified ? 'verified' : 'unchecked'})</a>}
 */
export function useDownloadRecording(options: UseDownloadRecordingOptions = {}): UseDownloadRecordingResult {
  const { saveTo = 'auto', maxInMemoryBytes, suggestedName } = options;
  const { context } = useRecordingService('useDownloadRecording');
  const queryClient = useQueryClient();
  const controllerRef = useRef<AbortController>(undefined);
  const jobsRef = useRef<Job[]>([]);
  const [bytes, setBytes] = useState(NO_BYTES);
  const [url, setUrl] = useState<string>();

  const mutation = useMutation<DownloadedRecording, RecordingServiceError, string>({
    gcTime: 0,
    mutationFn: async (id) => {
      const { controller, file } = jobsRef.current.shift() ?? { controller: new AbortController() };
      const { signal } = controller;
      const current = () => controllerRef.current === controller;
      try {
        if (id === '') throw fail('validation', 'No recording to download', 'pass the id of a program');
        const handle = await file;
        if (signal.aborted) throw cancelled();
        const program = await queryClient.ensureQueryData(recordingQueries.detail(context, id, queryClient));
        if (!program.allowMediaDownload) {
          throw fail('forbidden', 'This recording cannot be downloaded', 'its owner has not set allowMediaDownload');
        }
        // Any cached address (an unlocked one too) will do; else the plain one, read as usePlaybackAddress reads it.
        const cached = queryClient.getQueriesData<ProgramAddress>({ queryKey: recordingKeys.playback(id) });
        const address =
          cached.map(([, data]) => data).find((data) => data?.downloadUrl) ??
          (await queryClient.fetchQuery(recordingQueries.playback(context, id)));
        const downloadUrl = address?.downloadUrl;
        if (!downloadUrl) throw fail('not-found', 'The server gave no download address for this recording');
        const result = await downloadFile(downloadUrl, handle, {
          signal,
          expectedMd5: program.md5Hash,
          sizeHint: program.size ? program.size * 1024 : undefined,
          maxInMemoryBytes,
          onProgress: (progress) => current() && setBytes(progress),
        });
        if (current()) {
          // Only the current download gets an object URL: one made for a replaced download would never be revoked.
          // jsdom, for one, has no object URLs.
          const offered = result.blob
            ? URL.createObjectURL?.(result.blob)
            : result.savedTo === 'browser' && downloadUrl;
          setUrl(offered || undefined);
        }
        return result;
      } catch (error) {
        // A file chosen for a download that never started writing is removed again.
        void file?.then((handle) => handle?.remove?.()).catch(() => {});
        throw error;
      }
    },
  });

  const { data, error, mutate, mutateAsync: _mutateAsync, ...rest } = mutation;
  const cancel = useCallback(() => controllerRef.current?.abort(), []);
  const download = useCallback(
    (id: string) => {
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      const cachedProgram =
        queryClient.getQueryData<Program>(recordingKeys.detail(id)) ?? findCachedProgram(queryClient, id)?.program;
      const refused = id === '' || cachedProgram?.allowMediaDownload === false;
      // The Save dialog opens here, inside the click: browsers refuse it once the click's task has ended.
      const large = (cachedProgram?.size ?? 0) * 1024 > (maxInMemoryBytes ?? DOWNLOAD_MEMORY_LIMIT_BYTES);
      const mode = saveTo === 'auto' && !large ? 'memory' : saveTo;
      const file = refused ? undefined : openSaveDialog(mode, suggestedName ?? `${cachedProgram?.name || id}.mp4`);
      jobsRef.current.push({ controller, file });
      setBytes(NO_BYTES);
      setUrl(undefined);
      mutate(id);
    },
    [mutate, queryClient, saveTo, suggestedName, maxInMemoryBytes],
  );

  useEffect(() => () => controllerRef.current?.abort(), []);
  useEffect(() => () => void (url?.startsWith('blob:') && URL.revokeObjectURL(url)), [url]);

  const { total, loaded } = bytes;
  const progress = data?.savedTo === 'browser' ? undefined : total ? Math.min(1, loaded / total) : data && 1;
  return {
    ...rest,
    data,
    error,
    download,
    cancel,
    progress,
    bytes,
    verified: error?.details === MD5_MISMATCH ? false : data?.verified,
    unverifiedReason: data?.unverifiedReason,
    url,
  };
}
