// @vitest-environment node
import axios from 'axios';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { chatMessageLength, type RecordingClient, type RecordingListParams } from '../../src/core';
import {
  AUTH_URL,
  BASE,
  PORTAL_TOKEN,
  SERVER_TOKEN,
  SNAPSHOT,
  authHandler,
  caught,
  see,
  testConfig,
  trackClients,
  startMswServer,
  type SeenRequest,
} from './support';

const server = startMswServer();
const newClient = trackClients();

const vnd = (name: string) => `application/vnd.avaya.${name}+json`;
const details = vnd('asr.response.details.v2');

const program = { id: 'p1', name: 'Town hall', accessMode: 'PUBLIC', unknownField: { kept: true } };
const page = { items: [program], totalItemCount: 41 };

/** Records every request to the recording server and answers `body` with `contentType` (JSON by default). */
function recordAll(body: unknown = {}, contentType = 'application/json') {
  const seen: SeenRequest[] = [];
  server.use(
    http.all(`${BASE}/*`, async ({ request }) => {
      seen.push(await see(request));
      if (body === undefined) return new HttpResponse(null, { status: 204 });
      return new HttpResponse(typeof body === 'string' ? body : JSON.stringify(body), {
        headers: { 'Content-Type': contentType },
      });
    }),
  );
  return seen;
}

async function signedIn(): Promise<RecordingClient> {
  server.use(authHandler());
  const client = newClient();
  await client.session.signIn(PORTAL_TOKEN, 'alice@example.com');
  return client;
}

function only(seen: SeenRequest[]): SeenRequest {
  expect(seen).toHaveLength(1);
  return seen[0]!;
}

function queryOf(request: SeenRequest): Record<string, string> {
  return Object.fromEntries(request.query.entries());
}

