// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createRecordingEmulator, type RecordingEmulator } from '../../src/emulator/emulator';
import type { AccessMode, PagedList, Program } from '../../src/core/types';
import { NOW } from './helpers';

const BASE = 'http://acsr.test/api/manager/programs';

function fresh(options: Parameters<typeof createRecordingEmulator>[0] = {}): RecordingEmulator {
  return createRecordingEmulator({ now: () => NOW, ...options });
}

function get(
  emulator: RecordingEmulator,
  path: string,
  login?: string,
  query: Record<string, string> = {},
): Promise<Response> {
  const credentials: Record<string, string> = login ? emulator.signIn(login) : { tenantId: 'default' };
  const url = new URL(`${BASE}${path}`);
  for (const [key, value] of Object.entries({ ...credentials, ...query })) url.searchParams.set(key, value);
  return emulator.handle(new Request(url));
}

/** Makes one program per access mode, owned by alice, USER_LIST naming carol. */
function matrixEmulator(): RecordingEmulator {
  const modes: AccessMode[] = ['PRIVATE', 'USER_LIST', 'ALL_USERS', 'PUBLIC'];
  return fresh({
    seed: {
      users: createRecordingEmulator({ seed: 'empty' }).users.map((u) => ({ ...u })),
      programs: modes.map((accessMode) => ({
        id: accessMode.toLowerCase(),
        owner: 'alice',
        accessMode,
        accessUsers: accessMode === 'USER_LIST' ? ['carol'] : [],
      })),
    },
  });
}

describe('access modes', () => {
  const cases: Array<[viewer: string, visible: string[], status: Record<string, number>]> = [
    ['alice', ['private', 'user_list', 'all_users', 'public'], {}],
    ['carol', ['user_list', 'all_users', 'public'], { private: 403 }],
    ['bob', ['all_users', 'public'], { private: 403, user_list: 403 }],
    ['admin', ['private', 'user_list', 'all_users', 'public'], {}],
    ['tara', ['private', 'user_list', 'all_users', 'public'], {}],
    ['guest', ['public'], { private: 401, user_list: 401, all_users: 401 }],
  ];

  it.each(cases)('should show %s exactly the programs its access allows', async (viewer, visible, status) => {
    const emulator = matrixEmulator();
    const login = viewer === 'guest' ? undefined : viewer;
    const list = (await (await get(emulator, '', login, { count: '100' })).json()) as PagedList<Program>;
    expect(list.items.map((p) => p.id).sort()).toEqual([...visible].sort());
    expect(list.totalItemCount).toBe(visible.length);
    for (const id of ['private', 'user_list', 'all_users', 'public']) {
      const response = await get(emulator, `/${id}`, login);
      expect(response.status).toBe(status[id] ?? 200);
      if (response.ok) {
        const program = (await response.json()) as Program;
        expect(program.canEdit).toBe(viewer === 'alice' || viewer === 'admin' || viewer === 'tara');
      }
    }
  });

  it('should hide public programs from guests when guest access is off', async () => {
    const emulator = matrixEmulator();
    emulator.setGuestAccess(false);
    expect((await get(emulator, '/public')).status).toBe(401);
    expect((await get(emulator, '/public', 'bob')).status).toBe(200);
  });

  it('should keep tenants apart in multi-tenant mode', async () => {
    const emulator = fresh({ multiTenant: true });
    const acme = emulator.signIn('zoe');
    const url = new URL(BASE);
    for (const [key, value] of Object.entries({ ...acme, count: '100' })) url.searchParams.set(key, value);
    const list = (await (await emulator.handle(new Request(url))).json()) as PagedList<Program>;
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((p) => p.tenantId === 'acme')).toBe(true);
    const wrongTenant = new URL(BASE);
    for (const [key, value] of Object.entries({ ...acme, tenantId: 'default' }))
      wrongTenant.searchParams.set(key, value);
    expect((await emulator.handle(new Request(wrongTenant))).status).toBe(403);
    const tenant = await emulator.handle(new Request('http://acsr.test/api/manager/tenants/acme?tenantId=acme'));
    expect(await tenant.json()).toMatchObject({
      id: 'acme',
      allowGuestAccess: false,
      recordingRetentionPolicy: 'FOREVER',
    });
    const guests = await emulator.handle(new Request(`${BASE}?tenantId=acme`));
    expect(guests.status).toBe(401);
  });

  it('should answer 401 for a token of another user and 400 without tenantId', async () => {
    const emulator = fresh();
    const { token, timestamp } = emulator.signIn('alice');
    const url = `${BASE}/p-004?tenantId=default&user=bob&token=${token}&timestamp=${timestamp}`;
    expect((await emulator.handle(new Request(url))).status).toBe(401);
    expect((await emulator.handle(new Request(`${BASE}/p-004`))).status).toBe(400);
  });
});
