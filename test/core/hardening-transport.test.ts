// @vitest-environment node
// Issue 9, items 2, 3 and 5, against real sockets: MSW can neither trickle a body nor answer a redirect the way
// a server does. Line numbers "old http.ts:N" are those of src/core/http.ts before this change (commit 33e1ac1).
import type { IncomingMessage } from 'node:http';
import { Agent } from 'node:https';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import axios from 'axios';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createRecordingClient,
  isRecordingServiceError,
  type RecordingClient,
  type RecordingServiceConfig,
  type RecordingServiceError,
} from '../../src/core';
import { ensureCertificates } from '../../src/emulator/certs';
import { startLocalServer, type Handler } from './local-server';

interface TestServer {
  port: number;
  secure: boolean;
  origin: string;
  /** `METHOD /path?query` of every request the server received. */
  seen: string[];
}

const SERVER_TOKEN = 'server-secret-8181';
const TIMESTAMP = '1700000000123';
const PORTAL_TOKEN = 'portal-secret-9292';

let certDir: string;
let certs: ReturnType<typeof ensureCertificates>;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(() => {
  certDir = mkdtempSync(join(tmpdir(), 'rrs-hardening-'));
  certs = ensureCertificates(certDir);
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(() => rmSync(certDir, { recursive: true, force: true }));

/** A real HTTP(S) server on 127.0.0.1, on a port the OS picks; closed (sockets destroyed) after the test. */
async function startServer(handler: Handler, secure = false): Promise<TestServer> {
  const server = await startLocalServer(handler, secure ? { key: certs.keyPem, cert: certs.certPem } : undefined);
  cleanups.push(server.close);
  const { port, seen } = server;
  return { port, secure, origin: `${secure ? 'https' : 'http'}://127.0.0.1:${port}`, seen };
}

/** A client of `server` (which also signs in, at POST /auth); trusts the test CA. */
function clientOf(server: TestServer, overrides: Partial<RecordingServiceConfig> = {}): RecordingClient {
  const client = createRecordingClient(
    {
      host: '127.0.0.1',
      port: server.port,
      isSecure: server.secure,
      tenantId: 'default',
      timeoutMs: 5000,
      retry: { attempts: 0 },
      session: { storage: 'memory' },
      authServer: { host: '127.0.0.1', port: server.port, isSecure: server.secure, authorizationPath: '/auth' },
      ...overrides,
    },
    { axios: axios.create({ httpsAgent: new Agent({ ca: certs.caCertPem }) }) },
  );
  cleanups.push(() => client.dispose());
  return client;
}

/** Answers the token exchange at POST /auth, and hands everything else to `rest`. */
const withSignIn =
  (rest: Handler): Handler =>
  (request, response) => {
    if (request.method === 'POST' && request.url === '/auth') {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ token: SERVER_TOKEN, snapshotTimestamp: Number(TIMESTAMP) }));
      return;
    }
    rest(request, response);
  };

const redirectTo =
  (target: (request: IncomingMessage) => string, status = 307): Handler =>
  (request, response) => {
    response.writeHead(status, { Location: target(request) });
    response.end();
  };

/** Sends one byte every 400 ms and never ends (stops when the socket closes). */
const trickle =
  (contentType = 'application/json'): Handler =>
  (_request, response) => {
    response.writeHead(200, { 'Content-Type': contentType });
    response.write(' ');
    const timer = setInterval(() => response.write(' '), 400);
    response.on('close', () => clearInterval(timer));
  };

/**
 * Waits for `run` to settle, failing the test if it has not after `boundMs` (the old code hung: this is how it
 * fails here, rather than through the test timeout).
 */
async function settles<T>(run: () => Promise<T>, boundMs = 5000): Promise<{ error?: unknown; value?: T }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const bound = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`did not settle within ${boundMs} ms`)), boundMs);
  });
  try {
    return await Promise.race([run().then((value) => ({ value })), bound]).catch((error: unknown) => {
      if (error instanceof Error && error.message.startsWith('did not settle')) throw error;
      return { error };
    });
  } finally {
    clearTimeout(timer);
  }
}

async function failure(run: () => Promise<unknown>, boundMs?: number): Promise<RecordingServiceError> {
  const { error } = await settles(run, boundMs);
  if (error === undefined) throw new Error('expected a rejection');
  if (!isRecordingServiceError(error)) throw new Error(`not a RecordingServiceError: ${String(error)}`);
  return error;
}

