import { createHash } from 'node:crypto';
import { act, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDownloadRecording, type UseDownloadRecordingOptions } from '../../../hooks/useDownloadRecording';
import { recordingKeys } from '../../../src/react/keys';
import { makeProgram, PROGRAMS, renderWithService, setupNetwork } from './harness';

const { server, seen } = setupNetwork();
const MEDIA = 'https://dn.test/media/p1.mp4?token=dn-secret';
const CHUNK = 64;
const CHUNKS = 1000;
const FILE = new Uint8Array(CHUNK * CHUNKS).map((_, i) => (i * 13) % 251);
const FILE_MD5 = createHash('md5').update(FILE).digest('hex');

interface Media {
  /** Chunks the client pulled from the body. */
  pulled: number;
  cancelled: boolean;
  /** Lets the body go on after `holdAfter` chunks. */
  release: () => void;
}

/**
 * Serves FILE in 64-byte chunks, pulled one at a time (so `pulled` shows how much the client read), with or
 * without a `Content-Length`; `holdAfter` pauses the body after that many chunks until `release()`;
 * `separateTasks` delivers each chunk in a macrotask of its own (chunks that arrive in one task are batched
 * into one render by React whatever the hook does).
 */
function mediaServer(
  program: Record<string, unknown>,
  options: { length?: boolean; holdAfter?: number; separateTasks?: boolean } = {},
) {
  const media: Media = { pulled: 0, cancelled: false, release: () => {} };
  const held = new Promise<void>((resolve) => (media.release = resolve));
  server.use(
    http.get(`${PROGRAMS}/:id`, ({ params }) => HttpResponse.json(makeProgram(String(params.id), program))),
    http.get(`${PROGRAMS}/:id/url`, () => HttpResponse.json({ available: true, downloadUrl: MEDIA })),
    http.get(MEDIA.split('?')[0]!, ({ request }) => {
      request.signal.addEventListener('abort', () => (media.cancelled = true));
      const body = new ReadableStream<Uint8Array>(
        {
          async pull(stream) {
            if (media.pulled === options.holdAfter) await held;
            // As from a network: each chunk in a task of its own, so React renders between them if asked to.
            if (options.separateTasks) await new Promise((resolve) => setTimeout(resolve, 0));
            if (media.pulled === CHUNKS) return stream.close();
            stream.enqueue(FILE.slice(media.pulled * CHUNK, ++media.pulled * CHUNK));
          },
          cancel() {
            media.cancelled = true;
          },
        },
        { highWaterMark: 0 },
      );
      const headers: Record<string, string> = { 'Content-Type': 'video/mp4' };
      if (options.length !== false) headers['Content-Length'] = String(FILE.length);
      return new HttpResponse(body, { headers });
    }),
  );
  return media;
}

/** A test double of the File System Access API's save dialog, its file handle and writable stream. */
function fakeFilePicker(options: { removable?: boolean; refuse?: 'AbortError' | 'SecurityError' } = {}) {
  const file = {
    written: [] as Uint8Array[],
    closed: false,
    aborted: false,
    removed: false,
    suggestedName: undefined as string | undefined,
    /** Requests seen when the dialog opened. */
    requestsBeforePicker: -1,
  };
  const handle = {
    name: 'chosen.mp4',
    createWritable: async () => ({
      write: async (data: Uint8Array) => void file.written.push(data.slice()),
      close: async () => void (file.closed = true),
      abort: async () => void (file.aborted = true),
    }),
    ...(options.removable !== false && { remove: async () => void (file.removed = true) }),
  };
  const picker = vi.fn((init: { suggestedName?: string }) => {
    file.requestsBeforePicker = seen.length;
    file.suggestedName = init.suggestedName;
    return options.refuse ? Promise.reject(new DOMException('Refused', options.refuse)) : Promise.resolve(handle);
  });
  vi.stubGlobal('showSaveFilePicker', picker);
  const bytes = () => new Uint8Array(Buffer.concat(file.written));
  return { file, picker, bytes };
}

