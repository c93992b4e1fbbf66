import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  RecordingClient,
  RecordingServiceConfig,
  RecordingServiceError,
  SessionSnapshot,
  SessionState,
} from '../../src/core';
import {
  AUTH_URL,
  BASE,
  PORTAL_TOKEN,
  SERVER_TOKEN,
  SNAPSHOT,
  authHandler,
  caught,
  see,
  startMswServer,
  testConfig,
  trackClients,
  type SeenRequest,
} from './support';

const server = startMswServer();
const newClient = trackClients();
const KEY = 'react-recording-service:session';

afterEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

const local = (extra: Partial<RecordingServiceConfig> = {}) => testConfig({ session: { storage: 'local' }, ...extra });
const stored = (storage: Storage = localStorage) => storage.getItem(KEY);

/** Resolves when `client`'s session state satisfies `predicate`. */
function until(client: RecordingClient, predicate: (state: SessionState) => boolean): Promise<SessionState> {
  return new Promise((resolve) => {
    if (predicate(client.sessionStore.getState())) return resolve(client.sessionStore.getState());
    const stop = client.sessionStore.subscribe((state) => {
      if (predicate(state)) {
        stop();
        resolve(state);
      }
    });
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Answers programs.get with 200 for `goodToken`, 401 otherwise; records requests. */
function programsNeed(goodToken: string) {
  const seen: SeenRequest[] = [];
  server.use(
    http.get(`${BASE}/api/manager/programs/:id`, async ({ request, params }) => {
      seen.push(await see(request));
      const token = new URL(request.url).searchParams.get('token');
      if (token !== goodToken) return HttpResponse.json({ message: 'expired' }, { status: 401 });
      return HttpResponse.json({ id: params.id });
    }),
  );
  return seen;
}

describe('client session', () => {
  it('should go from guest to signing-in to user, exposing no token in snapshots', async () => {
    server.use(authHandler());
    const client = newClient();
    const statuses: string[] = [];
    client.session.subscribe((snapshot) => statuses.push(snapshot.status));
    expect(client.session.current()).toEqual({ status: 'guest' });
    const result = await client.session.signIn(PORTAL_TOKEN, 'alice');
    expect(statuses).toEqual(['signing-in', 'user']);
    expect(result).toEqual({ status: 'user', user: 'alice', signedInAt: expect.any(Number) });
    expect(client.session.current()).toEqual(result);
    expect(JSON.stringify(client.session.current())).not.toContain(SERVER_TOKEN);
    expect(client.sessionStore.getState()).toMatchObject({ status: 'user', token: SERVER_TOKEN, timestamp: SNAPSHOT });
  });

  it('should fall back to guest with an unauthorized error when the portal refuses', async () => {
    server.use(http.post(AUTH_URL, () => HttpResponse.json({ reason: 'no' }, { status: 401 })));
    const client = newClient();
    const error = await caught(() => client.session.signIn(PORTAL_TOKEN, 'alice'));
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(client.session.current()).toMatchObject({ status: 'guest', error: { kind: 'unauthorized' } });
  });

  it('should refuse to sign in without an authServer, with a hint', async () => {
    const { authServer: _ignored, ...config } = testConfig();
    const error = await caught(() => newClient(config).session.signIn(PORTAL_TOKEN, 'alice'));
    expect(error).toMatchObject({ kind: 'config', hint: expect.stringMatching(/authServer/) });
  });

  it('should refuse a sign-in answer without a token', async () => {
    server.use(http.post(AUTH_URL, () => HttpResponse.json({ snapshotTimestamp: 1 })));
    const client = newClient();
    expect(await caught(() => client.session.signIn(PORTAL_TOKEN, 'alice'))).toMatchObject({ kind: 'validation' });
    expect(client.session.current().status).toBe('guest');
  });

  describe('storage', () => {
    it('should persist user, token, timestamp and signedInAt in localStorage, never the portal token', async () => {
      server.use(authHandler());
      const client = newClient(local());
      await client.session.signIn(PORTAL_TOKEN, 'alice');
      expect(JSON.parse(stored()!)).toEqual({
        user: 'alice',
        token: SERVER_TOKEN,
        timestamp: SNAPSHOT,
        signedInAt: expect.any(Number),
      });
      const everything = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
      expect(everything).not.toContain(PORTAL_TOKEN);
    });

    it('should restore the session in a new client and send its credentials', async () => {
      server.use(authHandler());
      await newClient(local()).session.signIn(PORTAL_TOKEN, 'alice');
      const seen = programsNeed(SERVER_TOKEN);
      const restored = newClient(local());
      expect(restored.session.current()).toMatchObject({ status: 'user', user: 'alice' });
      await restored.programs.get('p1');
      expect(seen[0]!.query.get('user')).toBe('alice');
      expect(seen[0]!.query.get('token')).toBe(SERVER_TOKEN);
    });

    it('should use sessionStorage for storage session, and nothing for memory', async () => {
      server.use(authHandler());
      await newClient(testConfig({ session: { storage: 'session' } })).session.signIn(PORTAL_TOKEN, 'alice');
      expect(stored(sessionStorage)).toContain(SERVER_TOKEN);
      expect(stored(localStorage)).toBeNull();
      sessionStorage.clear();
      await newClient(testConfig({ session: { storage: 'memory' } })).session.signIn(PORTAL_TOKEN, 'alice');
      expect(localStorage.length + sessionStorage.length).toBe(0);
    });

    it('should give the signed-out state as the initial (server) state of a restored session', () => {
      localStorage.setItem(KEY, JSON.stringify({ user: 'alice', token: 't', timestamp: '1', signedInAt: 1 }));
      const client = newClient(local());
      expect(client.sessionStore.getState()).toMatchObject({ status: 'user', user: 'alice' });
      expect(client.sessionStore.getInitialState()).toEqual({ status: 'guest' });
    });

    it('should ignore and remove a corrupt stored session', () => {
      localStorage.setItem(KEY, '{"user":1');
      expect(newClient(local()).session.current().status).toBe('guest');
      expect(stored()).toBeNull();
    });

    it('should sign out locally: store, storage and timers cleared, nothing sent', async () => {
      const exchanges: SeenRequest[] = [];
      server.use(authHandler([SERVER_TOKEN], exchanges));
      const client = newClient(local({ session: { storage: 'local', refreshIntervalMs: 20 } }));
      await client.session.signIn(PORTAL_TOKEN, 'alice');
      client.session.signOut();
      expect(client.session.current()).toEqual({ status: 'guest' });
      expect(client.sessionStore.getState().token).toBeUndefined();
      expect(stored()).toBeNull();
      await pause(80);
      expect(exchanges).toHaveLength(1);
    });
  });

  describe('refresh', () => {
    it('should repeat the exchange every refreshIntervalMs with the in-memory portal token', async () => {
      const exchanges: SeenRequest[] = [];
      server.use(authHandler(['t1', 't2', 't3'], exchanges));
      const client = newClient(local({ session: { storage: 'local', refreshIntervalMs: 20 } }));
      await client.session.signIn(PORTAL_TOKEN, 'alice');
      await until(client, (state) => state.token === 't3');
      client.session.stopRefresh();
      expect(exchanges.map((r) => r.headers.get('authorization'))).toEqual(Array(3).fill(`UPToken ${PORTAL_TOKEN}`));
      expect(JSON.parse(stored()!).token).toBe('t3');
      expect(client.session.current().status).toBe('user');
    });

    it('should keep one timer when startRefresh is called repeatedly, and restart after stop', async () => {
      const exchanges: SeenRequest[] = [];
      server.use(authHandler(['t1', 't2'], exchanges));
      const client = newClient(testConfig({ session: { storage: 'memory', refreshIntervalMs: 25 } }));
      await client.session.signIn(PORTAL_TOKEN, 'alice');
      const stop = client.session.startRefresh();
      stop();
      client.session.startRefresh();
      client.session.startRefresh();
      await until(client, (state) => state.token === 't2');
      client.session.stopRefresh();
      expect(exchanges).toHaveLength(2);
    });

    it('should end the session as expired when a refresh fails, notifying onExpired once', async () => {
      let calls = 0;
      server.use(
        http.post(AUTH_URL, () =>
          ++calls === 1
            ? HttpResponse.json({ token: 't1', snapshotTimestamp: 1 })
            : new HttpResponse(null, { status: 401 }),
        ),
      );
      const client = newClient(local({ session: { storage: 'local', refreshIntervalMs: 20 } }));
      const expired: RecordingServiceError[] = [];
      client.session.onExpired((error) => expired.push(error));
      await client.session.signIn(PORTAL_TOKEN, 'alice');
      const state = await until(client, (s) => s.status === 'expired');
      expect(state.token).toBeUndefined();
      expect(state.error).toMatchObject({ kind: 'unauthorized' });
      expect(stored()).toBeNull();
      await pause(60);
      expect(expired).toHaveLength(1);
      expect(calls).toBe(2);
    });

    it('should stop refreshing after dispose', async () => {
      const exchanges: SeenRequest[] = [];
      server.use(authHandler(['t1'], exchanges));
      const client = newClient(testConfig({ session: { storage: 'memory', refreshIntervalMs: 20 } }));
      await client.session.signIn(PORTAL_TOKEN, 'alice');
      client.dispose();
      await pause(80);
      expect(exchanges).toHaveLength(1);
    });
  });

  describe('401 on a recording-server call', () => {
    it('should re-exchange once for 50 concurrent 401s and replay each call', async () => {
      const exchanges: SeenRequest[] = [];
      server.use(authHandler(['old', 'fresh'], exchanges));
      const client = newClient();
      await client.session.signIn(PORTAL_TOKEN, 'alice');
      const seen = programsNeed('fresh');
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => client.programs.get(`p${i}`)));
      expect(results.map((r) => r.id)).toEqual(Array.from({ length: 50 }, (_, i) => `p${i}`));
      expect(exchanges).toHaveLength(2);
      expect(seen.filter((r) => r.query.get('token') === 'old')).toHaveLength(50);
      expect(seen.filter((r) => r.query.get('token') === 'fresh')).toHaveLength(50);
    });

    it('should expire and fail the calls as unauthorized when the re-exchange fails', async () => {
      let calls = 0;
      server.use(
        http.post(AUTH_URL, () =>
          ++calls === 1
            ? HttpResponse.json({ token: 'old', snapshotTimestamp: 1 })
            : new HttpResponse(null, { status: 401 }),
        ),
      );
      const client = newClient();
      const expired: RecordingServiceError[] = [];
      client.session.onExpired((error) => expired.push(error));
      await client.session.signIn(PORTAL_TOKEN, 'alice');
      programsNeed('never');
      const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => client.programs.get('p1')));
      expect(
        outcomes.every((o) => o.status === 'rejected' && (o.reason as RecordingServiceError).kind === 'unauthorized'),
      ).toBe(true);
      expect(calls).toBe(2);
      expect(client.session.current().status).toBe('expired');
      expect(expired).toHaveLength(1);
    });

    it('should expire a restored session (no portal token) on its first 401, without an exchange', async () => {
      localStorage.setItem(KEY, JSON.stringify({ user: 'alice', token: 'stale', timestamp: '1', signedInAt: 1 }));
      const client = newClient(local());
      const expired: RecordingServiceError[] = [];
      client.session.onExpired((error) => expired.push(error));
      expect(client.session.current().status).toBe('user');
      programsNeed('fresh');
      expect(await caught(() => client.programs.get('p1'))).toMatchObject({ kind: 'unauthorized', status: 401 });
      expect(client.session.current().status).toBe('expired');
      expect(expired).toHaveLength(1);
      expect(stored()).toBeNull();
    });

    it('should not re-exchange for a guest', async () => {
      programsNeed('fresh');
      const client = newClient();
      expect(await caught(() => client.programs.get('p1'))).toMatchObject({ kind: 'unauthorized' });
      expect(client.session.current()).toEqual({ status: 'guest' });
    });
  });

  describe('races and other tabs', () => {
    it('should abandon a sign-in when signing out meanwhile', async () => {
      let release: () => void = () => undefined;
      server.use(
        http.post(AUTH_URL, async () => {
          await new Promise<void>((resolve) => (release = resolve));
          return HttpResponse.json({ token: 't', snapshotTimestamp: 1 });
        }),
      );
      const client = newClient(local());
      const signing = client.session.signIn(PORTAL_TOKEN, 'alice');
      await until(client, (state) => state.status === 'signing-in');
      client.session.signOut();
      release();
      expect(await caught(() => signing)).toMatchObject({ kind: 'aborted' });
      expect(client.session.current()).toEqual({ status: 'guest' });
      expect(stored()).toBeNull();
    });

    it("should follow another tab's sign-in and sign-out until disposed", () => {
      const client = newClient(local());
      const snapshots: SessionSnapshot[] = [];
      client.session.subscribe((snapshot) => snapshots.push(snapshot));
      const other = JSON.stringify({ user: 'bob', token: 'tab-token', timestamp: '9', signedInAt: 5 });
      window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: other, storageArea: localStorage }));
      expect(client.session.current()).toEqual({ status: 'user', user: 'bob', signedInAt: 5 });
      expect(client.sessionStore.getState().token).toBe('tab-token');
      window.dispatchEvent(
        new StorageEvent('storage', { key: 'unrelated', newValue: null, storageArea: localStorage }),
      );
      expect(client.session.current().status).toBe('user');
      window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: null, storageArea: localStorage }));
      expect(client.session.current()).toEqual({ status: 'guest' });
      expect(snapshots.map((s) => s.status)).toEqual(['user', 'guest']);
      client.dispose();
      window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: other, storageArea: localStorage }));
      expect(client.session.current()).toEqual({ status: 'guest' });
    });

    it('should attach no window listener until the session is observed, so a thrown-away client leaks none', () => {
      const added: string[] = [];
      const original = window.addEventListener.bind(window);
      window.addEventListener = ((type: string, ...rest: [EventListenerOrEventListenerObject]) => {
        added.push(type);
        original(type, ...rest);
      }) as typeof window.addEventListener;
      try {
        const client = newClient(local());
        expect(added).not.toContain('storage');
        const unsubscribe = client.sessionStore.subscribe(() => undefined);
        expect(added.filter((type) => type === 'storage')).toHaveLength(1);
        client.session.startRefresh()();
        client.session.subscribe(() => undefined)();
        expect(added.filter((type) => type === 'storage')).toHaveLength(1);
        unsubscribe();
      } finally {
        window.addEventListener = original;
      }
    });

    it('should not follow other tabs when storage is session or memory', () => {
      const client = newClient(testConfig({ session: { storage: 'session' } }));
      const other = JSON.stringify({ user: 'bob', token: 'tab-token', timestamp: '9', signedInAt: 5 });
      window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: other, storageArea: localStorage }));
      expect(client.session.current().status).toBe('guest');
    });

    it('should keep one store per client', async () => {
      server.use(authHandler());
      const a = newClient();
      const b = newClient();
      await a.session.signIn(PORTAL_TOKEN, 'alice');
      expect(b.session.current().status).toBe('guest');
      expect(a.sessionStore).not.toBe(b.sessionStore);
    });
  });
});