/** Everything an error shows, for secret checks. */
const shown = (error: RecordingServiceError) => `${String(error)} ${JSON.stringify(error)} ${error.hint ?? ''}`;

describe('redirects are never followed (issue 9, item 2)', () => {
  // Catches old http.ts:200 (instance.request without maxRedirects: axios followed up to 21 hops, to any
  // scheme and host, resending the token in the URL over plain http).
  it('should refuse a GET redirected from https to http without a request over http', async () => {
    const plain = await startServer(withSignIn(() => {}));
    const secure = await startServer(
      withSignIn(redirectTo((request) => `${plain.origin}${request.url ?? '/'}`, 301)),
      true,
    );
    const client = clientOf(secure);
    await client.session.signIn(PORTAL_TOKEN, 'alice');
    const error = await failure(() => client.programs.get('p1'));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(301);
    expect(error.hint).toMatch(/redirect/);
    expect(error.hint).toContain(`${plain.origin}/api/manager/programs/p1?`);
    expect(error.hint).toContain('token=REDACTED');
    expect(shown(error)).not.toContain(SERVER_TOKEN);
    expect(shown(error)).not.toContain(TIMESTAMP);
    expect(plain.seen).toEqual([]);
  });

  // Catches old http.ts:200 as above, for a write (PUT) redirected with 307 (which keeps method and body).
  it('should refuse a PUT redirected with 307 to http', async () => {
    const plain = await startServer(withSignIn(() => {}));
    const secure = await startServer(withSignIn(redirectTo((request) => `${plain.origin}${request.url ?? '/'}`)), true);
    const client = clientOf(secure);
    await client.session.signIn(PORTAL_TOKEN, 'alice');
    const error = await failure(() => client.programs.update('p1', { name: 'renamed' }));
    expect(error).toMatchObject({ kind: 'http', status: 307, method: 'PUT' });
    expect(plain.seen).toEqual([]);
    expect(secure.seen.filter((line) => line.startsWith('PUT'))).toHaveLength(1);
  });

  // Catches old http.ts:200 reached from old session.ts:135: the token exchange followed a 307 to http and
  // the token was issued over plain http.
  it('should fail a sign-in redirected to http without sending the portal token there', async () => {
    const plain = await startServer(withSignIn(() => {}));
    const secure = await startServer(
      redirectTo(() => `${plain.origin}/auth`),
      true,
    );
    const client = clientOf(secure);
    const error = await failure(() => client.session.signIn(PORTAL_TOKEN, 'alice'));
    expect(error).toMatchObject({ kind: 'http', status: 307 });
    expect(shown(error)).not.toContain(PORTAL_TOKEN);
    expect(plain.seen).toEqual([]);
    expect(client.session.current().status).not.toBe('user');
  });

  // Catches old http.ts:200 with old http.ts:239: a loop cost 21 hops per try and the final
  // "too many redirects" network error was retried (88 requests per GET with 3 retries).
  it('should report a redirect loop once, with one request and no retry', async () => {
    const looping = await startServer(redirectTo((request) => request.url ?? '/', 302));
    const client = clientOf(looping, { retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 } });
    const error = await failure(() => client.programs.get('p1'));
    expect(error).toMatchObject({ kind: 'http', status: 302 });
    expect(looping.seen).toHaveLength(1);
  });

  // Catches old http.ts:275 (fetch keepalive with the default redirect: 'follow').
  it('should refuse a keepalive view-report end redirected to another origin', async () => {
    const elsewhere = await startServer(() => {});
    const server = await startServer(redirectTo((request) => `${elsewhere.origin}${request.url ?? '/'}`));
    const error = await failure(() => clientOf(server).programs.reportViewEnd('p1', 'r1', { keepalive: true }));
    expect(error).toMatchObject({ kind: 'http', status: 307 });
    expect(error.hint).toContain(elsewhere.origin);
    expect(elsewhere.seen).toEqual([]);
  });
});