/** Renders the hook, counting renders and the distinct progress values it showed. */
function renderCounting(options?: UseDownloadRecordingOptions) {
  const counts = { renders: 0, progressUpdates: 0 };
  let lastBytes: unknown;
  const rendered = renderWithService(() => {
    const result = useDownloadRecording(options);
    counts.renders += 1;
    if (result.bytes !== lastBytes) counts.progressUpdates += 1;
    lastBytes = result.bytes;
    return result;
  });
  return { ...rendered, counts };
}

const mediaRequests = () => seen.filter((request) => request.url.hostname === 'dn.test');

afterEach(() => vi.unstubAllGlobals());

describe('useDownloadRecording: bounded progress', () => {
  it('should re-render a few times, not once per chunk, for a 1,000-chunk body', async () => {
    mediaServer({ allowMediaDownload: true, md5Hash: FILE_MD5 }, { separateTasks: true });
    const { result, counts } = renderCounting();
    act(() => result.current.download('p1'));
    // A wait, not a timed assertion: 1,000 tasks take a second or two.
    await waitFor(() => expect(result.current.isSuccess).toBe(true), { timeout: 30_000 });
    expect(result.current.verified).toBe(true);
    expect(result.current.progress).toBe(1);
    expect(result.current.bytes).toEqual({ loaded: FILE.length, total: FILE.length });
    console.info(`1,000-chunk download: ${counts.renders} renders, ${counts.progressUpdates} progress updates`);
    // Catches `onProgress: setBytes` called per chunk in today's download.ts loop (`onProgress?.({ loaded, total })`
    // after every `reader.read()`): over 1,000 progress updates there. Now at most one per whole percent and per
    // 250 ms, so a bound that holds however slow the machine is.
    expect(counts.progressUpdates).toBeLessThanOrEqual(102);
    expect(counts.renders).toBeLessThan(120);
  });
});

describe('useDownloadRecording: files too large for memory', () => {
  it('should hand a program over the limit to the browser without requesting its body', async () => {
    mediaServer({ allowMediaDownload: true, md5Hash: FILE_MD5, size: 64 });
    const { result } = renderCounting({ maxInMemoryBytes: 32 * 1024 });
    act(() => result.current.download('p1'));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    // Catches today's downloadVerified reading every chunk into `chunks` whatever the size: here no media request.
    expect(mediaRequests()).toEqual([]);
    expect(result.current.data).toMatchObject({ savedTo: 'browser', bytes: 0 });
    expect(result.current.data?.blob).toBeUndefined();
    expect(result.current.url).toBe(MEDIA);
    expect(result.current.verified).toBeUndefined();
    expect(result.current.unverifiedReason).toBe('too-large');
  });

  it('should stop at a Content-Length over the limit, reading almost none of the body', async () => {
    const media = mediaServer({ allowMediaDownload: true, md5Hash: FILE_MD5 });
    const { result } = renderCounting({ maxInMemoryBytes: 32 * 1024 });
    act(() => result.current.download('p1'));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    // Catches today's read loop pulling all 1,000 chunks into memory.
    expect(media.pulled).toBeLessThan(10);
    await waitFor(() => expect(media.cancelled).toBe(true));
    expect(result.current.data?.savedTo).toBe('browser');
    expect(result.current.url).toBe(MEDIA);
    expect(result.current.unverifiedReason).toBe('too-large');
  });

  it('should stop reading once a body of unknown size passes the limit', async () => {
    const media = mediaServer({ allowMediaDownload: true, md5Hash: FILE_MD5 }, { length: false });
    const { result } = renderCounting({ maxInMemoryBytes: 8 * 1024 });
    act(() => result.current.download('p1'));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    // Catches today's loop, which reads on to the 1,000th chunk: here it stops after 8 KiB (128 chunks).
    expect(media.pulled).toBeLessThan(140);
    expect(result.current.data?.savedTo).toBe('browser');
    expect(result.current.verified).toBeUndefined();
    expect(result.current.unverifiedReason).toBe('too-large');
  });

  it('should keep a file under the limit in memory and say when there was no MD5 to check', async () => {
    mediaServer({ allowMediaDownload: true });
    const { result } = renderCounting();
    act(() => result.current.download('p1'));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toMatchObject({ savedTo: 'memory', bytes: FILE.length });
    expect(result.current.verified).toBeUndefined();
    // Catches today's result, which has no reason: `{ blob, verified }` only.
    expect(result.current.unverifiedReason).toBe('no-md5');
  });
});

