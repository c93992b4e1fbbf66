// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createRecordingEmulator, type RecordingEmulator } from '../../src/emulator/emulator';
import { EMULATOR_PROGRAMS } from '../../src/emulator/seeds';
import type { RetentionPolicy } from '../../src/core/types';
import { NOW } from './helpers';

const DAY = 86_400_000;
const BASE = 'http://acsr.test/api/manager/programs';

function call(
  emulator: RecordingEmulator,
  method: string,
  path: string,
  query: Record<string, string> = {},
  body?: unknown,
): Promise<Response> {
  const url = new URL(`${BASE}${path}`);
  for (const [key, value] of Object.entries({ ...emulator.signIn('alice'), ...query }))
    url.searchParams.set(key, value);
  return emulator.handle(
    new Request(url, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/vnd.avaya.asr.program.v2+json' } }),
    }),
  );
}

async function binIds(emulator: RecordingEmulator): Promise<string[]> {
  const page = (await (await call(emulator, 'GET', '', { onlyDeleted: 'true', count: '1000' })).json()) as {
    items: { id: string }[];
  };
  return page.items.map((p) => p.id);
}

describe('retention and restore', () => {
  it.each<[RetentionPolicy, number | undefined]>([
    ['FOREVER', undefined],
    ['N_DAYS', 7],
  ])('should keep deleted programs under %s and restore them', async (policy, days) => {
    const emulator = createRecordingEmulator({ now: () => NOW, retention: { policy, days } });
    expect((await call(emulator, 'DELETE', '/p-004')).status).toBe(204);
    expect(await binIds(emulator)).toContain('p-004');
    const restored = await call(emulator, 'PUT', '/p-004', {}, { deleted: false });
    expect(await restored.json()).toMatchObject({ id: 'p-004', deleted: false });
    expect(await binIds(emulator)).not.toContain('p-004');
  });

  it('should delete for good under DO_NOT_RETAIN, so nothing can be restored', async () => {
    const emulator = createRecordingEmulator({ now: () => NOW, retention: { policy: 'DO_NOT_RETAIN' } });
    await call(emulator, 'DELETE', '/p-004');
    expect(await binIds(emulator)).toEqual([]);
    expect((await call(emulator, 'PUT', '/p-004', {}, { deleted: false })).status).toBe(404);
    expect((await call(emulator, 'GET', '/p-004')).status).toBe(404);
  });

  it('should purge programs once they are older than N days', async () => {
    let clock = NOW;
    const emulator = createRecordingEmulator({ now: () => clock, retention: { policy: 'N_DAYS', days: 30 } });
    const bin = await binIds(emulator);
    expect(bin).toContain(EMULATOR_PROGRAMS.deletedOfAlice);
    expect(bin).not.toContain(EMULATOR_PROGRAMS.deletedExpired);
    await call(emulator, 'DELETE', '/p-004');
    clock += 29 * DAY;
    expect(await binIds(emulator)).toContain('p-004');
    clock += DAY;
    expect(await binIds(emulator)).not.toContain('p-004');
    expect((await call(emulator, 'PUT', '/p-004', {}, { deleted: false })).status).toBe(404);
  });

  it('should delete for good when asked, or when deleting from the recycle bin', async () => {
    const emulator = createRecordingEmulator({ now: () => NOW, retention: { policy: 'FOREVER' } });
    await call(emulator, 'DELETE', '/p-004', { permanent: 'true', deleteResources: 'false' });
    expect((await call(emulator, 'GET', '/p-004')).status).toBe(404);
    await call(emulator, 'DELETE', '/p-006');
    await call(emulator, 'DELETE', '/p-006');
    expect(await binIds(emulator)).not.toContain('p-006');
    expect((await call(emulator, 'DELETE', '/p-002', { permanent: 'yes' })).status).toBe(400);
  });

  it("should hide the recycle bin from other users and forbid deleting others' programs", async () => {
    const emulator = createRecordingEmulator({ now: () => NOW });
    const carol = emulator.signIn('carol');
    const url = new URL(BASE);
    for (const [key, value] of Object.entries({ ...carol, onlyDeleted: 'true' })) url.searchParams.set(key, value);
    expect(
      ((await (await emulator.handle(new Request(url))).json()) as { totalItemCount: number }).totalItemCount,
    ).toBe(0);
    const del = new URL(`${BASE}/p-004`);
    for (const [key, value] of Object.entries(carol)) del.searchParams.set(key, value);
    expect((await emulator.handle(new Request(del, { method: 'DELETE' }))).status).toBe(403);
  });
});
