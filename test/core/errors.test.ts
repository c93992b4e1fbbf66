// @vitest-environment node
import { inspect } from 'node:util';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  RecordingServiceError as RecordingServiceErrorClass,
  isRecordingServiceError,
  type RecordingClient,
  type RecordingServiceConfig,
  type RecordingServiceError,
} from '../../src/core';
import {
  BASE,
  PORTAL_TOKEN,
  SERVER_TOKEN,
  SNAPSHOT,
  authHandler,
  caught,
  testConfig,
  trackClients,
  startMswServer,
} from './support';

const server = startMswServer();
const newClient = trackClients();

const PASSWORD = 'pass-word-991';
const PIN = '24680';
const secrets = [SERVER_TOKEN, PORTAL_TOKEN, PASSWORD, PIN];

function capturingLogger() {
  const calls: unknown[][] = [];
  const record =
    (level: string) =>
    (...args: unknown[]) =>
      calls.push([level, ...args]);
  return {
    calls,
    logger: { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') },
  };
}

async function rsError(fn: () => unknown): Promise<RecordingServiceError> {
  const error = await caught(fn);
  if (!isRecordingServiceError(error)) throw new Error(`not a RecordingServiceError: ${String(error)}`);
  return error;
}

function expectNoSecret(text: string) {
  for (const secret of secrets) expect(text).not.toContain(secret);
}

/** Everything a thrown error shows: its text, JSON and what Node's inspector prints, cause and stack included. */
function expectNoSecretIn(error: RecordingServiceError) {
  expectNoSecret(error.message);
  expectNoSecret(String(error));
  expectNoSecret(JSON.stringify(error));
  expectNoSecret(inspect(error, { depth: 10, showHidden: true }));
  expectNoSecret(inspect(error.cause, { depth: 10, showHidden: true }));
  expectNoSecret(error.stack ?? '');
}

async function signedIn(config: Partial<RecordingServiceConfig> = {}): Promise<RecordingClient> {
  server.use(authHandler());
  const client = newClient(testConfig(config));
  await client.session.signIn(PORTAL_TOKEN, 'alice');
  return client;
}

describe('client errors', () => {
  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [409, 'http'],
    [500, 'http'],
  ])('should turn status %i into kind %s with method, status, url and parsed details', async (status, kind) => {
    server.use(
      http.get(`${BASE}/api/manager/programs/p1`, () =>
        HttpResponse.json(
          { code: 'E1', message: 'nope' },
          { status, headers: { 'Content-Type': 'application/vnd.avaya.asr.response.details.v2+json' } },
        ),
      ),
    );
    const error = await rsError(() => newClient().programs.get('p1'));
    expect(error).toMatchObject({ kind, status, method: 'GET', details: { code: 'E1', message: 'nope' } });
    expect(error.url).toBe(`${BASE}/api/manager/programs/p1?tenantId=default`);
    expect(error.message).toContain(String(status));
  });

  it('should keep a text error body as details', async () => {
    server.use(http.get(`${BASE}/api/manager/programs/p1`, () => HttpResponse.text('Service down', { status: 502 })));
    expect(await rsError(() => newClient().programs.get('p1'))).toMatchObject({
      kind: 'http',
      status: 502,
      details: 'Service down',
    });
  });

  it('should report a network error with a hint on CORS, TLS and refused connections', async () => {
    server.use(http.get(`${BASE}/api/manager/programs/p1`, () => HttpResponse.error()));
    const error = await rsError(() => newClient().programs.get('p1'));
    expect(error.kind).toBe('network');
    expect(error.hint).toMatch(/CORS/);
    expect(error.hint).toMatch(/certificate/);
    expect(error.hint).toMatch(/refused/);
  });

  it('should report an abort, before and during the request', async () => {
    let started = 0;
    const controller = new AbortController();
    server.use(
      http.get(`${BASE}/api/manager/programs/p1`, async () => {
        started++;
        controller.abort();
        await new Promise((resolve) => setTimeout(resolve, 200));
        return HttpResponse.json({});
      }),
    );
    const client = newClient();
    expect(await rsError(() => client.programs.get('p1', {}, { signal: controller.signal }))).toMatchObject({
      kind: 'aborted',
    });
    expect(await rsError(() => client.programs.get('p1', { signal: controller.signal }))).toMatchObject({
      kind: 'aborted',
    });
    expect(started).toBe(1);
  });

  it('should recognise an error thrown by another copy of the package (ESM and CJS builds side by side)', async () => {
    // A query string makes the module loader evaluate errors.ts a second time: a second class.
    const secondCopy = '../../src/core/errors.ts?second-copy';
    const other = (await import(/* @vite-ignore */ secondCopy)) as typeof import('../../src/core/errors');
    expect(other.RecordingServiceError).not.toBe(RecordingServiceErrorClass);
    const foreign = new other.RecordingServiceError({ kind: 'not-found', message: 'gone', status: 404 });
    const own = new RecordingServiceErrorClass({ kind: 'http', message: 'boom', status: 500 });
    expect(isRecordingServiceError(foreign)).toBe(true);
    expect(foreign instanceof RecordingServiceErrorClass).toBe(true);
    expect(other.isRecordingServiceError(own)).toBe(true);
    expect(own instanceof other.RecordingServiceError).toBe(true);
    expect(own instanceof Error).toBe(true);
    expect(isRecordingServiceError(new Error('plain'))).toBe(false);
    expect(isRecordingServiceError({ name: 'RecordingServiceError', kind: 'http', message: 'x' })).toBe(false);
    expect(Object.getOwnPropertySymbols(own)).toEqual([]);
  });

  describe('redaction', () => {
    it('should keep tokens, passwords and PINs out of message, url, details, JSON, String and logs', async () => {
      const { calls, logger } = capturingLogger();
      const client = await signedIn({ logger });
      // The server echoes back what each request carried: its query, body and token.
      server.use(
        http.all(`${BASE}/*`, async ({ request }) => {
          const search = new URL(request.url).search;
          const body = await request.text();
          const pin = new URL(request.url).searchParams.get('moderatorPin');
          return HttpResponse.json(
            {
              message: `bad token ${SERVER_TOKEN} for ${search} and ${body}`,
              password: body,
              nested: [{ moderatorPin: pin, note: `pin was ${pin ?? ''} body was ${body}`, authToken: 'abc' }],
            },
            { status: 500, statusText: `Token ${SERVER_TOKEN} ${search}` },
          );
        }),
      );
      const errors = [
        await rsError(() => client.programs.playbackAddress('p1', { password: PASSWORD })),
        await rsError(() => client.programs.authorize('p1', PASSWORD)),
        await rsError(() => client.chat.sessions('p1', { moderatorPin: PIN })),
        await rsError(() => client.chat.post('p1', 's1', { message: 'hi', type: 'RESPONSE' }, { moderatorPin: PIN })),
      ];
      for (const error of errors) {
        expect(error.kind).toBe('http');
        expectNoSecretIn(error);
        expectNoSecret(error.message);
        expectNoSecret(String(error));
        expectNoSecret(JSON.stringify(error));
        expectNoSecret(error.url ?? '');
        expect(error.url).toContain('token=REDACTED');
        expect(error.url).toContain('timestamp=REDACTED');
        expect(error.url).not.toContain(SNAPSHOT);
        expect(Object.keys(error)).not.toContain('cause');
      }
      expect(errors[2]!.url).toContain('moderatorPin=REDACTED');
      expect(JSON.stringify(errors[0]!.details)).toContain('REDACTED');
      expect(calls.length).toBeGreaterThan(0);
      expectNoSecret(JSON.stringify(calls));
    });

    it('should keep the portal token out of a refused sign-in and its logs', async () => {
      const { calls, logger } = capturingLogger();
      server.use(
        http.post('https://auth.test/*', ({ request }) =>
          HttpResponse.json({ error: `refused ${request.headers.get('authorization')}` }, { status: 401 }),
        ),
      );
      const client = newClient(testConfig({ logger }));
      const error = await rsError(() => client.session.signIn(PORTAL_TOKEN, 'alice'));
      expect(error.kind).toBe('unauthorized');
      expectNoSecretIn(error);
      expectNoSecret(JSON.stringify(error));
      expectNoSecret(String(error));
      expectNoSecret(JSON.stringify(client.session.current()));
      expectNoSecret(JSON.stringify(calls));
    });

    // Issue 9, item 4: the timestamp credential was redacted only in the URL, so a server echoing it in its body or
    // status text put it in `details` and `message` (the secrets of src/http.ts held the token but not the timestamp).
    it.each(['json', 'text'] as const)(
      'should redact every credential a server echoes in its %s body, status text and headers',
      async (form) => {
        const { calls, logger } = capturingLogger();
        const client = await signedIn({ logger });
        const credentials = [SERVER_TOKEN, SNAPSHOT, PORTAL_TOKEN, PASSWORD, PIN];
        const echo = `echo ${credentials.join(' / ')}`;
        const answer = (status: number) =>
          form === 'json'
            ? HttpResponse.json(
                { message: echo, token: SERVER_TOKEN, stamp: SNAPSHOT, nested: [{ note: echo }] },
                { status, statusText: echo, headers: { 'x-echo': echo } },
              )
            : new HttpResponse(echo, {
                status,
                statusText: echo,
                headers: { 'content-type': 'text/plain', 'x-echo': echo },
              });
        server.use(
          http.all(`${BASE}/*`, () => answer(500)),
          http.post('https://auth.test/*', () => answer(401)),
        );
        // Each call against the credentials it carried: the session's (token, timestamp, portal token) always,
        // and its own password or PIN.
        const session = [SERVER_TOKEN, SNAPSHOT, PORTAL_TOKEN];
        const errors: [RecordingServiceError, string[]][] = [
          [await rsError(() => client.programs.list()), session],
          [await rsError(() => client.programs.playbackAddress('p1', { password: PASSWORD })), [...session, PASSWORD]],
          [await rsError(() => client.programs.authorize('p1', PASSWORD)), [...session, PASSWORD]],
          [await rsError(() => client.chat.sessions('p1', { moderatorPin: PIN })), [...session, PIN]],
          [await rsError(() => client.programs.update('p1', { password: PASSWORD })), [...session, PASSWORD]],
          [await rsError(() => client.session.signIn(PORTAL_TOKEN, 'alice')), session],
        ];
        for (const [error, carried] of errors) {
          const shown = [
            error.message,
            String(error),
            JSON.stringify(error),
            JSON.stringify(error.details ?? null),
            error.url ?? '',
            inspect(error, { depth: 10, showHidden: true }),
          ].join('\n');
          expect(shown).toContain('REDACTED');
          for (const credential of carried) expect(shown).not.toContain(credential);
        }
        const logged = JSON.stringify(calls);
        for (const credential of [SERVER_TOKEN, SNAPSHOT, PORTAL_TOKEN]) expect(logged).not.toContain(credential);
      },
    );

    it('should keep flags named like secrets, such as passwordProtected', async () => {
      server.use(
        http.get(`${BASE}/*`, () =>
          HttpResponse.json({ passwordProtected: true, password: 'x1y2z3' }, { status: 403 }),
        ),
      );
      const error = await rsError(() => newClient().programs.get('p1'));
      expect(error.details).toEqual({ passwordProtected: true, password: 'REDACTED' });
    });

    it('should keep the token out of a network error', async () => {
      const { calls, logger } = capturingLogger();
      const client = await signedIn({ logger });
      server.use(http.get(`${BASE}/*`, () => HttpResponse.error()));
      const error = await rsError(() => client.programs.list());
      expect(error.kind).toBe('network');
      expectNoSecretIn(error);
      expect(error.cause).toBeDefined();
      expectNoSecret(JSON.stringify(error));
      expectNoSecret(String(error));
      expectNoSecret(JSON.stringify(calls));
    });
  });

  describe('retries', () => {
    const retrying = (extra: Partial<RecordingServiceConfig> = {}) =>
      testConfig({ retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 50 }, ...extra });

    function sequence(method: 'get' | 'post', responses: (() => Response)[]) {
      let count = 0;
      server.use(
        http[method](`${BASE}/api/manager/*`, () => {
          const next = responses[Math.min(count, responses.length - 1)]!;
          count++;
          return next();
        }),
      );
      return () => count;
    }

    it('should retry a GET after 503 and succeed', async () => {
      const count = sequence('get', [
        () => new HttpResponse(null, { status: 503 }),
        () => HttpResponse.json({ id: 'p1' }),
      ]);
      expect(await newClient(retrying()).programs.get('p1')).toEqual({ id: 'p1' });
      expect(count()).toBe(2);
    });

    it('should retry a GET after a network error and after 429', async () => {
      const count = sequence('get', [
        () => HttpResponse.error(),
        () => new HttpResponse(null, { status: 429 }),
        () => HttpResponse.json({ id: 'p1' }),
      ]);
      expect(await newClient(retrying()).programs.get('p1')).toEqual({ id: 'p1' });
      expect(count()).toBe(3);
    });

    it('should give up after the configured number of retries', async () => {
      const count = sequence('get', [() => new HttpResponse(null, { status: 503 })]);
      expect(await rsError(() => newClient(retrying()).programs.get('p1'))).toMatchObject({
        kind: 'http',
        status: 503,
      });
      expect(count()).toBe(3);
    });

    it('should wait as Retry-After says (seconds or HTTP date), capped by maxDelayMs', async () => {
      const { calls, logger } = capturingLogger();
      const count = sequence('get', [
        () => new HttpResponse(null, { status: 503, headers: { 'Retry-After': '0.02' } }),
        () =>
          new HttpResponse(null, {
            status: 429,
            headers: { 'Retry-After': new Date(Date.now() - 5000).toUTCString() },
          }),
        () => HttpResponse.json({ id: 'p1' }),
      ]);
      await newClient(retrying({ logger, retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 50 } })).programs.get('p1');
      expect(count()).toBe(3);
      const waits = calls
        .filter(([level]) => level === 'warn')
        .map(([, message]) => String(message).match(/in (\d+) ms/)?.[1]);
      expect(waits).toEqual(['20', '0']);

      const capped = capturingLogger();
      sequence('get', [
        () => new HttpResponse(null, { status: 503, headers: { 'Retry-After': '120' } }),
        () => HttpResponse.json({}),
      ]);
      await newClient(retrying({ logger: capped.logger })).programs.get('p1');
      const cappedWaits = capped.calls
        .filter(([level]) => level === 'warn')
        .map(([, message]) => String(message).match(/in (\d+) ms/)?.[1]);
      expect(cappedWaits).toEqual(['50']);
    });

    it.each([400, 401, 404])('should not retry a GET answered %i', async (status) => {
      const count = sequence('get', [() => new HttpResponse(null, { status })]);
      await rsError(() => newClient(retrying()).programs.get('p1'));
      expect(count()).toBe(1);
    });

    it('should never retry a POST', async () => {
      const count = sequence('post', [() => new HttpResponse(null, { status: 503 }), () => HttpResponse.json({})]);
      expect(await rsError(() => newClient(retrying()).programs.authorize('p1', 'pw1'))).toMatchObject({ status: 503 });
      expect(count()).toBe(1);
    });

    it('should stop waiting when aborted during the backoff', async () => {
      const controller = new AbortController();
      let count = 0;
      server.use(
        http.get(`${BASE}/api/manager/*`, () => {
          count++;
          setTimeout(() => controller.abort(), 5);
          return new HttpResponse(null, { status: 503, headers: { 'Retry-After': '60' } });
        }),
      );
      const config = retrying({ retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 60_000 } });
      expect(
        await rsError(() => newClient(config).programs.get('p1', {}, { signal: controller.signal })),
      ).toMatchObject({ kind: 'aborted' });
      expect(count).toBe(1);
    });
  });

  describe('answer validation', () => {
    const answer = (body: string, contentType: string) =>
      server.use(
        http.get(`${BASE}/api/manager/*`, () => new HttpResponse(body, { headers: { 'Content-Type': contentType } })),
      );

    it('should refuse an HTML page where JSON is expected', async () => {
      answer('<html>Login</html>', 'text/html; charset=utf-8');
      const error = await rsError(() => newClient().programs.list());
      expect(error.kind).toBe('validation');
      expect(error.details).toMatchObject({ contentType: 'text/html; charset=utf-8' });
      expect(JSON.stringify(error)).not.toContain('Login');
    });

    it('should refuse malformed JSON', async () => {
      answer('{"items": [', 'application/json');
      expect(await rsError(() => newClient().programs.list())).toMatchObject({
        kind: 'validation',
        message: expect.stringMatching(/malformed/),
      });
    });

    it('should take numeric ids as their text, keeping unknown fields', async () => {
      answer(
        JSON.stringify({ items: [{ id: 42, categoryId: 7, name: 'N', vendorExtra: { a: 1 } }], totalItemCount: 1 }),
        'application/vnd.avaya.asr.paged.list.v2+json',
      );
      const page = await newClient().programs.list();
      expect(page.items[0]).toEqual({ id: '42', categoryId: '7', name: 'N', vendorExtra: { a: 1 } });
    });

    it('should refuse a wrong shape, naming the path of the issue', async () => {
      answer(JSON.stringify({ items: [{ id: 'p1', name: 42 }] }), 'application/vnd.avaya.asr.paged.list.v2+json');
      const error = await rsError(() => newClient().programs.list());
      expect(error.kind).toBe('validation');
      expect(error.details).toMatchObject({ issues: [{ path: 'items.0.name' }] });
      answer(JSON.stringify({ totalItemCount: 1 }), 'application/json');
      expect(await rsError(() => newClient().programs.list())).toMatchObject({
        details: { issues: [{ path: 'items' }] },
      });
    });

    it('should accept any json media type, drop nulls and default totalItemCount to the items received', async () => {
      answer(
        JSON.stringify({ items: [{ id: 'p1', description: null, extra: 1 }, { id: 'p2' }] }),
        'application/problem+json',
      );
      expect(await newClient().programs.list()).toEqual({
        items: [{ id: 'p1', extra: 1 }, { id: 'p2' }],
        totalItemCount: 2,
      });
    });
  });
});
