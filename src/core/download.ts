import { errorKindOfStatus, RecordingServiceError } from './errors';
import { createMd5 } from './md5';

/** Bytes received so far and the expected total, when known. */
export interface DownloadProgress {
  loaded: number;
  total: number | undefined;
}

/** Options of {@link downloadVerified}. */
export interface DownloadVerifiedOptions {
  signal?: AbortSignal;
  /** The MD5 the file must have (any case); without it the file is not checked. */
  expectedMd5?: string;
  /** Expected size in bytes, used when the answer has no `Content-Length`. */
  sizeHint?: number;
  /** Called once at the start and after every chunk. */
  onProgress?: (progress: DownloadProgress) => void;
}

/** A finished, checked download. */
export interface DownloadedFile {
  blob: Blob;
  /** `true` when the MD5 matched, `undefined` when there was none to check against. */
  verified: boolean | undefined;
}

const fail = (kind: 'validation' | 'network' | 'aborted', message: string, hint?: string) =>
  new RecordingServiceError({ kind, message, ...(hint && { hint }) });

/**
 * Streams a file with `fetch`, reporting progress and computing its MD5 as the bytes arrive; a mismatch
 * fails with a `validation` error (and no file), an abort with an `aborted` one, an error status with the
 * kind and `status` it maps to (`forbidden`, `not-found`, ...).
 *
 * @example
 * const { blob, verified } = await downloadVerified(address.downloadUrl, { expectedMd5: program.md5Hash, signal });
 */
export async function downloadVerified(url: string, options: DownloadVerifiedOptions = {}): Promise<DownloadedFile> {
  const { signal, sizeHint, onProgress } = options;
  const response = await fetch(url, signal ? { signal } : {}).catch(() => {
    if (signal?.aborted) throw fail('aborted', 'Download cancelled');
    throw fail('network', 'The download failed', 'the delivery node cannot be reached');
  });
  if (!response.ok) {
    const { status } = response;
    const kind = errorKindOfStatus(status);
    // No URL in the error: a delivery node's download address may carry a token.
    throw new RecordingServiceError({ kind, status, message: `The download failed with status ${status}` });
  }
  if (!response.body) throw fail('network', 'The download gave no content');
  const length = Number(response.headers.get('content-length'));
  const total = length > 0 ? length : sizeHint;
  const md5 = createMd5();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  onProgress?.({ loaded, total });
  const reader = response.body.getReader();
  // Not every fetch errors a body already streaming when its signal aborts: cancel the reader as well.
  const stop = () => void reader.cancel().catch(() => {});
  signal?.addEventListener('abort', stop, { once: true });
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      md5.update(chunk.value);
      chunks.push(chunk.value);
      loaded += chunk.value.length;
      onProgress?.({ loaded, total });
    }
  } catch {
    if (!signal?.aborted) throw fail('network', 'The download was interrupted');
  } finally {
    signal?.removeEventListener('abort', stop);
  }
  if (signal?.aborted) throw fail('aborted', 'Download cancelled');
  const expected = options.expectedMd5?.toLowerCase();
  if (expected && md5.digest() !== expected) {
    throw fail('validation', 'The downloaded file is damaged (MD5 mismatch)', 'try downloading it again');
  }
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  return { blob: new Blob(chunks as BlobPart[], { type }), verified: expected ? true : undefined };
}
