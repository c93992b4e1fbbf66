// Issue 9, items 2, 3 and 5 in a browser-like environment (jsdom): axios uses XMLHttpRequest there, which
// follows redirects itself and has no size limit, so the transport checks responseURL and progress instead.
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { isRecordingServiceError, type RecordingServiceError } from '../../src/core';
import { BASE, caught, startMswServer, testConfig, trackClients } from './support';

const server = startMswServer();
const newClient = trackClients();

async function failure(run: () => Promise<unknown>): Promise<RecordingServiceError> {
  const error = await caught(run);
  if (!isRecordingServiceError(error)) throw new Error(`not a RecordingServiceError: ${String(error)}`);
  return error;
}

describe('transport limits with XMLHttpRequest (issue 9)', () => {
  it('should use the XHR adapter here', () => {
    expect(typeof XMLHttpRequest).toBe('function');
  });

  // Catches old http.ts:200-212: whatever XHR did with the redirect, the answer was taken as the server's.
  it('should refuse an answer that came through a redirect to another origin', async () => {
    const elsewhere: string[] = [];
    server.use(
      http.get(`${BASE}/api/manager/programs/p1`, () =>
        HttpResponse.text(null, { status: 301, headers: { Location: 'https://elsewhere.test/p1' } }),
      ),
      http.get('https://elsewhere.test/p1', ({ request }) => {
        elsewhere.push(request.url);
        return HttpResponse.json({ id: 'p1', name: 'from elsewhere' });
      }),
    );
    const error = await failure(() => newClient(testConfig()).programs.get('p1'));
    expect(error.kind).toBe('http');
    expect(error.hint).toMatch(/redirect/);
    expect(error.hint).toContain('https://elsewhere.test/p1');
  });

  // Catches old http.ts:200 (no size limit on any adapter).
  it('should refuse an answer over maxResponseBytes as validation', async () => {
    server.use(
      http.get(`${BASE}/api/manager/categories`, () =>
        HttpResponse.text(`[${' '.repeat(200_000)}]`, { headers: { 'Content-Type': 'application/json' } }),
      ),
    );
    const error = await failure(() => newClient(testConfig({ maxResponseBytes: 100_000 })).categories.list());
    expect(error.kind).toBe('validation');
    expect(error.message).toContain('maxResponseBytes');
  });

  // Catches old http.ts:206-207: the only deadline was axios's `timeout` handed to XHR, which the
  // intercepted request (MSW here) never enforced: the call stayed pending.
  it('should settle a silent server as timeout', async () => {
    server.use(
      http.get(`${BASE}/api/manager/categories`, async () => {
        await delay('infinite');
        return HttpResponse.json([]);
      }),
    );
    const error = await failure(() => newClient(testConfig({ timeoutMs: 300 })).categories.list());
    expect(error.kind).toBe('timeout');
  });

  // Guards the join of the caller's signal with the deadline on the XHR path.
  it('should keep a caller abort as aborted', async () => {
    const controller = new AbortController();
    server.use(
      http.get(`${BASE}/api/manager/categories`, async () => {
        controller.abort();
        await delay('infinite');
        return HttpResponse.json([]);
      }),
    );
    const error = await failure(() =>
      newClient(testConfig({ timeoutMs: 5000 })).categories.list({ signal: controller.signal }),
    );
    expect(error.kind).toBe('aborted');
  });
});
