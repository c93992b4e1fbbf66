'use client';
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { RecordingServiceError } from '../src/errors';
import { createMd5 } from '../src/md5';
import { PROGRAM_STALE_TIME_MS, recordingKeysFor, recordingQueries } from '../src/queries';
import type { ProgramAddress } from '../src/types';
import { useRecordingService } from './useRecordingService';

/** A finished, checked download. */
export interface DownloadedRecording {
  blob: Blob;
  /** `true` when the MD5 matched the program's `md5Hash`, `undefined` when the server gave none. */
  verified: boolean | undefined;
}

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
  bytes: { loaded: number; total: number | undefined };
  /** See {@link DownloadedRecording.verified}; `undefined` until a download finishes. */
  verified: boolean | undefined;
  /** An object URL of the file for a download link, revoked on the next download and on unmount. */
  url: string | undefined;
};

const fail = (kind: 'validation' | 'forbidden' | 'not-found' | 'network', message: string, hint?: string) =>
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
  const { client } = useRecordingService();
  const queryClient = useQueryClient();
  const controllerRef = useRef<AbortController | null>(null);
  const [bytes, setBytes] = useState<{ loaded: number; total: number | undefined }>({ loaded: 0, total: undefined });
  const [url, setUrl] = useState<string>();

  const mutation = useMutation<DownloadedRecording, RecordingServiceError, string>({
    gcTime: 0,
    mutationFn: async (id) => {
      const controller = new AbortController();
      controllerRef.current = controller;
      const { signal } = controller;
      const program = await queryClient.ensureQueryData(recordingQueries.detail(client, id));
      if (!program.allowMediaDownload) {
        throw fail('forbidden', 'This recording cannot be downloaded', 'its owner has not set allowMediaDownload');
      }
      const keys = recordingKeysFor(client);
      const cached = queryClient.getQueriesData<ProgramAddress>({ queryKey: keys.playback(id) });
      const address =
        cached.map(([, data]) => data).find((data) => data?.downloadUrl) ??
        (await queryClient.fetchQuery({
          queryKey: keys.playback(id),
          queryFn: () => client.programs.playbackAddress(id, {}, { signal }),
          staleTime: PROGRAM_STALE_TIME_MS,
        }));
      if (!address?.downloadUrl) throw fail('not-found', 'The server gave no download address for this recording');
      const response = await fetch(address.downloadUrl, { signal }).catch((cause: unknown) => {
        if (signal.aborted) throw new RecordingServiceError({ kind: 'aborted', message: 'Download cancelled', cause });
        throw fail('network', 'The download failed', 'the delivery node cannot be reached');
      });
      if (!response.ok || !response.body) throw fail('network', `The download failed with status ${response.status}`);
      const length = Number(response.headers.get('content-length'));
      const total = length > 0 ? length : program.size ? program.size * 1024 : undefined;
      const md5 = createMd5();
      const chunks: Uint8Array[] = [];
      let loaded = 0;
      setBytes({ loaded, total });
      const reader = response.body.getReader();
      // Not every fetch errors a body already streaming when its signal aborts: cancel the reader as well.
      const stop = () => void reader.cancel().catch(() => {});
      signal.addEventListener('abort', stop, { once: true });
      try {
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
          md5.update(chunk.value);
          chunks.push(chunk.value);
          loaded += chunk.value.length;
          setBytes({ loaded, total });
        }
      } catch {
        if (!signal.aborted) throw fail('network', 'The download was interrupted');
      } finally {
        signal.removeEventListener('abort', stop);
      }
      if (signal.aborted) throw new RecordingServiceError({ kind: 'aborted', message: 'Download cancelled' });
      const expected = program.md5Hash?.toLowerCase();
      if (expected && md5.digest() !== expected) {
        throw fail('validation', 'The downloaded file is damaged (MD5 mismatch)', 'try downloading it again');
      }
      const type = response.headers.get('content-type') ?? 'application/octet-stream';
      return { blob: new Blob(chunks as BlobPart[], { type }), verified: expected ? true : undefined };
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
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);

  const { total, loaded } = bytes;
  const progress = total ? Math.min(1, loaded / total) : mutation.isSuccess ? 1 : undefined;
  const { mutate: _mutate, mutateAsync: _mutateAsync, ...rest } = mutation;
  return { ...rest, download, cancel, progress, bytes, verified: mutation.data?.verified, url };
}
