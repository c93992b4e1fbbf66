import { errorKindOfStatus, RecordingServiceError } from './errors';
import { createMd5 } from './md5';

/**
 * The largest file {@link downloadVerified} holds in memory (512 MiB); a larger one is handed to the browser's
 * own download, unchecked. Change it with the `maxInMemoryBytes` option.
 */
export const DOWNLOAD_MEMORY_LIMIT_BYTES = 512 * 1024 * 1024;

/** At most one progress report per this many milliseconds (so at most 4 a second) while bytes arrive. */
export const DOWNLOAD_PROGRESS_INTERVAL_MS = 250;

/** Bytes received so far and the expected total, when known. */
export interface DownloadProgress {
  loaded: number;
  total: number | undefined;
}

/** Options of {@link downloadVerified} and {@link downloadToFile}. */
export interface DownloadVerifiedOptions {
  signal?: AbortSignal;
  /** The MD5 the file must have (any case); without it the file is not checked. */
  expectedMd5?: string;
  /** Expected size in bytes, used when the answer has no `Content-Length`. */
  sizeHint?: number;
  /**
   * Called at the start, then at most once per {@link DOWNLOAD_PROGRESS_INTERVAL_MS} (and once per whole
   * percent of a known total) while bytes arrive, and once with the last byte.
   */
  onProgress?: (progress: DownloadProgress) => void;
  /**
   * {@link downloadVerified} only: above this size (known from `sizeHint`, `Content-Length`, or the bytes read
   * so far) the file is not held in memory but handed to the browser. Defaults to
   * {@link DOWNLOAD_MEMORY_LIMIT_BYTES}.
   */
  maxInMemoryBytes?: number;
}

/** Why a finished download was not checked: the server gave no MD5, or the file was handed to the browser. */
export type UnverifiedReason = 'no-md5' | 'too-large';

/** A finished download. */
export interface DownloadedFile {
  /**
   * Where the file went: `memory` (a `blob`), `file` (streamed into the file the user chose) or `browser`
   * (too large for memory: handed to the browser's own download, its MD5 not checked).
   */
  savedTo: 'memory' | 'file' | 'browser';
  /** The file, when held in memory. */
  blob?: Blob;
  /** The name of the file written, when streamed to a file. */
  fileName?: string;
  /** Bytes received (0 when handed to the browser). */
  bytes: number;
  /** `true` when the MD5 matched, `undefined` when it was not checked (see `unverifiedReason`). */
  verified: boolean | undefined;
  /** Set when `verified` is `undefined`. */
  unverifiedReason?: UnverifiedReason;
}

/** The part of a File System Access `FileSystemWritableFileStream` a download writes through. */
export interface WritableFileLike {
  write(data: Uint8Array): Promise<void>;
  close(): Promise<void>;
  /** Discards what was written: nothing reaches the file. */
  abort(reason?: unknown): Promise<void>;
}

/** The part of a File System Access `FileSystemFileHandle` (from `showSaveFilePicker`) a download needs. */
export interface SaveFileHandle {
  readonly name: string;
  createWritable(): Promise<WritableFileLike>;
  /** Deletes the file (Chromium); where missing, a failed download leaves the chosen file empty. */
  remove?(): Promise<void>;
}

const MD5_MISMATCH = { reason: 'md5-mismatch' } as const;

/** Whether an error is the `validation` error of an MD5 mismatch (`details: { reason: 'md5-mismatch' }`). */
export const isMd5Mismatch = (error: unknown): boolean =>
  error instanceof RecordingServiceError &&
  (error.details as { reason?: unknown } | undefined)?.reason === MD5_MISMATCH.reason;

const fail = (kind: 'validation' | 'network' | 'aborted', message: string, hint?: string) =>
  new RecordingServiceError({ kind, message, ...(hint && { hint }) });

const aborted = () => fail('aborted', 'Download cancelled');

/** Too large for memory: the caller hands the address to the browser. */
const handOff = (): DownloadedFile => ({
  savedTo: 'browser',
  bytes: 0,
  verified: undefined,
  unverifiedReason: 'too-large',
});

/** Starts the request; `stop()` ends it (and its body) without aborting the caller's signal. */
async function open(url: string, signal: AbortSignal | undefined): Promise<{ response: Response; stop: () => void }> {
  const own = new AbortController();
  const stop = () => own.abort();
  signal?.addEventListener('abort', stop, { once: true });
  if (signal?.aborted) stop();
  const response = await fetch(url, { signal: own.signal }).catch(() => {
    if (signal?.aborted) throw aborted();
    throw fail('network', 'The download failed', 'the delivery node cannot be reached');
  });
  if (!response.ok) {
    const { status } = response;
    // No URL in the error: a delivery node's download address may carry a token.
    throw new RecordingServiceError({
      kind: errorKindOfStatus(status),
      status,
      message: `The download failed with status ${status}`,
    });
  }
  if (!response.body) throw fail('network', 'The download gave no content');
  return { response, stop };
}

