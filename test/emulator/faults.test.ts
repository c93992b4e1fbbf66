// @vitest-environment node
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRecordingEmulator, type RecordingEmulator } from '../../src/emulator/emulator';
import type { EmulatorFaults } from '../../src/emulator/faults';
import { recordingServiceHandlers } from '../../src/testing/msw';
import { NOW } from './helpers';

const baseUrl = 'http://acsr.test';
const LIST = `${baseUrl}/api/manager/programs?tenantId=default`;
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function install(faults?: EmulatorFaults): RecordingEmulator {
  const emulator = createRecordingEmulator({ now: () => NOW, faults });
  server.resetHandlers(...recordingServiceHandlers(emulator, { baseUrl }));
  return emulator;
}

async function statuses(count: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push((await fetch(LIST)).status);
  return out;
}

describe('faults', () => {
  it('should repeat the same failures for the same seed and differ for another', async () => {
    const faults = (seed: number): EmulatorFaults => ({ seed, rules: [{ kind: 'error', rate: 0.5, status: 502 }] });
    install(faults(7));
    const first = await statuses(30);
    install(faults(7));
    const again = await statuses(30);
    install(faults(8));
    const other = await statuses(30);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 502]));
  });

  it('should answer 429 with Retry-After, only on the matching route and method', async () => {
    install({ rules: [{ kind: 'rate-limit', path: '/categories', method: 'GET', retryAfterSeconds: 7 }] });
    const limited = await fetch(`${baseUrl}/api/manager/categories?tenantId=default`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await fetch(LIST)).status).toBe(200);
  });

  it('should drop the connection as a network error', async () => {
    install({ rules: [{ kind: 'reset', path: /\/programs$/ }] });
    await expect(fetch(LIST)).rejects.toThrow(TypeError);
  });

  it('should hang until the request is aborted', async () => {
    const emulator = install({ rules: [{ kind: 'hang' }] });
    const controller = new AbortController();
    const pending = fetch(LIST, { signal: controller.signal });
    await expect.poll(() => emulator.requests.length).toBe(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('should send malformed JSON and a wrong media type when told', async () => {
    const emulator = install({ rules: [{ kind: 'malformed-json' }] });
    const broken = await fetch(LIST);
    expect(broken.headers.get('content-type')).toBe('application/vnd.avaya.asr.paged.list.v2+json');
    await expect(broken.json()).rejects.toThrow(SyntaxError);
    emulator.setFaults({ rules: [{ kind: 'wrong-media-type' }] });
    const html = await fetch(LIST);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    emulator.setFaults();
    expect((await fetch(LIST)).headers.get('content-type')).toBe('application/vnd.avaya.asr.paged.list.v2+json');
  });

  it('should delay by the seeded latency and answer normally', async () => {
    const emulator = install({ seed: 3, rules: [{ kind: 'latency', latencyMs: [5, 15] }] });
    expect((await fetch(LIST)).status).toBe(200);
    expect(emulator.requests[0]).toMatchObject({ status: 200 });
    expect(emulator.requests[0]!.fault).toBeUndefined();
  });
});
