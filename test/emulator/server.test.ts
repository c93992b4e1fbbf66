// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRecordingEmulator } from '../../src/emulator/emulator';
import { startEmulatorServer, type EmulatorServer } from '../../src/emulator/server';
import { clientAs, configFor, NOW } from './helpers';

let certDir: string;
const servers: EmulatorServer[] = [];
beforeAll(() => {
  certDir = mkdtempSync(join(tmpdir(), 'emulator-certs-'));
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => rmSync(certDir, { recursive: true, force: true }));

async function start(options: Parameters<typeof startEmulatorServer>[0] = {}): Promise<EmulatorServer> {
  const server = await startEmulatorServer({ emulator: createRecordingEmulator({ now: () => NOW }), ...options });
  servers.push(server);
  return server;
}

function httpsGet(url: string, ca?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { ca, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('startEmulatorServer', () => {
  it('should serve HTTPS that a client trusting the generated CA accepts and another refuses', async () => {
    const server = await start({ secure: true, certDir });
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(server.caCertPath).toBe(join(certDir, 'ca.pem'));
    expect(server.caCertPem).toBe(readFileSync(server.caCertPath!, 'utf8'));
    expect(server.spkiSha256).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const url = `${server.url}/api/manager/system/settings?tenantId=default`;
    expect(await httpsGet(url, server.caCertPem)).toBe(200);
    expect(await httpsGet(url.replace('127.0.0.1', 'localhost'), server.caCertPem)).toBe(200);
    await expect(httpsGet(url)).rejects.toMatchObject({ code: expect.stringMatching(/VERIFY|CERT|SIGNED|ISSUER/) });
    expect(server.requests.filter((r) => r.secure)).toHaveLength(2);
  });

  it('should reuse the certificates in the same directory', async () => {
    const first = await start({ secure: true, certDir });
    const second = await start({ secure: true, certDir });
    expect(second.caCertPem).toBe(first.caCertPem);
    expect(second.spkiSha256).toBe(first.spkiSha256);
  });

  it('should make one matching certificate and key when servers start together in a new directory', async () => {
    const dir = join(certDir, 'together');
    const [a, b] = await Promise.all([start({ secure: true, certDir: dir }), start({ secure: true, certDir: dir })]);
    expect(b.spkiSha256).toBe(a.spkiSha256);
    expect(await httpsGet(`${a.url}/api/manager/system/settings`, a.caCertPem)).toBe(200);
    expect(await httpsGet(`${b.url}/api/manager/system/settings`, a.caCertPem)).toBe(200);
  });

  it('should serve given certificate and key files', async () => {
    const made = await start({ secure: true, certDir });
    const server = await start({
      secure: true,
      cert: join(certDir, 'server.pem'),
      key: join(certDir, 'server-key.pem'),
    });
    expect(server.caCertPem).toBeUndefined();
    expect(server.spkiSha256).toBe(made.spkiSha256);
    expect(await httpsGet(`${server.url}/api/manager/system/settings`, made.caCertPem)).toBe(200);
  });

  it('should answer preflights from allowed origins only', async () => {
    const server = await start({ allowOrigins: ['http://app.test'] });
    const preflight = (origin: string): Promise<Response> =>
      fetch(`${server.url}/api/manager/programs/p-004`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'PUT',
          'Access-Control-Request-Headers': 'content-type, accept',
        },
      });
    const allowed = await preflight('http://app.test');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://app.test');
    expect(allowed.headers.get('access-control-allow-methods')).toBe('GET, POST, PUT, DELETE, OPTIONS');
    expect(allowed.headers.get('access-control-allow-headers')).toBe('content-type, accept');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(Number(allowed.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    const refused = await preflight('http://evil.test');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const actual = await fetch(`${server.url}/api/manager/programs?tenantId=default`, {
      headers: { Origin: 'http://app.test' },
    });
    expect(actual.headers.get('access-control-allow-origin')).toBe('http://app.test');
    const other = await fetch(`${server.url}/api/manager/programs?tenantId=default`, {
      headers: { Origin: 'http://evil.test' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(server.requests.map((r) => [r.method, r.origin, r.preflight])).toEqual([
      ['OPTIONS', 'http://app.test', true],
      ['OPTIONS', 'http://evil.test', true],
      ['GET', 'http://app.test', false],
      ['GET', 'http://evil.test', false],
    ]);
  });

  it('should let an allowed origin preflight the token exchange and a DELETE, with credentials', async () => {
    const server = await start({ allowOrigins: ['http://app.test'] });
    const preflight = (path: string, method: string, headers: string): Promise<Response> =>
      fetch(`${server.url}${path}`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'http://app.test',
          'Access-Control-Request-Method': method,
          'Access-Control-Request-Headers': headers,
        },
      });
    const auth = await preflight(server.emulator.paths.authorizationPath, 'POST', 'authorization,content-type');
    expect(auth.status).toBe(204);
    expect(auth.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    expect(auth.headers.get('access-control-allow-credentials')).toBe('true');
    const del = await preflight('/api/manager/programs/p-004', 'DELETE', 'accept');
    expect(del.status).toBe(204);
    expect(del.headers.get('access-control-allow-methods')).toContain('DELETE');
    expect(del.headers.get('access-control-allow-origin')).toBe('http://app.test');
  });

  it('should match allowlisted origins as browsers send them, whatever the case or a trailing slash', async () => {
    const server = await start({ allowOrigins: ['HTTP://App.Test:5173/'] });
    const answer = await fetch(`${server.url}/api/manager/categories?tenantId=default`, {
      headers: { Origin: 'http://app.test:5173' },
    });
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://app.test:5173');
    const other = await fetch(`${server.url}/api/manager/categories?tenantId=default`, {
      headers: { Origin: 'http://app.test:5174' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('should print a loopback URL when it listens on every interface', async () => {
    const server = await start({ host: '0.0.0.0' });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.authUrl).toBe(`${server.url}/ups/resources/authorization`);
    expect((await fetch(`${server.url}/api/manager/categories?tenantId=default`)).status).toBe(200);
  });

  it('should log requests with redacted secrets, cookies and TLS, and count non-HTTP connections', async () => {
    const server = await start();
    const creds = server.emulator.signIn('alice');
    const url = new URL(`${server.url}/api/manager/programs/p-004`);
    for (const [key, value] of Object.entries(creds)) url.searchParams.set(key, value);
    await fetch(url, { headers: { Cookie: 'a=1' } });
    expect(server.requests[0]).toMatchObject({
      method: 'GET',
      path: '/api/manager/programs/p-004',
      cookie: 'a=1',
      secure: false,
      status: 200,
    });
    expect(server.requests[0]!.query).toMatchObject({ user: 'alice', token: '***' });
    expect(JSON.stringify(server.requests)).not.toContain(creds.token);
    await new Promise<void>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () =>
        socket.write(Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00])),
      );
      socket.resume();
      socket.on('close', () => resolve());
      socket.on('error', () => resolve());
    });
    expect(server.clientErrorCount).toBe(1);
    expect(server.clientErrors[0]).toMatchObject({ secure: false });
  });

  it('should answer a request with an unusable Host on its own origin', async () => {
    const server = await start();
    const answer = await new Promise<string>((resolve) => {
      let text = '';
      const socket = connect(server.port, '127.0.0.1', () =>
        socket.write('GET / HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n'),
      );
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 404/);
    expect(server.clientErrorCount).toBe(0);
    expect(server.requests).toMatchObject([{ method: 'GET', path: '/', status: 404 }]);
    expect((await fetch(`${server.url}/api/manager/categories?tenantId=default`)).status).toBe(200);
  });

  it('should answer 200 concurrent list requests correctly', async () => {
    const server = await start();
    const client = await clientAs(
      { emulator: server.emulator, baseUrl: server.url, config: configFor(server.url), stop: server.close },
      'admin',
    );
    const pages = await Promise.all(
      Array.from({ length: 200 }, (_, i) => client.programs.list({ offset: i % 50, count: 1, orderBy: 'name' })),
    );
    const total = pages[0]!.totalItemCount;
    const byOffset = new Map<number, string>();
    pages.forEach((page, i) => {
      expect(page.totalItemCount).toBe(total);
      expect(page.items).toHaveLength(1);
      const seen = byOffset.get(i % 50);
      if (seen) expect(page.items[0]!.id).toBe(seen);
      byOffset.set(i % 50, page.items[0]!.id!);
    });
    expect(new Set(byOffset.values()).size).toBe(50);
  });

  it('should destroy the socket on a reset fault and keep two instances apart', async () => {
    const a = await start();
    const b = await start();
    a.emulator.setFaults({ rules: [{ kind: 'reset', path: '/categories' }] });
    await expect(fetch(`${a.url}/api/manager/categories?tenantId=default`)).rejects.toThrow(TypeError);
    expect((await fetch(`${b.url}/api/manager/categories?tenantId=default`)).status).toBe(200);
    const creds = a.emulator.signIn('alice');
    const del = new URL(`${a.url}/api/manager/programs/p-004`);
    for (const [key, value] of Object.entries(creds)) del.searchParams.set(key, value);
    expect((await fetch(del, { method: 'DELETE' })).status).toBe(204);
    expect(b.emulator.state.programs.get('p-004')?.deleted).toBe(false);
    const foreign = new URL(`${b.url}/api/manager/programs/p-004`);
    for (const [key, value] of Object.entries(creds)) foreign.searchParams.set(key, value);
    expect((await fetch(foreign)).status).toBe(401);
  });

  it('should end a hanging request when the client aborts', async () => {
    const server = await start();
    server.emulator.setFaults({ rules: [{ kind: 'hang' }] });
    const controller = new AbortController();
    const pending = fetch(`${server.url}/api/manager/programs?tenantId=default`, { signal: controller.signal });
    await expect.poll(() => server.emulator.requests.length).toBe(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect.poll(() => server.requests[0]?.status).toBe(0);
  });
});