const totalOf = (response: Response, sizeHint: number | undefined) => {
  const length = Number(response.headers.get('content-length'));
  return length > 0 ? length : sizeHint;
};

/** Reports progress now, then at most every interval and whole percent while bytes arrive, and at the end. */
function throttle(onProgress: DownloadVerifiedOptions['onProgress'], total: number | undefined) {
  let last = { loaded: 0, at: Date.now() };
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const emit = () => {
    timer = undefined;
    last = { loaded: latest, at: Date.now() };
    onProgress?.({ loaded: latest, total });
  };
  emit();
  const step = total ? total / 100 : 1;
  return {
    update(loaded: number) {
      latest = loaded;
      if (!onProgress || timer || loaded - last.loaded < step) return;
      const wait = last.at + DOWNLOAD_PROGRESS_INTERVAL_MS - Date.now();
      if (wait <= 0) emit();
      else timer = setTimeout(emit, wait);
    },
    end(final: boolean) {
      clearTimeout(timer);
      if (final && latest !== last.loaded) emit();
    },
  };
}

/**
 * Reads the body into `write`, hashing as bytes arrive; returns the MD5 check's outcome. `stopAt` ends the read
 * early (returning `undefined`) once that many bytes were read.
 */
async function stream(
  response: Response,
  write: (chunk: Uint8Array) => unknown,
  options: DownloadVerifiedOptions & { total: number | undefined; stopAt?: number },
): Promise<{ bytes: number; verified: boolean | undefined } | undefined> {
  const { signal, total, stopAt = Infinity } = options;
  const md5 = createMd5();
  const progress = throttle(options.onProgress, total);
  let loaded = 0;
  const reader = response.body!.getReader();
  // Not every fetch errors a body already streaming when its signal aborts: cancel the reader as well.
  const stop = () => void reader.cancel().catch(() => {});
  signal?.addEventListener('abort', stop, { once: true });
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (signal?.aborted) break;
      loaded += chunk.value.length;
      if (loaded > stopAt) {
        stop();
        return undefined;
      }
      md5.update(chunk.value);
      await write(chunk.value);
      progress.update(loaded);
    }
  } catch (error) {
    if (error instanceof RecordingServiceError) throw error;
    if (!signal?.aborted) throw fail('network', 'The download was interrupted');
  } finally {
    signal?.removeEventListener('abort', stop);
    progress.end(!signal?.aborted);
  }
  if (signal?.aborted) throw aborted();
  const expected = options.expectedMd5?.toLowerCase();
  return { bytes: loaded, verified: expected ? md5.digest() === expected : undefined };
}

const mismatch = (message: string) =>
  new RecordingServiceError({ kind: 'validation', message, hint: 'try downloading it again', details: MD5_MISMATCH });

const checked = (verified: boolean | undefined) =>
  verified === undefined ? { verified, unverifiedReason: 'no-md5' as const } : { verified };

/**
 * Streams a file with `fetch` into memory, reporting progress and computing its MD5 as the bytes arrive; a
 * mismatch fails with a `validation` error (and no file), an abort with an `aborted` one, an error status with
 * the kind and `status` it maps to (`forbidden`, `not-found`, ...). A file over `maxInMemoryBytes` is not read
 * (or no further, when only the bytes read tell): the result says `savedTo: 'browser'`, `verified: undefined`,
 * `unverifiedReason: 'too-large'`, and the caller offers the address as a link with `download`.
 *
 * @example
 * const file = await downloadVerified(address.downloadUrl, { expectedMd5: program.md5Hash, signal });
 * if (file.blob) save(file.blob); else offerLink(address.downloadUrl);
 */
