import { createHash } from 'node:crypto';
import { act, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { useDownloadRecording } from '../../../hooks/useDownloadRecording';
import { makeProgram, PROGRAMS, renderWithService, setupNetwork } from './harness';

const { server, seen } = setupNetwork();
const MEDIA = 'https://dn.test/media/p1.mp4';
const FILE = new Uint8Array(4096).map((_, i) => (i * 7) % 256);
const FILE_MD5 = createHash('md5').update(FILE).digest('hex');

/** Serves the file in two halves; the second half waits for `sendRest()`. Reports the download's abort. */
function mediaServer(program: Record<string, unknown>) {
  const control = { sendRest: () => {}, aborted: false };
  server.use(
    http.get(`${PROGRAMS}/:id`, ({ params }) => HttpResponse.json(makeProgram(String(params.id), program))),
    http.get(`${PROGRAMS}/:id/url`, () => HttpResponse.json({ available: true, downloadUrl: MEDIA })),
    http.get(MEDIA, ({ request }) => {
      request.signal.addEventListener('abort', () => (control.aborted = true));
      const body = new ReadableStream<Uint8Array>({
        start(stream) {
          stream.enqueue(FILE.slice(0, 2048));
          control.sendRest = () => {
            stream.enqueue(FILE.slice(2048));
            stream.close();
          };
        },
        cancel() {
          control.aborted = true;
        },
      });
      return new HttpResponse(body, {
        headers: { 'Content-Type': 'video/mp4', 'Content-Length': String(FILE.length) },
      });
    }),
  );
  return control;
}

/** jsdom's Blob has no arrayBuffer(); its FileReader does the job. */
function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

describe('useDownloadRecording', () => {
  it('should report progress while streaming and verify the MD5', async () => {
    const media = mediaServer({ allowMediaDownload: true, md5Hash: FILE_MD5.toUpperCase() });
    const { result } = renderWithService(() => useDownloadRecording());
    expect(result.current.progress).toBeUndefined();
    act(() => result.current.download('p1'));

    await waitFor(() => expect(result.current.progress).toBe(0.5));
    expect(result.current.bytes).toEqual({ loaded: 2048, total: 4096 });
    expect(result.current.verified).toBeUndefined();

    act(() => media.sendRest());
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.progress).toBe(1);
    expect(result.current.verified).toBe(true);
    expect(result.current.data?.blob?.size).toBe(4096);
    expect(result.current.data?.blob?.type).toBe('video/mp4');
    expect(await bytesOf(result.current.data!.blob!)).toEqual(FILE);
  });

  it('should offer the file as an object URL and revoke it on the next download and on unmount', async () => {
    const created: Blob[] = [];
    const revoked: string[] = [];
    // jsdom has no object URLs: give URL the two browser functions for this test only.
    const statics = URL as unknown as Record<string, unknown>;
    const original = { create: statics.createObjectURL, revoke: statics.revokeObjectURL };
    statics.createObjectURL = (blob: Blob) => `blob:test/${created.push(blob)}`;
    statics.revokeObjectURL = (url: string) => void revoked.push(url);
    try {
      const media = mediaServer({ allowMediaDownload: true, md5Hash: FILE_MD5 });
      const { result, unmount } = renderWithService(() => useDownloadRecording());
      act(() => result.current.download('p1'));
      await waitFor(() => expect(result.current.progress).toBe(0.5));
      act(() => media.sendRest());
      await waitFor(() => expect(result.current.url).toBe('blob:test/1'));
      expect(created[0]?.size).toBe(4096);

      act(() => result.current.download('p1'));
      await waitFor(() => expect(revoked).toEqual(['blob:test/1']));
      expect(result.current.url).toBeUndefined();
      await waitFor(() => expect(result.current.progress).toBe(0.5));
      act(() => media.sendRest());
      await waitFor(() => expect(result.current.url).toBe('blob:test/2'));
      unmount();
      expect(revoked).toEqual(['blob:test/1', 'blob:test/2']);
    } finally {
      statics.createObjectURL = original.create;
      statics.revokeObjectURL = original.revoke;
    }
  });

  it('should refuse a damaged file with a validation error and offer nothing', async () => {
    const media = mediaServer({ allowMediaDownload: true, md5Hash: '0123456789abcdef0123456789abcdef' });
    const { result } = renderWithService(() => useDownloadRecording());
    act(() => result.current.download('p1'));
    await waitFor(() => expect(result.current.progress).toBe(0.5));
    act(() => media.sendRest());
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.kind).toBe('validation');
    expect(result.current.error?.message).toMatch(/MD5/);
    expect(result.current.data).toBeUndefined();
    expect(result.current.url).toBeUndefined();
    // A mismatch now reads verified: false (today's hook gives data?.verified, undefined after an error).
    expect(result.current.verified).toBe(false);
  });

  it('should report a delivery node’s error status as its kind, without the download address', async () => {
    mediaServer({ allowMediaDownload: true, md5Hash: FILE_MD5 });
    server.use(http.get(MEDIA, () => new HttpResponse(null, { status: 404 })));
    const { result } = renderWithService(() => useDownloadRecording());
    act(() => result.current.download('p1'));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.kind).toBe('not-found');
    expect(result.current.error?.status).toBe(404);
    expect(JSON.stringify(result.current.error) + String(result.current.error?.message)).not.toContain(MEDIA);
    expect(result.current.url).toBeUndefined();
  });

  it('should refuse an empty id without a request', async () => {
    const { result } = renderWithService(() => useDownloadRecording());
    act(() => result.current.download(''));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.kind).toBe('validation');
    expect(seen).toEqual([]);
  });

  it('should download without a check when the server gives no MD5', async () => {
    const media = mediaServer({ allowMediaDownload: true });
    const { result } = renderWithService(() => useDownloadRecording());
    act(() => result.current.download('p1'));
    await waitFor(() => expect(result.current.progress).toBe(0.5));
    act(() => media.sendRest());
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.verified).toBeUndefined();
  });

  it('should cancel a download in progress', async () => {
    const media = mediaServer({ allowMediaDownload: true, md5Hash: FILE_MD5 });
    const { result } = renderWithService(() => useDownloadRecording());
    act(() => result.current.download('p1'));
    await waitFor(() => expect(result.current.progress).toBe(0.5));
    act(() => result.current.cancel());
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.kind).toBe('aborted');
    expect(media.aborted).toBe(true);
    expect(result.current.data).toBeUndefined();
  });

  it('should abort the download when the component unmounts', async () => {
    const media = mediaServer({ allowMediaDownload: true, md5Hash: FILE_MD5 });
    const { result, unmount } = renderWithService(() => useDownloadRecording());
    act(() => result.current.download('p1'));
    await waitFor(() => expect(result.current.progress).toBe(0.5));
    unmount();
    await waitFor(() => expect(media.aborted).toBe(true));
  });

  it('should refuse a program that does not allow downloads, with a hint and no media request', async () => {
    mediaServer({ allowMediaDownload: false });
    const { result } = renderWithService(() => useDownloadRecording());
    act(() => result.current.download('p1'));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.hint).toMatch(/allowMediaDownload/);
    expect(seen.map((r) => r.url.pathname)).toEqual(['/api/manager/programs/p1']);
  });
});