describe('useDownloadRecording: saving into a file (File System Access API)', () => {
  it('should open the Save dialog in the click, before any request, and stream every chunk into the file', async () => {
    const media = mediaServer({ allowMediaDownload: true, md5Hash: FILE_MD5.toUpperCase() });
    const { file, picker, bytes } = fakeFilePicker();
    const { result } = renderCounting({ saveTo: 'file', suggestedName: 'Talk.mp4' });
    act(() => result.current.download('p1'));
    // Catches today's hook, which never calls showSaveFilePicker.
    expect(picker).toHaveBeenCalledTimes(1);
    expect(file.requestsBeforePicker).toBe(0);
    expect(file.suggestedName).toBe('Talk.mp4');
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(media.pulled).toBe(CHUNKS);
    expect(file.written.length).toBe(CHUNKS);
    expect(bytes()).toEqual(FILE);
    expect(file.closed).toBe(true);
    expect(result.current.data).toMatchObject({ savedTo: 'file', fileName: 'chosen.mp4', bytes: FILE.length });
    expect(result.current.data?.blob).toBeUndefined();
    expect(result.current.url).toBeUndefined();
    expect(result.current.verified).toBe(true);
    expect(result.current.progress).toBe(1);
  });

  it('should report a damaged saved file, keep none of it and remove it', async () => {
    mediaServer({ allowMediaDownload: true, md5Hash: '0123456789abcdef0123456789abcdef' });
    const { file } = fakeFilePicker();
    const { result } = renderCounting({ saveTo: 'file' });
    act(() => result.current.download('p1'));
    await waitFor(() => expect(result.current.isError).toBe(true));
    // Catches today's hook: no file at all, and `verified` undefined after the error.
    expect(file.written.length).toBe(CHUNKS);
    expect(result.current.verified).toBe(false);
    expect(result.current.error?.kind).toBe('validation');
    expect(result.current.error?.message).toMatch(/saved file is damaged \(MD5 mismatch\) and was removed/);
    expect(file.closed).toBe(false);
    expect(file.aborted).toBe(true);
    expect(file.removed).toBe(true);
    expect(JSON.stringify(result.current.error) + String(result.current.error?.message)).not.toContain('dn-secret');
  });

  it('should say a damaged file was emptied where the browser cannot remove it', async () => {
    mediaServer({ allowMediaDownload: true, md5Hash: '0123456789abcdef0123456789abcdef' });
    const { file } = fakeFilePicker({ removable: false });
    const { result } = renderCounting({ saveTo: 'file' });
    act(() => result.current.download('p1'));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.message).toMatch(/damaged \(MD5 mismatch\) and was emptied/);
    expect(file.closed).toBe(false);
    expect(file.aborted).toBe(true);
  });

  it('should end as aborted, without a media request, when the Save dialog is closed', async () => {
    mediaServer({ allowMediaDownload: true, md5Hash: FILE_MD5 });
    fakeFilePicker({ refuse: 'AbortError' });
    const { result } = renderCounting({ saveTo: 'file' });
    act(() => result.current.download('p1'));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.kind).toBe('aborted');
    expect(seen).toEqual([]);
  });

  it('should cancel a download into a file, discard what was written and remove the file', async () => {
    const media = mediaServer({ allowMediaDownload: true, md5Hash: FILE_MD5 }, { holdAfter: 10 });
    const { file } = fakeFilePicker();
    const { result } = renderCounting({ saveTo: 'file' });
    act(() => result.current.download('p1'));
    await waitFor(() => expect(file.written.length).toBe(10));
    act(() => result.current.cancel());
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.kind).toBe('aborted');
    await waitFor(() => expect(file.removed).toBe(true));
    expect(file.aborted).toBe(true);
    expect(file.closed).toBe(false);
    expect(media.cancelled).toBe(true);
  });

  it('should not open the Save dialog with saveTo: memory, nor for a program known not to allow downloads', async () => {
    mediaServer({ allowMediaDownload: true, md5Hash: FILE_MD5 });
    const { picker } = fakeFilePicker();
    const { result } = renderCounting({ saveTo: 'memory' });
    act(() => result.current.download('p1'));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.savedTo).toBe('memory');
    expect(picker).not.toHaveBeenCalled();

    const other = renderCounting({ saveTo: 'file' });
    other.queryClient.setQueryData(recordingKeys.detail('p2'), makeProgram('p2', { allowMediaDownload: false }));
    act(() => other.result.current.download('p2'));
    await waitFor(() => expect(other.result.current.isError).toBe(true));
    expect(other.result.current.error?.kind).toBe('forbidden');
    expect(picker).not.toHaveBeenCalled();
  });

  it('should open the Save dialog under auto only for a program known to be over the memory limit', async () => {
    mediaServer({ allowMediaDownload: true, md5Hash: FILE_MD5, size: 64 });
    const { picker, file } = fakeFilePicker();
    const small = renderCounting();
    small.queryClient.setQueryData(
      recordingKeys.detail('p1'),
      makeProgram('p1', { allowMediaDownload: true, md5Hash: FILE_MD5, size: 64 }),
    );
    act(() => small.result.current.download('p1'));
    await waitFor(() => expect(small.result.current.isSuccess).toBe(true));
    expect(picker).not.toHaveBeenCalled();
    expect(small.result.current.data?.savedTo).toBe('memory');

    mediaServer({ allowMediaDownload: true, md5Hash: FILE_MD5, size: 64 });
    const large = renderCounting({ maxInMemoryBytes: 32 * 1024 });
    large.queryClient.setQueryData(
      recordingKeys.detail('p1'),
      makeProgram('p1', { allowMediaDownload: true, md5Hash: FILE_MD5, size: 64 }),
    );
    act(() => large.result.current.download('p1'));
    // Catches today's hook, which never opens a Save dialog: a 64 KiB program over a 32 KiB limit streams to disk.
    expect(picker).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(large.result.current.isSuccess).toBe(true));
    expect(large.result.current.data?.savedTo).toBe('file');
    expect(file.written.length).toBe(CHUNKS);
    expect(large.result.current.verified).toBe(true);
  });

  it('should fall back to memory when the browser refuses the Save dialog (no user gesture), unless told file', async () => {
    mediaServer({ allowMediaDownload: true, md5Hash: FILE_MD5, size: 64 });
    const { picker } = fakeFilePicker({ refuse: 'SecurityError' });
    const { result, queryClient } = renderCounting({ maxInMemoryBytes: 32 * 1024 });
    queryClient.setQueryData(
      recordingKeys.detail('p1'),
      makeProgram('p1', { allowMediaDownload: true, md5Hash: FILE_MD5, size: 64 }),
    );
    act(() => result.current.download('p1'));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(picker).toHaveBeenCalledTimes(1);
    // Too large for memory as well: handed to the browser, unchecked.
    expect(result.current.data?.savedTo).toBe('browser');
    expect(result.current.unverifiedReason).toBe('too-large');

    const strict = renderCounting({ saveTo: 'file' });
    act(() => strict.result.current.download('p1'));
    await waitFor(() => expect(strict.result.current.isError).toBe(true));
    expect(strict.result.current.error?.kind).toBe('config');
    expect(strict.result.current.error?.message).toMatch(/Save dialog could not open/);
  });

  it('should refuse saveTo: file where the browser has no Save dialog, as a config error', async () => {
    mediaServer({ allowMediaDownload: true, md5Hash: FILE_MD5 });
    const { result } = renderCounting({ saveTo: 'file' });
    act(() => result.current.download('p1'));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.kind).toBe('config');
    expect(seen).toEqual([]);
  });
});