export async function downloadVerified(url: string, options: DownloadVerifiedOptions = {}): Promise<DownloadedFile> {
  const limit = options.maxInMemoryBytes ?? DOWNLOAD_MEMORY_LIMIT_BYTES;
  if ((options.sizeHint ?? 0) > limit) return handOff();
  const { response, stop } = await open(url, options.signal);
  const total = totalOf(response, options.sizeHint);
  if ((total ?? 0) > limit) {
    stop();
    return handOff();
  }
  // Blobs of a few MiB each rather than one list of chunks: a browser may keep large Blobs on disk.
  const parts: Blob[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = () => {
    parts.push(new Blob(pending as BlobPart[]));
    pending = [];
    pendingBytes = 0;
  };
  const write = (chunk: Uint8Array) => {
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes >= 8 * 1024 * 1024) flush();
  };
  const result = await stream(response, write, { ...options, total, stopAt: limit });
  if (!result) {
    stop();
    return handOff();
  }
  if (result.verified === false) throw mismatch('The downloaded file is damaged (MD5 mismatch)');
  flush();
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  return { savedTo: 'memory', blob: new Blob(parts, { type }), bytes: result.bytes, ...checked(result.verified) };
}

/**
 * Streams a file with `fetch` into a file the user chose (`showSaveFilePicker`), hashing as the bytes arrive,
 * so memory stays flat whatever the size. The file is committed only when its MD5 matched (or there was none
 * to check); on a mismatch, an error or an abort nothing written is kept and the file is removed where the
 * browser allows (else left empty). A mismatch is a `validation` error that {@link isMd5Mismatch} recognises.
 *
 * @example
 * const handle = await window.showSaveFilePicker({ suggestedName: 'talk.mp4' }); // in the click
 * await downloadToFile(address.downloadUrl, handle, { expectedMd5: program.md5Hash, signal });
 */
export async function downloadToFile(
  url: string,
  file: SaveFileHandle,
  options: DownloadVerifiedOptions = {},
): Promise<DownloadedFile> {
  let writable: WritableFileLike | undefined;
  try {
    const { response } = await open(url, options.signal);
    writable = await file.createWritable();
    const target = writable;
    const write = (chunk: Uint8Array) =>
      target.write(chunk).catch(() => {
        throw fail('validation', 'The file could not be written', 'check the space and rights of the chosen folder');
      });
    const result = await stream(response, write, { ...options, total: totalOf(response, options.sizeHint) });
    if (result?.verified === false) {
      const removed = await discard(file, writable);
      throw mismatch(`The saved file is damaged (MD5 mismatch) and was ${removed ? 'removed' : 'emptied'}`);
    }
    await writable.close();
    return { savedTo: 'file', fileName: file.name, bytes: result?.bytes ?? 0, ...checked(result?.verified) };
  } catch (error) {
    if (isMd5Mismatch(error)) throw error;
    await discard(file, writable);
    throw error instanceof RecordingServiceError ? error : fail('validation', 'The file could not be written');
  }
}

/** Where a download goes: see `useDownloadRecording`'s `saveTo`. */
export type SaveTo = 'auto' | 'file' | 'memory';

type SavePicker = (options: { suggestedName?: string }) => Promise<SaveFileHandle>;

/**
 * Opens the browser's Save dialog (`showSaveFilePicker`) now, so call it in the user's click, before any
 * await. Resolves to the chosen file, or to `undefined` for memory: under `memory`, or under `auto` where the
 * browser has no dialog or refuses to open it (no user gesture). A closed dialog is an `aborted` error; under
 * `file`, a dialog that cannot open is a `config` error.
 *
 * @example
 * const file = openSaveDialog('auto', 'talk.mp4'); // in the click
 * const handle = await file;
 */
export function openSaveDialog(saveTo: SaveTo, suggestedName: string): Promise<SaveFileHandle | undefined> {
  const picker = (globalThis as { showSaveFilePicker?: SavePicker }).showSaveFilePicker;
  if (saveTo === 'memory' || (saveTo === 'auto' && !picker)) return Promise.resolve(undefined);
  const failed = (error: unknown): undefined => {
    if ((error as { name?: unknown } | null)?.name === 'AbortError')
      throw fail('aborted', 'Download cancelled', 'no file was chosen');
    if (saveTo === 'file') {
      const message = picker ? 'The Save dialog could not open' : 'This browser cannot save into a file';
      throw new RecordingServiceError({
        kind: 'config',
        message,
        hint: "call download(id) in a click, or use saveTo: 'auto' or 'memory'",
      });
    }
    return undefined;
  };
  try {
    if (!picker) throw new Error('no showSaveFilePicker');
    return picker.call(globalThis, { suggestedName }).catch(failed);
  } catch (error) {
    return Promise.resolve(error).then(failed);
  }
}

/** Drops what was written and removes the file where the browser can; `true` when it is gone. */
async function discard(file: SaveFileHandle, writable?: WritableFileLike): Promise<boolean> {
  await writable?.abort().catch(() => {});
  if (!file.remove) return false;
  return file.remove().then(
    () => true,
    () => false,
  );
}
