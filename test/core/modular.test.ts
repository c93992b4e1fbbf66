import { inspect } from 'node:util';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createRecordingContext,
  getProgram,
  listPrograms,
  onSessionExpired,
  reportViewEnd,
  signIn,
  signOut,
  type RecordingContext,
  type RecordingServiceError,
  type SessionState,
} from '../../src/core';
import {
  AUTH_URL,
  BASE,
  PORTAL_TOKEN,
  authHandler,
  caught,
  see,
  startMswServer,
  testConfig,
  type SeenRequest,
} from './support';

const server = startMswServer();
const contexts: RecordingContext[] = [];
const newContext = (config = testConfig()) => {
  const context = createRecordingContext(config);
  contexts.push(context);
  return context;
};
const KEY = 'react-recording-service:session';

afterEach(() => {
  for (const context of contexts.splice(0)) context.dispose();
  localStorage.clear();
  sessionStorage.clear();
});

function until(context: RecordingContext, predicate: (state: SessionState) => boolean): Promise<SessionState> {
  return new Promise((resolve) => {
    if (predicate(context.sessionStore.getState())) return resolve(context.sessionStore.getState());
    const stop = context.sessionStore.subscribe((state) => {
      if (predicate(state)) {
        stop();
        resolve(state);
      }
    });
  });
}

function recordAll(body: unknown, init?: { status?: number; headers?: Record<string, string>; statusText?: string }) {
  const seen: SeenRequest[] = [];
  server.use(
    http.all(`${BASE}/*`, async ({ request }) => {
      seen.push(await see(request));
      return HttpResponse.json(body as never, init);
    }),
  );
  return seen;
}

describe('createRecordingContext', () => {
  it('should list programs with only the context and the operation function', async () => {
    const seen = recordAll({ items: [{ id: 'p1', name: 'One' }], totalItemCount: 1 });
    const page = await listPrograms(newContext(), { count: 1 });
    expect(page.items[0]?.name).toBe('One');
    expect(seen[0]?.rawQuery).toBe('?count=1&tenantId=default');
  });

  it('should refuse an object that is not a context with a config error', async () => {
    const copy = { ...newContext() };
    expect(await caught(() => listPrograms(copy))).toMatchObject({ kind: 'config' });
  });

  it('should expire a restored session on a 401 and tell onSessionExpired, without the sign-in module', async () => {
    localStorage.setItem(KEY, JSON.stringify({ user: 'alice', token: 'stale-token', timestamp: '17', signedInAt: 1 }));
    recordAll({ message: 'expired' }, { status: 401 });
    const context = newContext(testConfig({ session: { storage: 'local' } }));
    const expired: RecordingServiceError[] = [];
    onSessionExpired(context, (error) => expired.push(error));
    expect(await caught(() => getProgram(context, 'p1'))).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(context.sessionStore.getState()).toMatchObject({ status: 'expired', user: 'alice' });
    expect(expired).toHaveLength(1);
    expect(localStorage.getItem(KEY)).toBeNull();
  });
});