describe('timeoutMs is a deadline for the whole exchange (issue 9, item 3)', () => {
  // Catches old http.ts:207 (axios `timeout` is a socket idle timer in Node: each trickled byte restarted it,
  // so the call was still pending after 20 s).
  it('should settle a GET whose body trickles as timeout within 5 s with timeoutMs 1000', async () => {
    const server = await startServer(trickle());
    const error = await failure(() => clientOf(server, { timeoutMs: 1000 }).programs.get('p1'));
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('1000 ms');
  });

  // Catches old http.ts:207 reached from old session.ts:135 (sign-in hung the same way).
  it('should settle a sign-in whose answer trickles as timeout', async () => {
    const server = await startServer(trickle());
    const client = clientOf(server, { timeoutMs: 1000 });
    const error = await failure(() => client.session.signIn(PORTAL_TOKEN, 'alice'));
    expect(error.kind).toBe('timeout');
    expect(shown(error)).not.toContain(PORTAL_TOKEN);
  });

  // Catches old http.ts:276 (the keepalive fetch had only the caller's signal: against a silent server it
  // never settled).
  it('should settle a keepalive view-report end against a silent server as timeout', async () => {
    const server = await startServer(() => {});
    const client = clientOf(server, { timeoutMs: 1000 });
    const error = await failure(() => client.programs.reportViewEnd('p1', 'r1', { keepalive: true }));
    expect(error.kind).toBe('timeout');
  });

  // Catches old http.ts:239: a stall after the headers was a `network` error and retried.
  it('should report a stall after the headers as timeout and not retry it', async () => {
    const server = await startServer(trickle());
    const client = clientOf(server, { timeoutMs: 1000, retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 } });
    const error = await failure(() => client.programs.get('p1'));
    expect(error.kind).toBe('timeout');
    expect(server.seen).toHaveLength(1);
  });

  // Guards the join of the caller's signal with the deadline: the caller's abort stays `aborted`.
  it('should keep a caller abort during a trickled body as aborted', async () => {
    const controller = new AbortController();
    const server = await startServer((request, response) => {
      trickle()(request, response);
      setTimeout(() => controller.abort(), 300);
    });
    const client = clientOf(server, { timeoutMs: 3000 });
    const error = await failure(() => client.programs.list({ signal: controller.signal }));
    expect(error.kind).toBe('aborted');
  });
});

describe('answers are bounded (issue 9, item 5)', () => {
  const json = (body: Buffer | string, headers: Record<string, string> = {}): Handler => {
    return (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', ...headers });
      response.end(body);
    };
  };
  /** An empty JSON list (a valid answer of categories.list) padded with spaces to `bytes` bytes. */
  const jsonOfSize = (bytes: number) => `[${' '.repeat(bytes - 2)}]`;

  // Catches old http.ts:200 (no maxContentLength: a 300 MB answer was read whole).
  it('should refuse an answer over the default 16 MiB as validation', async () => {
    const server = await startServer(json(jsonOfSize(17 * 1024 * 1024)));
    const error = await failure(() => clientOf(server).categories.list());
    expect(error.kind).toBe('validation');
    expect(error.message).toContain('maxResponseBytes');
  });

  // Catches old http.ts:200 as above, with the limit from config.
  it('should honour maxResponseBytes from config', async () => {
    const server = await startServer(json(jsonOfSize(200_000)));
    const error = await failure(() => clientOf(server, { maxResponseBytes: 100_000 }).categories.list());
    expect(error.kind).toBe('validation');
    const small = await startServer(json(jsonOfSize(50_000)));
    const { value } = await settles(() => clientOf(small, { maxResponseBytes: 100_000 }).categories.list());
    expect(value).toEqual([]);
  });

  // Catches old http.ts:200: a 398 KB gzip body expanding to 400 MB was inflated whole (1.8 GB peak).
  it('should cut off a gzip bomb once it inflates past the limit', async () => {
    const bomb = gzipSync(Buffer.alloc(40 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(100_000);
    const server = await startServer(json(bomb, { 'Content-Encoding': 'gzip' }));
    const error = await failure(() => clientOf(server, { maxResponseBytes: 1024 * 1024 }).categories.list());
    expect(error.kind).toBe('validation');
  });

  // Catches old http.ts:283 (the keepalive answer was read with response.text(), unbounded).
  it('should bound the keepalive answer too', async () => {
    const server = await startServer(json(jsonOfSize(200_000)));
    const client = clientOf(server, { maxResponseBytes: 100_000 });
    const error = await failure(() => client.programs.reportViewEnd('p1', 'r1', { keepalive: true }));
    expect(error.kind).toBe('validation');
  });
});