describe('createRecordingClient operations', () => {
  describe('programs', () => {
    it('should list recordings with every query parameter, false and 0 included', async () => {
      const seen = recordAll(page, vnd('asr.paged.list.v2'));
      const client = newClient();
      const result = await client.programs.list({
        query: 'town hall',
        offset: 0,
        count: 20,
        orderBy: 'name',
        orderBy2: 'creationDate',
        category: 'c1',
        ownerId: 'bob',
        onlyDeleted: false,
      });
      expect(result.items[0]).toMatchObject({ id: 'p1', unknownField: { kept: true } });
      expect(result.totalItemCount).toBe(41);
      const request = only(seen);
      expect(request.method).toBe('GET');
      expect(request.path).toBe('/api/manager/programs');
      expect(request.headers.get('accept')).toBe(`${vnd('asr.paged.list.v2')}, ${details}`);
      expect(request.headers.get('authorization')).toBeNull();
      expect(queryOf(request)).toEqual({
        query: 'town hall',
        offset: '0',
        count: '20',
        orderBy: 'name',
        orderBy2: 'creationDate',
        category: 'c1',
        ownerId: 'bob',
        onlyDeleted: 'false',
        tenantId: 'default',
      });
    });

    it('should send only tenantId for a guest with no parameters, without a stray &', async () => {
      const seen = recordAll(page, vnd('asr.paged.list.v2'));
      await newClient().programs.list();
      expect(only(seen).rawQuery).toBe('?tenantId=default');
    });

    it('should refuse orderBy2 without orderBy before sending', async () => {
      const seen = recordAll(page);
      const error = await caught(() => newClient().programs.list({ orderBy2: 'name' }));
      expect(error).toMatchObject({ kind: 'validation' });
      expect(seen).toHaveLength(0);
    });

    it('should list by category and by publisher', async () => {
      const seen = recordAll(page, vnd('asr.paged.list.v2'));
      const client = newClient();
      await client.programs.listByCategory('c/1', { offset: 0, count: 5 });
      await client.programs.listByPublisher('bob smith', { offset: 10, count: 5, onlyDeleted: true });
      expect(seen.map((r) => r.path)).toEqual([
        '/api/manager/programs/category/c%2F1',
        '/api/manager/programs/publisher/bob%20smith/vod',
      ]);
      expect(queryOf(seen[0]!)).toEqual({ offset: '0', count: '5', tenantId: 'default' });
      expect(queryOf(seen[1]!)).toEqual({ offset: '10', count: '5', onlyDeleted: 'true', tenantId: 'default' });
      expect(seen[1]!.headers.get('accept')).toBe(`${vnd('asr.paged.list.v2')}, ${details}`);
    });

    it.each([
      ['all', '/api/manager/programs/live'],
      ['future', '/api/manager/programs/live/future'],
      ['today', '/api/manager/programs/live/today'],
      ['now', '/api/manager/programs/live/now'],
    ] as const)('should list %s broadcasts with the caller time-zone offset', async (when, path) => {
      const seen = recordAll(page, vnd('asr.paged.list.v2'));
      await newClient().programs.broadcasts(when, { count: 3 });
      const request = only(seen);
      expect(request.path).toBe(path);
      expect(request.query.get('timezoneOffset')).toBe(String(new Date().getTimezoneOffset()));
      expect(request.query.get('count')).toBe('3');
    });

    it('should send a given time-zone offset, 0 included', async () => {
      const seen = recordAll(page, vnd('asr.paged.list.v2'));
      await newClient().programs.broadcasts('now', { timezoneOffset: 0, query: 'q' });
      expect(queryOf(only(seen))).toEqual({ timezoneOffset: '0', query: 'q', tenantId: 'default' });
    });

    it('should get one program with dnid', async () => {
      const seen = recordAll(program, vnd('asr.program.v2'));
      const result = await newClient().programs.get('p1', { dnid: 'dn 1' });
      expect(result.name).toBe('Town hall');
      const request = only(seen);
      expect(request.path).toBe('/api/manager/programs/p1');
      expect(request.headers.get('accept')).toBe(`${vnd('asr.program.v2')}, ${details}`);
      expect(request.rawQuery).toBe('?dnid=dn%201&tenantId=default');
    });

    it('should unlock a program with its password in the body only', async () => {
      const seen = recordAll(program, vnd('asr.program.v2'));
      await newClient().programs.authorize('p1', 's3cret!');
      const request = only(seen);
      expect(request.method).toBe('POST');
      expect(request.path).toBe('/api/manager/programs/p1/authorize/');
      expect(request.headers.get('content-type')).toBe(vnd('asr.program.password.v2'));
      expect(JSON.parse(request.body)).toEqual({ password: 's3cret!' });
      expect(request.href).not.toContain('s3cret');
    });

    it('should get the playback address, or POST it with a password', async () => {
      const address = { available: true, streams: { primaryMediaHlsUrl: 'https://cdn/x.m3u8' } };
      const seen = recordAll(address, vnd('asr.program.address.v2'));
      const client = newClient();
      const plain = await client.programs.playbackAddress('p1', { dnid: 'd1' });
      await client.programs.playbackAddress('p1', { password: 'pw-123' });
      await client.programs.playbackAddress('p1', { password: '' });
      expect(plain.streams?.primaryMediaHlsUrl).toBe('https://cdn/x.m3u8');
      expect(seen.map((r) => `${r.method} ${r.path}${r.rawQuery}`)).toEqual([
        'GET /api/manager/programs/p1/url?dnid=d1&tenantId=default',
        'POST /api/manager/programs/p1/url?tenantId=default',
        'GET /api/manager/programs/p1/url?tenantId=default',
      ]);
      expect(seen[1]!.headers.get('content-type')).toBe(vnd('asr.program.address.v2'));
      expect(JSON.parse(seen[1]!.body)).toEqual({ password: 'pw-123' });
      expect(seen[0]!.headers.get('accept')).toBe(`${vnd('asr.program.address.v2')}, ${details}`);
      expect(seen[0]!.headers.get('content-type')).toBeNull();
    });

    it('should get the status', async () => {
      const seen = recordAll({ programId: 'p1', state: 'COMPLETE' }, vnd('asr.program.status.v2'));
      expect((await newClient().programs.status('p1')).state).toBe('COMPLETE');
      expect(only(seen).path).toBe('/api/manager/programs/p1/status');
      expect(seen[0]!.headers.get('accept')).toBe(`${vnd('asr.program.status.v2')}, ${details}`);
    });

    it.each([
      ['a JSON string', '"r-1"', 'application/json', 'r-1'],
      ['a JSON number', '42', 'application/json', '42'],
      ['an {id} object', '{"id":"r-2"}', vnd('asr.program.report.receipt.v2'), 'r-2'],
      ['a {reportId} object', '{"reportId":7}', vnd('asr.program.report.receipt.v2'), '7'],
      ['plain text', 'r-3\n', 'text/plain', 'r-3'],
      ['a {receipt} object, as the legacy client read it', '{"receipt":"r-4"}', 'application/json', 'r-4'],
      ['a {receipt: {id}} object', '{"receipt":{"id":88}}', vnd('asr.program.report.receipt.v2'), '88'],
    ])('should start a view report answered with %s', async (_label, body, contentType, reportId) => {
      const seen = recordAll(body, contentType);
      const receipt = await newClient().programs.reportViewStart('p1', { dnId: 'dn1' });
      expect(receipt.reportId).toBe(reportId);
      expect(receipt.raw).toBeDefined();
      const request = only(seen);
      expect(`${request.method} ${request.path}${request.rawQuery}`).toBe(
        'POST /api/manager/programs/p1/report?dnId=dn1&tenantId=default',
      );
      expect(request.headers.get('accept')).toBe(`${vnd('asr.program.report.receipt.v2')}, ${details}`);
      expect(request.headers.get('content-type')).toBeNull();
    });

    it('should refuse a receipt without a report id', async () => {
      recordAll('{"other":1}');
      expect(await caught(() => newClient().programs.reportViewStart('p1'))).toMatchObject({ kind: 'validation' });
    });

    it('should end a view report with axios, or with fetch keepalive', async () => {
      const seen = recordAll(undefined);
      const client = newClient();
      await expect(client.programs.reportViewEnd('p1', 'r 1', { dnId: 'dn1' })).resolves.toBeUndefined();
      await expect(client.programs.reportViewEnd('p1', 'r2', { keepalive: true })).resolves.toBeUndefined();
      expect(seen.map((r) => `${r.method} ${r.path}${r.rawQuery}`)).toEqual([
        'POST /api/manager/programs/p1/report/r%201?dnId=dn1&tenantId=default',
        'POST /api/manager/programs/p1/report/r2?tenantId=default',
      ]);
      expect(seen.every((r) => r.headers.get('accept') === details)).toBe(true);
    });

    it('should update only the given fields', async () => {
      const seen = recordAll(program, vnd('asr.program.v2'));
      await newClient().programs.update('p1', { name: 'New', public: false, accessUsers: [] });
      const request = only(seen);
      expect(request.method).toBe('PUT');
      expect(request.path).toBe('/api/manager/programs/p1');
      expect(request.headers.get('content-type')).toBe(vnd('asr.program.v2'));
      expect(request.headers.get('accept')).toBe(`${vnd('asr.program.v2')}, ${details}`);
      expect(JSON.parse(request.body)).toEqual({ name: 'New', public: false, accessUsers: [] });
    });

    it('should send a thumbnail with its type', async () => {
      const seen = recordAll(program, vnd('asr.program.v2'));
      await newClient().programs.update('p1', { thumbnailData: 'iVBORw0KGgo=', thumbnailMimeType: 'image/png' });
      expect(JSON.parse(only(seen).body)).toEqual({ thumbnailData: 'iVBORw0KGgo=', thumbnailMimeType: 'image/png' });
    });

    it.each([
      ['an unknown field', { colour: 'red' }, 'colour'],
      ['a read-only field', { viewCount: 3 }, 'viewCount'],
      ['a never-sent field', { stream: true }, 'stream'],
      ['deleted (restore only)', { deleted: false }, 'deleted'],
      ['a bad accessMode', { accessMode: 'EVERYONE' }, 'accessMode'],
      ['a non-string name', { name: 5 }, 'name'],
      ['an empty name', { name: ' ' }, 'name'],
      ['a non-boolean public', { public: 'yes' }, 'public'],
      ['accessUsers not strings', { accessUsers: [1] }, 'accessUsers'],
      ['thumbnailData without type', { thumbnailData: 'AAAA' }, 'thumbnailMimeType'],
      ['thumbnailData with a bad type', { thumbnailData: 'AAAA', thumbnailMimeType: 'image/bmp' }, 'thumbnailMimeType'],
      ['thumbnailData not base64', { thumbnailData: 'not base64!', thumbnailMimeType: 'image/png' }, 'thumbnailData'],
      ['no field at all', {}, undefined],
    ])('should refuse an update with %s before sending', async (_label, changes, field) => {
      const seen = recordAll(program);
      const error = await caught(() => newClient().programs.update('p1', changes as never));
      expect(error).toMatchObject({ kind: 'validation' });
      if (field) expect(error).toMatchObject({ details: { field } });
      expect(seen).toHaveLength(0);
    });

    it('should restore with deleted false', async () => {
      const seen = recordAll(program, vnd('asr.program.v2'));
      await newClient().programs.restore('p1');
      const request = only(seen);
      expect(request.method).toBe('PUT');
      expect(JSON.parse(request.body)).toEqual({ deleted: false });
      expect(request.headers.get('content-type')).toBe(vnd('asr.program.v2'));
    });

    it('should delete with permanent and deleteResources, false included', async () => {
      const seen = recordAll(undefined);
      const client = newClient();
      await client.programs.remove('p1', { permanent: true, deleteResources: false });
      await client.programs.remove('p2');
      expect(seen.map((r) => `${r.method} ${r.path}${r.rawQuery}`)).toEqual([
        'DELETE /api/manager/programs/p1?deleteResources=false&permanent=true&tenantId=default',
        'DELETE /api/manager/programs/p2?tenantId=default',
      ]);
      expect(seen[0]!.headers.get('accept')).toBe(details);
    });
  });

  describe('categories and templates', () => {
    it('should list and get categories and templates', async () => {
      const seen: SeenRequest[] = [];
      server.use(
        http.get(`${BASE}/api/manager/:kind`, async ({ request }) => {
          seen.push(await see(request));
          return HttpResponse.json([{ id: 'x1', name: 'X' }]);
        }),
        http.get(`${BASE}/api/manager/:kind/:id`, async ({ request }) => {
          seen.push(await see(request));
          return HttpResponse.json({ id: 'x1', name: 'X' });
        }),
      );
      const client = newClient();
      expect(await client.categories.list()).toEqual([{ id: 'x1', name: 'X' }]);
      expect(await client.categories.get('x1')).toEqual({ id: 'x1', name: 'X' });
      expect(await client.templates.list()).toEqual([{ id: 'x1', name: 'X' }]);
      expect(await client.templates.get('x1')).toEqual({ id: 'x1', name: 'X' });
      expect(seen.map((r) => `${r.path} ${r.headers.get('accept')}`)).toEqual([
        `/api/manager/categories ${vnd('asr.list.v2')}, ${details}`,
        `/api/manager/categories/x1 ${vnd('asr.program.category.v2')}, ${details}`,
        `/api/manager/templates ${vnd('asr.list.v2')}, ${details}`,
        `/api/manager/templates/x1 ${vnd('asr.program.template.v2')}, ${details}`,
      ]);
    });

    it('should accept a list wrapped in items', async () => {
      recordAll({ items: [{ id: 'c1' }] });
      expect(await newClient().categories.list()).toEqual([{ id: 'c1' }]);
    });
  });

  describe('chat', () => {
    it('should list Q&A sessions with the moderator PIN', async () => {
      const seen = recordAll([{ sessionId: 's1', unansweredCount: 2 }]);
      expect(await newClient().chat.sessions('p1', { moderatorPin: '9876' })).toEqual([
        { sessionId: 's1', unansweredCount: 2 },
      ]);
      const request = only(seen);
      expect(`${request.method} ${request.path}${request.rawQuery}`).toBe(
        'GET /api/manager/programs/p1/chat/sessions/?moderatorPin=9876&tenantId=default',
      );
      expect(request.headers.get('accept')).toBe(`${vnd('asr.list.v2')}, ${details}`);
    });

    it('should get one session with messages after a timestamp', async () => {
      const seen = recordAll({ sessionId: 's1', messages: [{ message: 'hi', type: 'QUESTION', timestamp: 5 }] });
      const session = await newClient().chat.session('p1', 's1', { after: 0 });
      expect(session.messages?.[0]?.message).toBe('hi');
      const request = only(seen);
      expect(`${request.path}${request.rawQuery}`).toBe(
        '/api/manager/programs/p1/chat/sessions/s1?chatTimestamp=0&tenantId=default',
      );
      expect(request.headers.get('accept')).toBe(`${vnd('chat.session.v2')}, ${details}`);
    });

    it('should open a session as a sender', async () => {
      const seen = recordAll({ sessionId: 's9' });
      expect((await newClient().chat.openSession('p1', { sender: 'Ann & Bob' })).sessionId).toBe('s9');
      const request = only(seen);
      expect(`${request.method} ${request.path}${request.rawQuery}`).toBe(
        'POST /api/manager/programs/p1/chat/sessions/?sender=Ann%20%26%20Bob&tenantId=default',
      );
      expect(request.headers.get('accept')).toBe(`${vnd('chat.session.v2')}, ${details}`);
    });

    it('should post a message', async () => {
      const seen = recordAll(undefined);
      await newClient().chat.post(
        'p1',
        's1',
        { message: 'Answer', type: 'RESPONSE', senderDisplayName: 'Mod' },
        { moderatorPin: '1234' },
      );
      const request = only(seen);
      expect(`${request.method} ${request.path}${request.rawQuery}`).toBe(
        'POST /api/manager/programs/p1/chat/sessions/s1?moderatorPin=1234&tenantId=default',
      );
      expect(request.headers.get('content-type')).toBe(vnd('chat.message.v2'));
      // The message as the caller gave it, as the legacy client sent it: no sessionId added (WIRE.md, issue 10).
      expect(JSON.parse(request.body)).toEqual({
        message: 'Answer',
        type: 'RESPONSE',
        senderDisplayName: 'Mod',
      });
    });

    it('should refuse a message over 1024 UTF-16 units before sending, and accept exactly 1024', async () => {
      const seen = recordAll(undefined);
      const client = newClient();
      const error = await caught(() => client.chat.post('p1', 's1', { message: 'x'.repeat(1025), type: 'QUESTION' }));
      expect(error).toMatchObject({ kind: 'validation', details: { field: 'message' } });
      // The limit counts UTF-16 code units, as the Java server's String.length() does: an emoji counts 2.
      const emoji = await caught(() => client.chat.post('p1', 's1', { message: '😀'.repeat(513), type: 'QUESTION' }));
      expect(emoji).toMatchObject({ kind: 'validation', details: { field: 'message', maxLength: 1024 } });
      expect(seen).toHaveLength(0);
      expect(chatMessageLength('😀'.repeat(512))).toBe(1024);
      await client.chat.post('p1', 's1', { message: '😀'.repeat(512), type: 'QUESTION' });
      await client.chat.post('p1', 's1', { message: 'x'.repeat(1024), type: 'QUESTION' });
      expect(seen).toHaveLength(2);
    });
  });

  describe('settings and reports', () => {
    it('should get the system settings and the configured or a given tenant', async () => {
      const seen = recordAll({ id: 'default', allowGuestAccess: true, multiTenant: false });
      const client = newClient();
      await client.settings.system();
      expect((await client.settings.tenant()).allowGuestAccess).toBe(true);
      await client.settings.tenant('other tenant');
      expect(seen.map((r) => r.path)).toEqual([
        '/api/manager/system/settings',
        '/api/manager/tenants/default',
        '/api/manager/tenants/other%20tenant',
      ]);
      expect(seen[0]!.headers.get('accept')).toBe('application/json');
    });

    it('should take request options alone as the last argument of tenant()', async () => {
      const seen = recordAll({ id: 'default' });
      const client = newClient();
      await client.settings.tenant({ signal: new AbortController().signal });
      await client.settings.tenant(undefined, { signal: new AbortController().signal });
      expect(seen.map((r) => r.path)).toEqual(['/api/manager/tenants/default', '/api/manager/tenants/default']);
      const aborted = AbortSignal.abort();
      expect(await caught(() => client.settings.tenant({ signal: aborted }))).toMatchObject({ kind: 'aborted' });
      expect(seen).toHaveLength(2);
    });

    it('should get the access and viewer reports with their parameters', async () => {
      const seen = recordAll([{ programId: 'p1', username: null, guest: true }]);
      const client = newClient();
      const access = await client.reports.access({ range: 'LAST_WEEK', ownerName: 'bob', offset: 0, count: 50 });
      expect(access[0]).toMatchObject({ username: null, guest: true });
      await client.reports.accessForProgram('p1', {
        startDate: '2024-01-01',
        endDate: '2024-02-01',
        userAgent: 'Fire fox',
      });
      await client.reports.viewers('p1', { dnName: 'dn', dnAddress: '10.0.0.1' });
      expect(seen.map((r) => `${r.path}${r.rawQuery}`)).toEqual([
        '/api/manager/reports/programaccess?offset=0&count=50&ownerName=bob&range=LAST_WEEK&tenantId=default',
        '/api/manager/reports/programaccess/p1?startDate=2024-01-01&endDate=2024-02-01&userAgent=Fire%20fox&tenantId=default',
        '/api/manager/reports/programview/p1?dnName=dn&dnAddress=10.0.0.1&tenantId=default',
      ]);
      expect(seen.every((r) => r.headers.get('accept') === `${vnd('asr.list.v2')}, ${details}`)).toBe(true);
    });
  });

  describe('encoding', () => {
    it.each([
      ['a slash', 'a/b', 'a%2Fb'],
      ['a question mark', 'a?b', 'a%3Fb'],
      ['a hash', 'a#b', 'a%23b'],
      ['dots around a slash', '../x', '..%2Fx'],
      ['dots inside', 'a..b', 'a..b'],
      ['a space and unicode', 'ré cap', 'r%C3%A9%20cap'],
      ['reserved characters', 'a&b=c+d', 'a%26b%3Dc%2Bd'],
    ])('should keep %s inside one id segment', async (_label, id, encoded) => {
      const seen = recordAll(program, vnd('asr.program.v2'));
      await newClient().programs.get(id);
      expect(only(seen).path).toBe(`/api/manager/programs/${encoded}`);
    });

    it.each([
      ['%2e', '%252e'],
      ['%2e%2E', '%252e%252E'],
    ])(
      'should send the id %j, which only spells a dot, encoded as %j (issue 9: it was refused)',
      async (id, encoded) => {
        // Caught the old `pathDotSegment = /^(?:\.|%2e){1,2}$/i` in src/core/http.ts, which refused these ids.
        const seen = recordAll(program, vnd('asr.program.v2'));
        await newClient().programs.get(id);
        expect(only(seen).path).toBe(`/api/manager/programs/${encoded}`);
      },
    );

    it.each(['..', '.'])('should refuse the id %j that no URL parser keeps as a segment', async (id) => {
      const seen = recordAll(program);
      expect(await caught(() => newClient().programs.get(id))).toMatchObject({ kind: 'validation' });
      expect(seen).toHaveLength(0);
    });

    it('should percent-encode every query value', async () => {
      const seen = recordAll(page, vnd('asr.paged.list.v2'));
      await newClient().programs.list({ query: 'a&b=c+d e/é?#' });
      expect(only(seen).rawQuery).toBe('?query=a%26b%3Dc%2Bd%20e%2F%C3%A9%3F%23&tenantId=default');
      expect(seen[0]!.query.get('query')).toBe('a&b=c+d e/é?#');
    });

    it('should leave out null parameters from JavaScript, as undefined ones, but send false and 0', async () => {
      const seen = recordAll(page, vnd('asr.paged.list.v2'));
      const params = { category: null, query: null, offset: 0, onlyDeleted: false } as unknown as RecordingListParams;
      await newClient().programs.list(params);
      expect(only(seen).rawQuery).toBe('?offset=0&onlyDeleted=false&tenantId=default');
    });

    it('should take a numeric id from JavaScript as its text', async () => {
      const seen = recordAll(program, vnd('asr.program.v2'));
      await newClient().programs.get(12345 as unknown as string);
      expect(only(seen).path).toBe('/api/manager/programs/12345');
    });

    it('should refuse text that cannot be encoded (a lone surrogate) as a validation error, sending nothing', async () => {
      const seen = recordAll(page, vnd('asr.paged.list.v2'));
      const client = newClient();
      expect(await caught(() => client.programs.get('a\uD800'))).toMatchObject({ kind: 'validation' });
      expect(await caught(() => client.programs.list({ query: 'b\uDC00' }))).toMatchObject({
        kind: 'validation',
        message: expect.stringContaining('query'),
      });
      expect(seen).toHaveLength(0);
    });
  });

  describe('scheme, port and credentials', () => {
    it('should use http and a non-default port when configured', async () => {
      const seen: SeenRequest[] = [];
      server.use(
        http.get('http://rec.test:8080/api/manager/system/settings', async ({ request }) => {
          seen.push(await see(request));
          return HttpResponse.json({});
        }),
      );
      await newClient(testConfig({ isSecure: false, port: 8080 })).settings.system();
      expect(only(seen).href).toBe('http://rec.test:8080/api/manager/system/settings?tenantId=default');
    });

    it('should use https on the default port when secure', async () => {
      const seen = recordAll({});
      await newClient().settings.system();
      expect(only(seen).href).toBe('https://rec.test/api/manager/system/settings?tenantId=default');
    });

    it('should use custom resource paths', async () => {
      const seen = recordAll(page, vnd('asr.paged.list.v2'));
      await newClient(testConfig({ resources: { programsUrl: '/acsr/v2/programs' } })).programs.list();
      expect(only(seen).path).toBe('/acsr/v2/programs');
    });

    it('should send user, token and timestamp as query parameters once signed in, never a header', async () => {
      const client = await signedIn();
      const seen = recordAll(page, vnd('asr.paged.list.v2'));
      await client.programs.list({ count: 1 });
      await client.programs.remove('p1', { permanent: false });
      for (const request of seen) {
        expect(request.query.get('tenantId')).toBe('default');
        expect(request.query.get('user')).toBe('alice@example.com');
        expect(request.query.get('token')).toBe(SERVER_TOKEN);
        expect(request.query.get('timestamp')).toBe(SNAPSHOT);
        expect(request.headers.get('authorization')).toBeNull();
      }
      expect(seen[0]!.rawQuery).toBe(
        `?count=1&tenantId=default&user=alice%40example.com&token=${SERVER_TOKEN}&timestamp=${SNAPSHOT}`,
      );
    });

    it('should send through a given axios instance, with timeoutMs and withCredentials', async () => {
      const seenConfigs: { timeout?: number; withCredentials?: boolean; url?: string }[] = [];
      const instance = axios.create();
      instance.interceptors.request.use((request) => {
        seenConfigs.push({ timeout: request.timeout, withCredentials: request.withCredentials, url: request.url });
        return request;
      });
      const seen = recordAll({});
      await newClient(testConfig({ timeoutMs: 1234, withCredentials: true }), { axios: instance }).settings.system();
      expect(seenConfigs).toEqual([
        { timeout: 1234, withCredentials: true, url: `${BASE}/api/manager/system/settings?tenantId=default` },
      ]);
      expect(seen).toHaveLength(1);
    });

    it('should send the token exchange as WIRE.md describes', async () => {
      const seen: SeenRequest[] = [];
      server.use(authHandler([SERVER_TOKEN], seen));
      const client = newClient();
      await client.session.signIn(PORTAL_TOKEN, 'alice');
      const request = only(seen);
      expect(request.method).toBe('POST');
      expect(request.href).toBe(AUTH_URL);
      expect(request.headers.get('authorization')).toBe(`UPToken ${PORTAL_TOKEN}`);
      expect(request.headers.get('accept')).toBe(
        'application/vnd.avaya.portal.authentication.content_server_token.v1+json, application/vnd.avaya.csa.error.v1+json',
      );
      expect(request.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
      expect(request.body).toBe('tokenType=ACSR');
    });
  });
});
