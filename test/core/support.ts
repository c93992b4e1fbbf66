import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createRecordingClient, type RecordingClient, type RecordingServiceConfig } from '../../src/core';

export const BASE = 'https://rec.test';
export const AUTH_URL = 'https://auth.test/ups/resources/authorizations';
export const PORTAL_TOKEN = 'portal-secret-4242';
export const SERVER_TOKEN = 'server-secret-7777';
export const SNAPSHOT = '1700000000000';

/** A test config; retries off and memory storage unless overridden. */
export function testConfig(overrides: Partial<RecordingServiceConfig> = {}): RecordingServiceConfig {
  return {
    host: 'rec.test',
    isSecure: true,
    tenantId: 'default',
    authServer: { host: 'auth.test', isSecure: true, authorizationPath: '/ups/resources/authorizations' },
    retry: { attempts: 0 },
    session: { storage: 'memory' },
    ...overrides,
  };
}

/** One request as the server saw it. `path` keeps its percent-encoding. */
export interface SeenRequest {
  method: string;
  href: string;
  path: string;
  query: URLSearchParams;
  rawQuery: string;
  headers: Headers;
  body: string;
}

export async function see(request: Request): Promise<SeenRequest> {
  const url = new URL(request.url);
  return {
    method: request.method,
    href: request.url,
    path: url.pathname,
    query: url.searchParams,
    rawQuery: url.search,
    headers: request.headers,
    body: await request.clone().text(),
  };
}

/** An MSW server for one suite: `onUnhandledRequest: 'error'`, handlers reset after each test. */
export function startMswServer() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

/** Handler of the token exchange answering `tokens` in turn (the last one repeats); counts calls. */
export function authHandler(tokens: string[] = [SERVER_TOKEN], seen: SeenRequest[] = []) {
  return http.post(AUTH_URL, async ({ request }) => {
    seen.push(await see(request));
    const auth = request.headers.get('authorization');
    if (auth !== `UPToken ${PORTAL_TOKEN}`) return HttpResponse.json({ error: 'bad portal token' }, { status: 401 });
    const token = tokens[Math.min(seen.length - 1, tokens.length - 1)] ?? SERVER_TOKEN;
    return HttpResponse.json({ token, snapshotTimestamp: Number(SNAPSHOT) });
  });
}

/** A client tracked for disposal after the test. */
export function trackClients() {
  const clients: RecordingClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.dispose();
  });
  return (config: RecordingServiceConfig = testConfig(), options?: Parameters<typeof createRecordingClient>[1]) => {
    const client = createRecordingClient(config, options);
    clients.push(client);
    return client;
  };
}

/** Runs `fn` and returns what it threw (fails the test if it did not throw). */
export async function caught(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
