'use client';
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { RecordingServiceError } from '../src/core/errors';
import { downloadVerified, type DownloadedFile, type DownloadProgress } from '../src/core/download';
import { recordingKeys } from '../src/react/keys';
import * as recordingQueries from '../src/react/queries';
import type { ProgramAddress } from '../src/core/types';
import { useRecordingService } from './useRecordingService';

/** A finished download; `verified` is `true` when the MD5 matched the program's `md5Hash`, else `undefined`. */
export type DownloadedRecording = DownloadedFile;

/** What {@link useDownloadRecording} returns: the mutation state plus progress and controls. */
export type UseDownloadRecordingResult = Omit<
  UseMutationResult<DownloadedRecording, RecordingServiceError, string>,
  'mutate' | 'mutateAsync'
> & {
  /** Starts downloading a program (cancelling any download in progress). */
  download: (id: string) => void;
  /** Cancels the download in progress; it ends with an `aborted` error. */
  cancel: () => void;
  /** 0 to 1 while the total size is known, else `undefined`. */
  progress: number | undefined;
  /** Bytes received so far and the expected total (from `Content-Length`, else the program's size). */
  bytes: DownloadProgress;
  /** See {@link DownloadedRecording.verified}; `undefined` until a download finishes. */
  verified: boolean | undefined;
  /** An object URL of the file for a download link, revoked on the next download and on unmount. */
  url: string | undefined;
};

const fail = (kind: 'forbidden' | 'not-found' | 'validation', message: string, hint?: string) =>
  new RecordingServiceError({ kind, message, ...(hint && { hint }) });

/**
 * Downloads a program's media file with progress, cancellation and an MD5 check against its `md5Hash`,
 * computed while the bytes stream in. A mismatch ends in a `validation` error and offers no file. Only
 * programs with `allowMediaDownload` can be downloaded; others fail at once without a request.
 *
 * @example
 * const { download, progress, verified, url, cancel } = useDownloadRecording();
 * <button onClick={() => download(id)}>Download</button>
 * {url && <a href={url} download>Save ({verified ? 'verified' : 'unchecked'})</a>}
 */
export function useDownloadRecording(): UseDownloadRecordingResult {
  const { context } = useRecordingService('useDownloadRecording');
  const queryClient = useQueryClient();
  const controllerRef = useRef<AbortController | null>(null);
  const [bytes, setBytes] = useState<DownloadProgress>({ loaded: 0, total: undefined });
  const [url, setUrl] = useState<string>();

  const mutation = useMutation<DownloadedRecording, RecordingServiceError, string>({
    gcTime: 0,
    mutationFn: async (id) => {
      if (id === '') throw fail('validation', 'No recording to download', 'pass the id of a program');
      const controller = new AbortController();
      controllerRef.current = controller;
      const { signal } = controller;
      const program = await queryClient.ensureQueryData(recordingQueries.detail(context, id, queryClient));
      if (!program.allowMediaDownload) {
        throw fail('forbidden', 'This recording cannot be downloaded', 'its owner has not set allowMediaDownload');
      }
      // Any cached address (an unlocked one too) will do; else the plain one, read as usePlaybackAddress reads it.
      const cached = queryClient.getQueriesData<ProgramAddress>({ queryKey: recordingKeys.playback(id) });
      const address =
        cached.map(([, data]) => data).find((data) => data?.downloadUrl) ??
        (await queryClient.fetchQuery(recordingQueries.playback(context, id)));
      if (!address?.downloadUrl) throw fail('not-found', 'The server gave no download address for this recording');
      return downloadVerified(address.downloadUrl, {
        signal,
        ...(program.md5Hash && { expectedMd5: program.md5Hash }),
        ...(program.size && { sizeHint: program.size * 1024 }),
        onProgress: setBytes,
      });
    },
    onSuccess: ({ blob }) => {
      if (typeof URL.createObjectURL === 'function') setUrl(URL.createObjectURL(blob));
    },
  });

  const { mutate } = mutation;
  const cancel = useCallback(() => controllerRef.current?.abort(), []);
  const download = useCallback(
    (id: string) => {
      controllerRef.current?.abort();
      setBytes({ loaded: 0, total: undefined });
      setUrl(undefined);
      mutate(id);
    },
    [mutate],
  );

  useEffect(() => () => controllerRef.current?.abort(), []);
  useEffect(() => () => void (url && typeof URL.revokeObjectURL === 'function' && URL.revokeObjectURL(url)), [url]);

  const { total, loaded } = bytes;
  const progress = total ? Math.min(1, loaded / total) : mutation.isSuccess ? 1 : undefined;
  const { mutate: _mutate, mutateAsync: _mutateAsync, ...rest } = mutation;
  return { ...rest, download, cancel, progress, bytes, verified: mutation.data?.verified, url };
}
