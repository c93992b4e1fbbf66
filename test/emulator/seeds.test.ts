// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRecordingEmulator } from '../../src/emulator/emulator';
import { sampleMp4, sampleMp4Md5 } from '../../src/emulator/media';
import { EMULATOR_PROGRAMS } from '../../src/emulator/seeds';
import { EMULATOR_USERS } from '../../src/emulator/users';
import { createMd5 } from '../../src/core/md5';
import type { PagedList, Program } from '../../src/core/types';
import { NOW } from './helpers';

describe('seeds', () => {
  it('should build the same default seed for the same clock', () => {
    const a = createRecordingEmulator({ now: () => NOW });
    const b = createRecordingEmulator({ now: () => new Date(NOW) });
    expect([...a.state.programs.values()]).toEqual([...b.state.programs.values()]);
    expect(a.state.views).toEqual(b.state.views);
  });

  it('should give the default seed every case the UI has to show', () => {
    const programs = [...createRecordingEmulator({ now: () => NOW }).state.programs.values()];
    expect(programs.length).toBeGreaterThanOrEqual(60);
    expect(new Set(programs.map((p) => p.accessMode))).toEqual(
      new Set(['PRIVATE', 'USER_LIST', 'ALL_USERS', 'PUBLIC']),
    );
    expect(new Set(programs.map((p) => p.owner)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(programs.map((p) => p.categoryId)).size).toBe(6);
    expect(programs.filter((p) => p.deleted).length).toBeGreaterThan(0);
    expect(programs.filter((p) => p.password).length).toBeGreaterThan(0);
    expect(programs.filter((p) => p.live).length).toBeGreaterThan(0);
    expect(programs.some((p) => /<img src=x onerror=alert\(1\)>/.test(p.name))).toBe(true);
    expect(programs.some((p) => [...p.name].some((c) => c.codePointAt(0)! > 0xff))).toBe(true);
    for (const id of Object.values(EMULATOR_PROGRAMS)) expect(programs.map((p) => p.id)).toContain(id);
  });

  it('should build 10,000 programs for the many seed and page through them', async () => {
    const emulator = createRecordingEmulator({ seed: 'many', now: () => NOW });
    expect(emulator.state.programs.size).toBe(10_000);
    const url = new URL('http://acsr.test/api/manager/programs');
    for (const [key, value] of Object.entries({
      ...emulator.signIn('admin'),
      offset: '9990',
      count: '20',
      orderBy: 'creationDate',
    })) {
      url.searchParams.set(key, value);
    }
    const page = (await (await emulator.handle(new Request(url))).json()) as PagedList<Program>;
    expect(page.totalItemCount).toBe(10_000);
    expect(page.items).toHaveLength(10);
  });

  it('should start the empty seed with users and catalogs but no programs', () => {
    const emulator = createRecordingEmulator({ seed: 'empty' });
    expect(emulator.state.programs.size).toBe(0);
    expect(emulator.users.map((u) => u.login)).toEqual(EMULATOR_USERS.map((u) => u.login));
    expect(emulator.state.categories.size).toBe(6);
  });

  it('should embed a real MP4 whose md5Hash every seeded recording carries', () => {
    const bytes = sampleMp4();
    expect(String.fromCharCode(...bytes.slice(4, 8))).toBe('ftyp');
    expect(sampleMp4Md5()).toBe(createMd5().update(bytes).digest());
    expect(sampleMp4Md5()).toBe('5f2bfb49a71d1614317ddbf87a685346');
  });

  it('should keep node-only modules out of the emulator core, so it runs in browsers', () => {
    const dir = join(__dirname, '../../src/emulator');
    const nodeOnly = new Set(['server.ts', 'certs.ts', 'cli.ts']);
    const core = readdirSync(dir).filter((f) => f.endsWith('.ts') && !nodeOnly.has(f));
    expect(core.length).toBeGreaterThan(5);
    for (const file of core) {
      const source = readFileSync(join(dir, file), 'utf8');
      expect(source, file).not.toMatch(/from '(node:|\.\/(server|certs|cli)')/);
      expect(source, file).not.toMatch(/Math\.random\(|Buffer\./);
    }
    const barrel = readFileSync(join(dir, '../testing/index.ts'), 'utf8');
    expect(barrel).not.toMatch(/from '[^']*\/(server|certs|cli)'/);
  });
});
