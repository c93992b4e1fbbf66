// @vitest-environment node
import { inspect } from 'node:util';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createRecordingClient,
  isRecordingServiceError,
  type RecordingClient,
  type RecordingServiceError,
} from '../../src/core';
import { startLocalServer, type Handler } from './local-server';
import { caught } from './support';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A real HTTP server on 127.0.0.1 with a port picked by the OS; closed after the test. */
async function startServer(handler: Handler): Promise<{ port: number; seen: string[] }> {
  const server = await startLocalServer(handler);
  cleanups.push(server.close);
  return server;
}

function client(port: number, timeoutMs = 5000): RecordingClient {
  const created = createRecordingClient({
    host: '127.0.0.1',
    port,
    isSecure: false,
    tenantId: 'default',
    timeoutMs,
    retry: { attempts: 0 },
    session: { storage: 'memory' },
  });
  cleanups.push(() => created.dispose());
  return created;
}

async function rsError(fn: () => unknown): Promise<RecordingServiceError> {
  const error = await caught(fn);
  if (!isRecordingServiceError(error)) throw new Error(`not a RecordingServiceError: ${String(error)}`);
  return error;
}

const json = (body: unknown) => (_request: IncomingMessage, response: ServerResponse) => {
  response.writeHead(200, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
};

describe('client over real sockets', () => {
  it('should report a refused connection as a network error', async () => {
    const { port } = await startServer(json({}));
    await cleanups.pop()!();
    const error = await rsError(() => client(port).programs.get('p1'));
    expect(error.kind).toBe('network');
    expect(error.hint).toMatch(/refused connection/);
    expect(error.url).toBe(`http://127.0.0.1:${port}/api/manager/programs/p1?tenantId=default`);
  });

  it('should report a timeout after timeoutMs', async () => {
    const { port, seen } = await startServer(() => {
      // Never answers.
    });
    const error = await rsError(() => client(port, 100).programs.get('p1'));
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('100 ms');
    expect(seen).toHaveLength(1);
  });

  it('should keep the tokens out of everything a real timeout, refusal or abort error shows', async () => {
    const portalToken = 'portal-secret-5151';
    const serverToken = 'server-secret-6262';
    const controller = new AbortController();
    const { port } = await startServer((request, response) => {
      // Recording-server calls never answer; the list call is aborted once the server has it.
      if (request.url?.startsWith('/api/manager/programs?')) controller.abort(new Error(`stop ${serverToken}`));
      if (request.method !== 'POST') return;
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ token: serverToken, snapshotTimestamp: 1 }));
    });
    const recording = createRecordingClient({
      host: '127.0.0.1',
      port,
      isSecure: false,
      tenantId: 'default',
      timeoutMs: 100,
      retry: { attempts: 0 },
      session: { storage: 'memory' },
      authServer: { host: '127.0.0.1', port, isSecure: false, authorizationPath: '/auth' },
    });
    cleanups.push(() => recording.dispose());
    await recording.session.signIn(portalToken, 'alice');
    const errors = [
      await rsError(() => recording.programs.get('p1')),
      await rsError(() => recording.programs.list({ signal: controller.signal })),
    ];
    await cleanups.shift()!();
    errors.push(await rsError(() => recording.programs.get('p1')));
    expect(errors.map((error) => error.kind)).toEqual(['timeout', 'aborted', 'network']);
    for (const error of errors) {
      const shown = [
        String(error),
        JSON.stringify(error),
        inspect(error, { depth: 10, showHidden: true }),
        inspect(error.cause, { depth: 10, showHidden: true }),
      ].join('\n');
      expect(shown).toContain('token=REDACTED');
      expect(shown).not.toContain(serverToken);
      expect(shown).not.toContain(portalToken);
    }
  });

  it('should report an abort while the server is silent', async () => {
    const controller = new AbortController();
    const { port } = await startServer(() => controller.abort());
    const error = await rsError(() => client(port).programs.list({ signal: controller.signal }));
    expect(error.kind).toBe('aborted');
  });

  it('should put encoded ids and query values on the request line as given', async () => {
    const { port, seen } = await startServer(json({ id: 'x' }));
    const recording = client(port);
    await recording.programs.get('a/b?c#d');
    await recording.programs.get('../etc');
    await recording.categories.get('é 1');
    expect(seen).toEqual([
      'GET /api/manager/programs/a%2Fb%3Fc%23d?tenantId=default',
      'GET /api/manager/programs/..%2Fetc?tenantId=default',
      'GET /api/manager/categories/%C3%A9%201?tenantId=default',
    ]);
  });

  it('should end a view report with fetch keepalive', async () => {
    const { port, seen } = await startServer((_request, response) => {
      response.writeHead(204);
      response.end();
    });
    await client(port).programs.reportViewEnd('p1', 'r1', { keepalive: true, dnId: 'd' });
    expect(seen).toEqual(['POST /api/manager/programs/p1/report/r1?dnId=d&tenantId=default']);
  });
});