describe('issue 9 items in the modular core', () => {
  // Before: the used token and timestamp were not among a request's secrets, so once the 401 had expired the
  // session (src/operations.ts `recover` emptied the store) the error was redacted with nothing to redact.
  it('(a) should redact the token and timestamp a 401 echoes after the session expired', async () => {
    const token = 'acsr-stale-token-5150';
    const timestamp = '1699999999123';
    localStorage.setItem(KEY, JSON.stringify({ user: 'alice', token, timestamp, signedInAt: 1 }));
    recordAll(
      { message: `token ${token} at ${timestamp} has expired`, token, stamp: timestamp },
      { status: 401, statusText: `Expired ${token} ${timestamp}`, headers: { 'x-echo': `${token} ${timestamp}` } },
    );
    const context = newContext(testConfig({ session: { storage: 'local' } }));
    const error = (await caught(() => getProgram(context, 'p1'))) as RecordingServiceError;
    expect(error.kind).toBe('unauthorized');
    expect(context.sessionStore.getState().status).toBe('expired');
    for (const text of [
      error.message,
      JSON.stringify(error),
      JSON.stringify(error.details),
      inspect(error, { depth: 9 }),
    ]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(timestamp);
    }
  });

  it('(a) should redact the token and timestamp a 401 echoes after a failed re-exchange', async () => {
    let exchanges = 0;
    server.use(
      http.post(AUTH_URL, () =>
        ++exchanges === 1
          ? HttpResponse.json({ token: 'first-token-4242', snapshotTimestamp: 1700000000456 })
          : new HttpResponse(null, { status: 401 }),
      ),
    );
    const context = newContext();
    await signIn(context, PORTAL_TOKEN, 'alice');
    recordAll({ message: 'token first-token-4242 (1700000000456) refused' }, { status: 401 });
    const error = (await caught(() => getProgram(context, 'p1'))) as RecordingServiceError;
    expect(context.sessionStore.getState().status).toBe('expired');
    const text = JSON.stringify(error) + inspect(error, { depth: 9 });
    expect(text).not.toContain('first-token-4242');
    expect(text).not.toContain('1700000000456');
  });

  // Before: `encodeSegment(String(reportId))` posted to /report/undefined, /report/null, /report/[object Object].
  it.each([undefined, null, {}, ''])(
    '(b) should refuse reportViewEnd with the report id %j, sending nothing',
    async (id) => {
      const seen = recordAll(undefined);
      const error = await caught(() => reportViewEnd(newContext(), 'p1', id as unknown as string));
      expect(error).toMatchObject({ kind: 'validation', details: { field: 'reportId' } });
      expect(seen).toHaveLength(0);
    },
  );

  it('(c) should keep the session in sessionStorage by default', async () => {
    server.use(authHandler());
    const { session: _memory, ...config } = testConfig();
    await signIn(newContext(config), PORTAL_TOKEN, 'alice');
    expect(sessionStorage.getItem(KEY)).toContain('alice');
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  // Before: only `local` storage followed other tabs (the storage event); with `session` or `memory` a sign-out
  // stayed in its tab.
  it.each(['session', 'memory', 'local'] as const)('(c) should sign every tab out with %s storage', async (storage) => {
    server.use(authHandler());
    const storageKey = `tabs-${storage}`;
    const config = testConfig({ session: { storage, storageKey } });
    const here = newContext(config);
    const there = newContext(config);
    await signIn(there, PORTAL_TOKEN, 'alice');
    await signIn(here, PORTAL_TOKEN, 'alice');
    signOut(here);
    await until(there, (state) => state.status === 'guest');
    expect(there.sessionStore.getState().token).toBeUndefined();
  });

  // Before: src/schemas.ts `dropNulls` recursed without bound: 2,300 levels were accepted as a program, and
  // 50,000 threw RangeError (not a RecordingServiceError).
  it.each([2300, 50_000])('(d) should refuse a %i-level nested answer as a validation error', async (levels) => {
    const deep = `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
    server.use(
      http.get(
        `${BASE}/api/manager/programs/p1`,
        () => new HttpResponse(`{"id":"p1","extra":${deep}}`, { headers: { 'content-type': 'application/json' } }),
      ),
    );
    const error = await caught(() => getProgram(newContext(), 'p1'));
    expect(error).not.toBeInstanceOf(RangeError);
    expect(error).toMatchObject({ kind: 'validation', name: 'RecordingServiceError' });
  });

  // Before: `out[key] = ...` with the key `__proto__` replaced the record's prototype.
  it('(d) should never merge an answer key __proto__ into the prototype', async () => {
    server.use(
      http.get(
        `${BASE}/api/manager/programs/p1`,
        () =>
          new HttpResponse('{"id":"p1","__proto__":{"polluted":true,"name":"evil"}}', {
            headers: { 'content-type': 'application/json' },
          }),
      ),
    );
    const program = await getProgram(newContext(), 'p1');
    expect(program.id).toBe('p1');
    expect((program as Record<string, unknown>).polluted).toBeUndefined();
    expect(program.name).toBeUndefined();
    expect(Object.getPrototypeOf(program)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
