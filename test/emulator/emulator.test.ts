// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseServerDate } from '../../src/core/dates';
import { createRecordingEmulator } from '../../src/emulator/emulator';
import type { Program } from '../../src/core/types';
import { NOW } from './helpers';

const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

function withCredentials(url: string, credentials: Record<string, string>): URL {
  const out = new URL(url);
  for (const [key, value] of Object.entries(credentials)) out.searchParams.set(key, value);
  return out;
}

describe('createRecordingEmulator', () => {
  it('should forget changes, requests and tokens on reset', async () => {
    const emulator = createRecordingEmulator({ now: () => NOW });
    const credentials = emulator.signIn('alice');
    const url = withCredentials('http://acsr.test/api/manager/programs/p-004', credentials);
    await emulator.handle(new Request(url, { method: 'DELETE' }));
    expect(emulator.state.programs.get('p-004')?.deleted).toBe(true);
    emulator.reset();
    expect(emulator.state.programs.get('p-004')?.deleted).toBe(false);
    expect(emulator.requests).toEqual([]);
    expect((await emulator.handle(new Request(url))).status).toBe(401);
  });

  it('should store an uploaded thumbnail and serve it', async () => {
    const emulator = createRecordingEmulator({ now: () => NOW });
    const url = withCredentials('http://acsr.test/api/manager/programs/p-004', emulator.signIn('alice'));
    const response = await emulator.handle(
      new Request(url, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/vnd.avaya.asr.program.v2+json' },
        body: JSON.stringify({ thumbnailData: PNG_1X1, thumbnailMimeType: 'image/png' }),
      }),
    );
    const program = (await response.json()) as Program;
    const image = await emulator.handle(new Request(new URL(program.thumbnail!, 'http://acsr.test')));
    expect(image.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await image.arrayBuffer()).slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe(
      'PNG',
    );
    const refused = await emulator.handle(
      new Request(url, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/vnd.avaya.asr.program.v2+json' },
        body: JSON.stringify({ thumbnailData: PNG_1X1, thumbnailMimeType: 'image/bmp' }),
      }),
    );
    expect(refused.status).toBe(400);
  });

  it('should answer on custom resource paths and a fixed origin', async () => {
    const emulator = createRecordingEmulator({
      now: () => NOW,
      origin: 'https://cdn.example',
      resources: { programsUrl: '/acsr/programs' },
      authorizationPath: '/auth',
    });
    const page = await emulator.handle(new Request('http://acsr.test/acsr/programs?tenantId=default&count=1'));
    const body = (await page.json()) as { items: Program[] };
    expect(body.items[0]!.self).toMatch(/^https:\/\/cdn\.example\/acsr\/programs\//);
    const token = await emulator.handle(
      new Request('http://portal.test/auth', {
        method: 'POST',
        headers: { Authorization: 'UPToken portal-bob', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'tokenType=ACSR',
      }),
    );
    expect(await token.json()).toMatchObject({ token: expect.any(String), snapshotTimestamp: String(NOW) });
    expect((await emulator.handle(new Request('http://acsr.test/api/manager/programs?tenantId=default'))).status).toBe(
      404,
    );
  });

  it('should answer HEAD on media with the length and no body', async () => {
    const emulator = createRecordingEmulator({ now: () => NOW });
    const head = await emulator.handle(new Request('http://acsr.test/media/p-004.mp4', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(1000);
    expect(head.headers.get('accept-ranges')).toBe('bytes');
    expect(await head.text()).toBe('');
    expect((await emulator.handle(new Request('http://acsr.test/media/p-nope.mp4'))).status).toBe(404);
    const refused = await emulator.handle(new Request('http://acsr.test/media/p-001.mp4?download=1'));
    expect(refused.status).toBe(403);
  });

  it('should never send PINs, and accept the per-program access report without tenantId', async () => {
    const emulator = createRecordingEmulator({ now: () => NOW });
    const admin = emulator.signIn('admin');
    const list = await emulator.handle(
      new Request(withCredentials('http://acsr.test/api/manager/programs?count=1000', admin)),
    );
    const live = await emulator.handle(
      new Request(withCredentials('http://acsr.test/api/manager/programs/live?timezoneOffset=0&count=100', admin)),
    );
    const listText = await list.text();
    expect(listText).toContain('"passwordProtected":true');
    for (const text of [listText, await live.text()])
      expect(text).not.toMatch(/"password"|"moderatorPin"|"statusSequence"/);
    const { tenantId: _tenantId, ...withoutTenant } = emulator.signIn('alice');
    const report = await emulator.handle(
      new Request(withCredentials('http://acsr.test/api/manager/reports/programaccess/p-004', withoutTenant)),
    );
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toBe('application/vnd.avaya.asr.list.v2+json');
  });

  it('should filter the access report by range, dates, program, owner and delivery node', async () => {
    const emulator = createRecordingEmulator({ now: () => NOW });
    const admin = emulator.signIn('admin');
    const report = async (
      query: Record<string, string>,
    ): Promise<{ status: number; rows: Record<string, unknown>[] }> => {
      const url = withCredentials('http://acsr.test/api/manager/reports/programaccess', {
        ...admin,
        count: '1000',
        ...query,
      });
      const response = await emulator.handle(new Request(url));
      return {
        status: response.status,
        rows: response.ok ? ((await response.json()) as Record<string, unknown>[]) : [],
      };
    };
    const rowsOf = async (query: Record<string, string>): Promise<Record<string, unknown>[]> => {
      const { rows } = await report(query);
      expect(rows.length).toBeGreaterThan(0);
      return rows;
    };
    const all = (await report({ range: 'ALL' })).rows;
    expect(all).toHaveLength(40);
    const week = await rowsOf({ range: 'LAST_WEEK' });
    expect(week.length).toBeLessThan(all.length);
    // The emulator's server clock is UTC: offset 0.
    const msOf = (text: unknown): number => parseServerDate(text as string, 0)!.getTime();
    for (const row of week) expect(msOf(row.startDate)).toBeGreaterThanOrEqual(NOW - 7 * 86_400_000);
    for (const row of await rowsOf({ dnName: 'dn-2' })) expect(row.dnName).toBe('dn-2');
    for (const row of await rowsOf({ ownerName: 'bob' })) expect(row.ownerName).toBe('bob');
    const since = new Date(NOW - 10 * 86_400_000).toISOString();
    for (const row of await rowsOf({ startDate: since }))
      expect(msOf(row.startDate)).toBeGreaterThanOrEqual(Date.parse(since));
    expect((await report({ range: 'LAST_DECADE' })).status).toBe(400);
    expect((await report({ startDate: 'yesterday-ish' })).status).toBe(400);
    const alice = emulator.signIn('alice');
    const own = await emulator.handle(
      new Request(withCredentials('http://acsr.test/api/manager/reports/programaccess?count=1000', alice)),
    );
    const ownRows = (await own.json()) as Record<string, unknown>[];
    expect(ownRows.length).toBeGreaterThan(0);
    for (const row of ownRows) expect(row.ownerName).toBe('alice');
  });
});
