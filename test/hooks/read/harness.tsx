import { QueryClient } from '@tanstack/react-query';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { setupServer, type SetupServerApi } from 'msw/node';
import type { ReactNode } from 'react';
import type { RecordingServiceConfig } from '../../../src/core/config';
import {
  createRecordingEmulator,
  type EmulatorRequestRecord,
  type RecordingEmulator,
  type RecordingEmulatorOptions,
} from '../../../src/emulator/index';
import { recordingServiceHandlers } from '../../../src/testing/msw';
import {
  createTestQueryClient,
  RecordingServiceTestProvider,
  TEST_AUTH_BASE_URL,
  TEST_RECORDING_BASE_URL,
} from '../../../src/testing/TestProvider';
import type { PagedList, Program } from '../../../src/core/types';

export const BASE = TEST_RECORDING_BASE_URL;
export const PROGRAMS = `${BASE}/api/manager/programs`;
export const AUTH_URL = `${TEST_AUTH_BASE_URL}/ups/resources/authorization`;

/** One request as the server saw it. */
export interface SeenRequest {
  method: string;
  url: URL;
  /** Aborted by the client (observed at the server). */
  aborted: () => boolean;
}

/** An MSW server for one suite, failing on any unhandled request, plus a log of every request. */
export function startServer(): { server: SetupServerApi; seen: SeenRequest[] } {
  const server = setupServer();
  const seen: SeenRequest[] = [];
  server.events.on('request:start', ({ request }) => {
    seen.push({ method: request.method, url: new URL(request.url), aborted: () => request.signal.aborted });
  });
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    seen.length = 0;
  });
  afterAll(() => server.close());
  return { server, seen };
}

/** Requests to `path` (below the recording server), optionally only those with a method. */
export function requestsTo(seen: SeenRequest[], path: string, method = 'GET'): SeenRequest[] {
  return seen.filter((r) => r.method === method && r.url.origin + r.url.pathname === path);
}

export function makeProgram(id: string, overrides: Partial<Program> = {}): Program {
  return { id, name: `Program ${id}`, description: `About ${id}`, tenantId: 'default', ...overrides };
}

export function page(items: Program[], totalItemCount = items.length): PagedList {
  return { items, totalItemCount };
}

/** A JSON answer with the vendor media type of `kind` (e.g. `asr.paged.list.v2`). */
export function vendorJson(body: JsonBodyType, kind: string, status = 200): Response {
  return HttpResponse.json(body, {
    status,
    headers: { 'Content-Type': `application/vnd.avaya.${kind}+json` },
  });
}

/** Resolves when `signal` aborts; never rejects. For handlers that hang until the client gives up. */
export function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** The token exchange: any portal token is accepted. */
export const signInHandler = http.post(AUTH_URL, () =>
  HttpResponse.json({ token: 'content-token-123', snapshotTimestamp: 1700000000000 }),
);

export interface WrapperOptions {
  queryClient?: QueryClient;
  config?: Partial<RecordingServiceConfig>;
}

/** A wrapper with a fresh test provider (and a fresh QueryClient unless one is given). */
export function wrapperWith(options: WrapperOptions = {}): {
  wrapper: (props: { children: ReactNode }) => ReactNode;
  queryClient: QueryClient;
} {
  const queryClient = options.queryClient ?? createTestQueryClient();
  // StrictMode: pass `reactStrictMode: true` to render/renderHook (a StrictMode inside a wrapper does not
  // double-invoke effects).
  const wrapper = ({ children }: { children: ReactNode }) => (
    <RecordingServiceTestProvider queryClient={queryClient} config={options.config}>
      {children}
    </RecordingServiceTestProvider>
  );
  return { wrapper, queryClient };
}

/** One request seen by a {@link startRealServer} server. */
export interface RealRequest {
  method: string;
  url: URL;
  /** True once the client gave up before the answer was sent. */
  aborted: boolean;
}

/** How a real server answers: a JSON body now, or `undefined` to hold the request until the client aborts. */
export type RealHandler = (
  url: URL,
) => Promise<{ body: unknown; type: string } | undefined> | { body: unknown; type: string } | undefined;

/**
 * A real HTTP server on 127.0.0.1 (port picked by the OS) answering with CORS headers, for the tests that
 * observe aborts at the server side: the browser-like XHR transport closes the connection when aborted.
 */
export async function startRealServer(handler: RealHandler): Promise<{
  config: Partial<RecordingServiceConfig>;
  requests: RealRequest[];
  close: () => Promise<void>;
}> {
  const { createServer } = await import('node:http');
  const requests: RealRequest[] = [];
  const server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', '*');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    const seen: RealRequest = {
      method: req.method ?? 'GET',
      url: new URL(req.url ?? '/', 'http://127.0.0.1'),
      aborted: false,
    };
    requests.push(seen);
    res.on('close', () => {
      if (!res.writableEnded) seen.aborted = true;
    });
    void Promise.resolve(handler(seen.url)).then((answer) => {
      if (!answer) return;
      res
        .writeHead(200, { 'Content-Type': `application/vnd.avaya.${answer.type}+json` })
        .end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    config: { host: '127.0.0.1', port, isSecure: false },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A fresh emulator per test, served by MSW at the test provider's recording and auth servers. */
export function serveEmulator(server: SetupServerApi, options: RecordingEmulatorOptions = {}): RecordingEmulator {
  const emulator = createRecordingEmulator(options);
  server.use(...recordingServiceHandlers(emulator, { baseUrl: BASE, authUrl: TEST_AUTH_BASE_URL }));
  return emulator;
}

/** The emulator's requests to a path below `/api/manager/`, e.g. `programs/live/now`. */
export function emulatorCalls(emulator: RecordingEmulator, path: string): EmulatorRequestRecord[] {
  return emulator.requests.filter((r) => r.path === `/api/manager/${path}`);
}
