// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createRecordingEmulator, type RecordingEmulator } from '../../src/emulator/emulator';
import { sampleMp4 } from '../../src/emulator/media';
import { MEDIA_TYPES } from '../../src/emulator/http';
import { EMULATOR_MODERATOR_PIN, EMULATOR_PROGRAMS } from '../../src/emulator/seeds';
import { NOW } from './helpers';

const BASE = 'http://acsr.test';
const P = `${BASE}/api/manager/programs`;

function withQuery(url: string, query: Record<string, string>): URL {
  const out = new URL(url);
  for (const [key, value] of Object.entries(query)) out.searchParams.set(key, value);
  return out;
}

function fresh(): RecordingEmulator {
  return createRecordingEmulator({ now: () => NOW });
}

describe('the emulator at the edges of WIRE.md', () => {
  it('should answer the token exchange with or without a trailing slash', async () => {
    const emulator = fresh();
    for (const path of [emulator.paths.authorizationPath, `${emulator.paths.authorizationPath}/`]) {
      const response = await emulator.handle(
        new Request(`${BASE}${path}`, {
          method: 'POST',
          headers: { Authorization: 'UPToken portal-alice', 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'tokenType=ACSR',
        }),
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(MEDIA_TYPES.authToken);
      expect(await response.json()).toMatchObject({ token: expect.any(String), snapshotTimestamp: expect.anything() });
    }
  });

  it('should serve one byte range, a suffix range, and the whole file for ranges it does not serve', async () => {
    const emulator = fresh();
    const mp4 = sampleMp4();
    const get = (range: string): Promise<Response> =>
      emulator.handle(new Request(`${BASE}/media/p-004.mp4`, { headers: { Range: range } }));

    const suffix = await get('bytes=-10');
    expect(suffix.status).toBe(206);
    expect(suffix.headers.get('content-range')).toBe(`bytes ${mp4.length - 10}-${mp4.length - 1}/${mp4.length}`);
    expect(new Uint8Array(await suffix.arrayBuffer())).toEqual(mp4.slice(mp4.length - 10));

    const open = await get('bytes=100-');
    expect(open.status).toBe(206);
    expect((await open.arrayBuffer()).byteLength).toBe(mp4.length - 100);

    for (const unsatisfiable of ['bytes=-0', `bytes=${mp4.length}-`, 'bytes=9-3']) {
      const response = await get(unsatisfiable);
      expect(response.status).toBe(416);
      expect(response.headers.get('content-range')).toBe(`bytes */${mp4.length}`);
    }

    for (const ignored of ['bytes=0-1,5-6', 'items=0-1']) {
      const response = await get(ignored);
      expect(response.status).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBe(mp4.length);
    }
  });

  it('should send a broken body on a body-less answer when the malformed-json fault hits it', async () => {
    const emulator = fresh();
    const receipt = await emulator.handle(
      new Request(withQuery(`${P}/p-004/report`, { tenantId: 'default' }), { method: 'POST' }),
    );
    expect(receipt.headers.get('content-type')).toBe(MEDIA_TYPES.reportReceipt);
    const body = (await receipt.json()) as { reportId: string };
    expect(body).toEqual({ receipt: body.reportId, reportId: body.reportId, id: body.reportId });
    const { reportId } = body;
    emulator.setFaults({ rules: [{ kind: 'malformed-json', path: '/report/' }] });
    const end = await emulator.handle(
      new Request(withQuery(`${P}/p-004/report/${reportId}`, { tenantId: 'default' }), { method: 'POST' }),
    );
    expect(end.status).toBe(200);
    const text = await end.text();
    expect(text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(emulator.requests.at(-1)).toMatchObject({ fault: 'malformed-json', status: 204 });
  });

  it('should answer 401 to a guest who updates or deletes, and 403 to a signed-in user who may not', async () => {
    const emulator = fresh();
    const put = (query: Record<string, string>): Promise<Response> =>
      emulator.handle(
        new Request(withQuery(`${P}/${EMULATOR_PROGRAMS.publicRecording}`, query), {
          method: 'PUT',
          headers: { 'Content-Type': MEDIA_TYPES.program },
          body: JSON.stringify({ name: 'Renamed' }),
        }),
      );
    const del = (query: Record<string, string>): Promise<Response> =>
      emulator.handle(new Request(withQuery(`${P}/${EMULATOR_PROGRAMS.publicRecording}`, query), { method: 'DELETE' }));
    const guest = { tenantId: 'default' };
    const carol = emulator.signIn('carol');
    expect((await put(guest)).status).toBe(401);
    expect((await del(guest)).status).toBe(401);
    const refused = await put(carol);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toBe(MEDIA_TYPES.details);
    expect((await del(carol)).status).toBe(403);
    expect(emulator.state.programs.get(EMULATOR_PROGRAMS.publicRecording)).toMatchObject({
      name: expect.not.stringMatching('Renamed'),
      deleted: false,
    });
  });

  it('should take orderBy field names in any case, with the direction after a colon or a space', async () => {
    const emulator = fresh();
    const admin = emulator.signIn('admin');
    const views = async (orderBy: string): Promise<number[]> => {
      const response = await emulator.handle(new Request(withQuery(P, { ...admin, count: '1000', orderBy })));
      expect(response.status).toBe(200);
      return ((await response.json()) as { items: { viewCount: number }[] }).items.map((p) => p.viewCount);
    };
    const ascending = await views('viewCount');
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(await views('VIEWCOUNT asc')).toEqual(ascending);
    const descending = [...ascending].sort((a, b) => b - a);
    expect(await views('viewcount desc')).toEqual(descending);
    expect(await views('viewCount:DESC')).toEqual(descending);
    expect(await views('-viewCount')).toEqual(descending);
  });

  it('should count a Q&A message in characters, so 1024 emoji pass and 1025 letters do not', async () => {
    const emulator = fresh();
    const post = (message: string): Promise<Response> =>
      emulator.handle(
        new Request(
          withQuery(`${P}/${EMULATOR_PROGRAMS.liveNow}/chat/sessions/s-seed-1`, {
            tenantId: 'default',
            moderatorPin: EMULATOR_MODERATOR_PIN,
          }),
          {
            method: 'POST',
            headers: { 'Content-Type': MEDIA_TYPES.chatMessage },
            body: JSON.stringify({ message, type: 'QUESTION' }),
          },
        ),
      );
    expect((await post('🎬'.repeat(1024))).status).toBe(204);
    const tooLong = await post('x'.repeat(1025));
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toMatchObject({ details: { field: 'message', length: 1025 } });
  });

  it('should cover the whole day of a bare endDate, and take the viewers report without tenantId', async () => {
    const emulator = fresh();
    const { tenantId: _tenantId, ...alice } = emulator.signIn('alice');
    await emulator.handle(
      new Request(withQuery(`${P}/p-004/report`, { tenantId: 'default', dnId: 'dn-7' }), { method: 'POST' }),
    );
    const day = new Date(NOW).toISOString().slice(0, 10);
    const access = await emulator.handle(
      new Request(
        withQuery(`${BASE}/api/manager/reports/programaccess/p-004`, { ...alice, startDate: day, endDate: day }),
      ),
    );
    expect(access.status).toBe(200);
    expect(await access.json()).toEqual([expect.objectContaining({ programId: 'p-004', dnName: 'dn-7' })]);
    const viewers = await emulator.handle(
      new Request(withQuery(`${BASE}/api/manager/reports/programview/p-004`, { ...alice, endDate: day })),
    );
    expect(viewers.status).toBe(200);
    expect(viewers.headers.get('content-type')).toBe(MEDIA_TYPES.list);
    const [report] = (await viewers.json()) as { totalViews: number; guestUserViews: number }[];
    expect(report!.guestUserViews).toBeGreaterThanOrEqual(1);
    expect(report!.totalViews).toBeGreaterThanOrEqual(report!.guestUserViews);
  });

  it('should move a broadcast from scheduled to started to complete as the clock moves', async () => {
    let now = NOW;
    const emulator = createRecordingEmulator({ now: () => now });
    const id = EMULATOR_PROGRAMS.liveLaterToday;
    const look = async (): Promise<{ program: unknown; state: unknown; liveNow: string[] }> => {
      const query = { ...emulator.signIn('admin'), timezoneOffset: '0', count: '100' };
      const program: unknown = await (await emulator.handle(new Request(withQuery(`${P}/${id}`, query)))).json();
      const status = (await (await emulator.handle(new Request(withQuery(`${P}/${id}/status`, query)))).json()) as {
        state: unknown;
      };
      const page = (await (await emulator.handle(new Request(withQuery(`${P}/live/now`, query)))).json()) as {
        items: { id: string }[];
      };
      return { program, state: status.state, liveNow: page.items.map((p) => p.id) };
    };
    const before = await look();
    expect(before.program).toMatchObject({ live: true, started: false, programStatus: 'SCHEDULED' });
    expect(before.state).toBe('SCHEDULED');
    expect(before.liveNow).not.toContain(id);

    now = NOW + 61 * 60_000;
    const during = await look();
    expect(during.program).toMatchObject({ started: true, programStatus: 'STARTED' });
    expect(during.state).toBe('STARTED');
    expect(during.liveNow).toContain(id);

    now = NOW + 3 * 3_600_000;
    const after = await look();
    expect(after.program).toMatchObject({ started: true, programStatus: 'COMPLETE' });
    expect(after.state).toBe('COMPLETE');
    expect(after.liveNow).not.toContain(id);
  });

  it('should answer 405 with Allow for a known path under the wrong method, and 404 for an unknown path', async () => {
    const emulator = fresh();
    const admin = emulator.signIn('admin');
    const call = (method: string, path: string): Promise<Response> =>
      emulator.handle(new Request(withQuery(`${BASE}${path}`, admin), { method }));
    const cases: Array<[string, string, string]> = [
      ['POST', '/api/manager/programs', 'GET'],
      ['PUT', '/api/manager/programs/', 'GET'],
      ['POST', '/api/manager/programs/p-004/status', 'GET'],
      ['GET', '/api/manager/programs/p-004/report', 'POST'],
      ['PUT', '/api/manager/categories/c-general', 'GET'],
      ['POST', '/api/manager/reports/programview/p-004', 'GET'],
      ['PUT', '/api/manager/system/settings', 'GET'],
      ['DELETE', '/api/manager/tenants/default', 'GET'],
    ];
    for (const [method, path, allow] of cases) {
      const response = await call(method, path);
      expect([method, path, response.status, response.headers.get('allow')]).toEqual([method, path, 405, allow]);
      expect(response.headers.get('content-type')).toBe(MEDIA_TYPES.details);
    }
    expect((await call('GET', '/api/manager/nothing')).status).toBe(404);
    expect((await call('GET', '/api/manager/programs/live/all')).status).toBe(404);
    expect((await call('POST', '/api/manager/programs/p-nope/status')).status).toBe(404);
  });
});
