import { errorKindOfStatus, RecordingServiceError, type RecordingServiceErrorKind } from './errors';
import { createMd5 } from './md5';

/**
 * The largest file {@link downloadFile} holds in memory (512 MiB); a larger one is handed to the browser's
 * own download, unchecked. Change it with the `maxInMemoryBytes` option.
 */
export const DOWNLOAD_MEMORY_LIMIT_BYTES = 2 ** 29;

/** At most one progress report per this many milliseconds (so at most 4 a second) while bytes arrive. */
export const DOWNLOAD_PROGRESS_INTERVAL_MS = 250;

/** Bytes received so far and the expected total, when known. */
export interface DownloadProgress {
  loaded: number;
  total: number | undefined;
}

/** Options of {@link downloadFile}. */
export interface DownloadOptions {
  /** Cancels the download: it then ends with an `aborted` error and keeps nothing. */
  signal: AbortSignal;
  /** The MD5 the file must have (any case); without it the file is not checked. */
  expectedMd5?: string;
  /** Expected size in bytes, used when the answer has no `Content-Length`. */
  sizeHint?: number;
  /**
   * Called at the start, then at most once per {@link DOWNLOAD_PROGRESS_INTERVAL_MS} (and once per whole
   * percent of a known total) while bytes arrive, and once with the last byte.
   */
  onProgress: (progress: DownloadProgress) => void;
  /**
   * Into memory only: above this size (known from `sizeHint`, `Content-Length`, or the bytes read
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

/** The `details` of the `validation` error of an MD5 mismatch (compare by identity). */
export const MD5_MISMATCH = { reason: 'md5-mismatch' } as const;

/** A download's error, with a hint when there is a fix. */
export const fail = (kind: RecordingServiceErrorKind, message: string, hint?: string) =>
  new RecordingServiceError({ kind, message, ...(hint && { hint }) });

/** The error of a cancelled download. */
export const cancelled = (hint?: string) => fail('aborted', 'Download cancelled', hint);

/** Too large for memory: the caller hands the address to the browser. */
const handOff = (): DownloadedFile => ({
  savedTo: 'browser',
  bytes: 0,
  verified: undefined,
  unverifiedReason: 'too-large',
});

/** Reports progress now, then at most every interval and whole percent while bytes arrive, and at the end. */
function throttle(onProgress: DownloadOptions['onProgress'], total: number | undefined) {
  let shown = 0;
  let shownAt = 0;
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const emit = () => {
    timer = undefined;
    shownAt = Date.now();
    onProgress({ loaded: (shown = latest), total });
  };
  emit();
  return {
    update(loaded: number) {
      latest = loaded;
      if (timer || loaded - shown < (total ? total / 100 : 1)) return;
      const wait = shownAt + DOWNLOAD_PROGRESS_INTERVAL_MS - Date.now();
      if (wait > 0) timer = setTimeout(emit, wait);
      else emit();
    },
    end(final: boolean) {
      clearTimeout(timer);
      if (final && latest !== shown) emit();
    },
  };
}

/**
 * Streams a file with `fetch`, reporting progress and computing its MD5 as the bytes arrive, into the `file`
 * the user chose (`showSaveFilePicker`: memory stays flat whatever the size) or, without one, into memory.
 * A file is committed only when its MD5 matched (or there was none to check); on a mismatch, an error or an
 * abort nothing written is kept and the file is removed where the browser allows (else left empty). A
 * mismatch is a `validation` error with `details` {@link MD5_MISMATCH}, an abort an `aborted` one, an error
 * status has the kind and `status` it maps to (`forbidden`, `not-found`, ...). Into memory, a file over
 * `maxInMemoryBytes` is not read (or no further, when only the bytes read tell): the result says
 * `savedTo: 'browser'`, `verified: undefined`, `unverifiedReason: 'too-large'`, and the caller offers the
 * address as a link with `download`.
 *
 * @example
 * const file = await downloadFile(address.downloadUrl, undefined, { expectedMd5: program.md5Hash, onProgress });
 * if (file.blob) save(file.blob); else offerLink(address.downloadUrl);
 */
export async function downloadFile(
  url: string,
  file: SaveFileHandle | undefined,
  options: DownloadOptions,
): Promise<DownloadedFile> {
  const { signal, sizeHint } = options;
  const tooLarge = (bytes = 0) => !file && bytes > (options.maxInMemoryBytes ?? DOWNLOAD_MEMORY_LIMIT_BYTES);
  if (tooLarge(sizeHint)) return handOff();
  const own = new AbortController();
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  // Ends the request (without aborting the caller's signal), and its body: not every fetch errors a body
  // already streaming when its signal aborts.
  const stop = () => {
    own.abort();
    void reader?.cancel().catch(() => {});
  };
  signal.addEventListener('abort', stop);
  if (signal.aborted) stop();
  let writable: WritableFileLike | undefined;
  let progress: ReturnType<typeof throttle> | undefined;
  let verified: boolean | undefined;
  try {
    const response = await fetch(url, { signal: own.signal }).catch(() => {
      throw signal.aborted
        ? cancelled()
        : fail('network', 'The download failed', 'the delivery node cannot be reached');
    });
    const { status, body, headers } = response;
    // No URL in the error: a delivery node's download address may carry a token.
    if (!response.ok) {
      throw new RecordingServiceError({
        kind: errorKindOfStatus(status),
        status,
        message: `The download failed with status ${status}`,
      });
    }
    if (!body) throw fail('network', 'The download gave no content');
    reader = body.getReader();
    const length = Number(headers.get('content-length'));
    const total = length > 0 ? length : sizeHint;
    if (tooLarge(total)) return handOff();
    writable = await file?.createWritable();
    const md5 = createMd5();
    // Into memory: Blobs of a few MiB each rather than one list of chunks, as a browser may keep large Blobs on disk.
    const parts: BlobPart[] = [];
    let pending: BlobPart[] = [];
    let pendingBytes = 0;
    let loaded = 0;
    progress = throttle(options.onProgress, total);
    const read = () =>
      reader!.read().catch(() => {
        throw signal.aborted ? cancelled() : fail('network', 'The download was interrupted');
      });
    for (let chunk = await read(); !chunk.done && !signal.aborted; chunk = await read()) {
      const bytes = chunk.value;
      loaded += bytes.length;
      if (tooLarge(loaded)) return handOff();
      md5.update(bytes);
      if (writable) {
        await writable.write(bytes);
      } else {
        pending.push(bytes as BlobPart);
        pendingBytes += bytes.length;
        if (pendingBytes >= 2 ** 23) {
          parts.push(new Blob(pending));
          pending = [];
          pendingBytes = 0;
        }
      }
      progress.update(loaded);
    }
    if (signal.aborted) throw cancelled();
    const expected = options.expectedMd5?.toLowerCase();
    verified = expected ? md5.digest() === expected : undefined;
    if (verified !== false) {
      await writable?.close();
      const type = headers.get('content-type') ?? 'application/octet-stream';
      return {
        savedTo: file ? 'file' : 'memory',
        ...(file ? { fileName: file.name } : { blob: new Blob([...parts, ...pending], { type }) }),
        bytes: loaded,
        verified,
        ...(verified === undefined && { unverifiedReason: 'no-md5' as const }),
      };
    }
  } catch (error) {
    if (file) await discard(file, writable);
    // Anything else failed in the chosen file: creating, writing or closing it.
    if (error instanceof RecordingServiceError) throw error;
    throw fail('validation', 'The file could not be written', 'check the space and rights of the chosen folder');
  } finally {
    progress?.end(!signal.aborted);
    signal.removeEventListener('abort', stop);
    stop();
  }
  // The MD5 did not match.
  const removed = file && (await discard(file, writable));
  throw new RecordingServiceError({
    kind: 'validation',
    message: `The ${file ? 'saved' : 'downloaded'} file is damaged (MD5 mismatch)${file ? ` and was ${removed ? 'removed' : 'emptied'}` : ''}`,
    hint: 'try downloading it again',
    details: MD5_MISMATCH,
  });
}

/** Where a download goes: see `useDownloadRecording`'s `saveTo`. */
export type SaveTo = 'auto' | 'file' | 'memory';

/**
 * Opens the browser's Save dialog (`showSaveFilePicker`) now, so call it in the user's click, before any
 * await. Resolves to the chosen file, or to `undefined` for memory: under `auto` where the browser has no
 * dialog or refuses to open it (no user gesture). Under `memory` it returns `undefined` at once. A closed
 * dialog is an `aborted` error; under `file`, a dialog that cannot open is a `config` error.
 *
 * @example
 * const file = openSaveDialog('auto', 'talk.mp4'); // in the click
 * const handle = await file;
 */
export function openSaveDialog(saveTo: SaveTo, suggestedName: string): Promise<SaveFileHandle | undefined> | undefined {
  const host = globalThis as { showSaveFilePicker?: (options: { suggestedName?: string }) => Promise<SaveFileHandle> };
  if (saveTo === 'memory' || (saveTo === 'auto' && !host.showSaveFilePicker)) return undefined;
  // The executor runs now, inside the click. Without a picker the call throws: handled as a refusal below.
  const file = new Promise<SaveFileHandle>((resolve) => resolve(host.showSaveFilePicker!({ suggestedName }))).catch(
    (error: unknown) => {
      if ((error as { name?: unknown } | null)?.name === 'AbortError') throw cancelled('no file was chosen');
      if (saveTo === 'file') {
        const message = host.showSaveFilePicker
          ? 'The Save dialog could not open'
          : 'This browser cannot save into a file';
        throw fail('config', message, "call download(id) in a click, or use saveTo: 'auto' or 'memory'");
      }
      return undefined;
    },
  );
  // Awaited later, by the download: no unhandled rejection meanwhile.
  file.catch(() => {});
  return file;
}

/** Drops what was written and removes the file where the browser can; `true` when it is gone. */
async function discard(file: SaveFileHandle, writable?: WritableFileLike): Promise<boolean> {
  await writable?.abort().catch(() => {});
  return !!(await file.remove?.().then(
    () => true,
    () => false,
  ));
}
