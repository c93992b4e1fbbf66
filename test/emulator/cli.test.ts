// @vitest-environment node
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

function run(args: string[]): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  // tsx as a loader in one process: the tsx CLI would relay signals to a child and SIGKILL it (exit 130)
  // when the child does not confirm within 30 ms, which a loaded machine misses.
  const proc = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/emulator/cli.ts'), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let text = '';
  proc.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  proc.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { child: proc, output: () => text, exited };
}

describe('recording-service-emulator', () => {
  it('should print its URL, auth URL and users, serve, and stop cleanly on SIGTERM', async () => {
    const cli = run([
      '--port',
      '0',
      '--log',
      '--allow-origin',
      'http://app.test',
      '--allow-origin',
      'http://other.test',
    ]);
    await expect.poll(() => cli.output(), { timeout: 15_000 }).toMatch(/Ctrl-C to stop/);
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(cli.output())?.[1];
    expect(cli.output()).toContain(`POST ${url}/ups/resources/authorization`);
    expect(cli.output()).toMatch(/alice\s+publisher\s+portal-alice/);
    expect(cli.output()).toContain('http://app.test, http://other.test');
    const response = await fetch(`${url}/api/manager/categories?tenantId=default`, {
      headers: { Origin: 'http://other.test' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://other.test');
    await expect.poll(() => cli.output()).toContain('GET /api/manager/categories?tenantId=default -> 200');
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  });

  it('should print help, and refuse bad flags', async () => {
    const help = run(['--help']);
    expect(await help.exited).toBe(0);
    expect(help.output()).toContain('--allow-origin');
    const bad = run(['--seed', 'huge']);
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toContain('--seed must be');
  });

  it('should serve HTTPS on every interface with --host 0.0.0.0, print a loopback URL and its CA, and stop on SIGINT', async () => {
    const certDir = mkdtempSync(join(tmpdir(), 'emulator-cli-certs-'));
    try {
      const cli = run(['--secure', '--host', '0.0.0.0', '--port', '0', '--cert-dir', certDir]);
      await expect.poll(() => cli.output(), { timeout: 15_000 }).toMatch(/Ctrl-C to stop/);
      const url = /listening on (https:\/\/127\.0\.0\.1:\d+)/.exec(cli.output())?.[1];
      expect(url).toBeDefined();
      const caPath = join(certDir, 'ca.pem');
      expect(cli.output()).toContain(caPath);
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpsRequest(
          `${url}/api/manager/system/settings`,
          { ca: readFileSync(caPath, 'utf8'), agent: false },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(200);
      cli.child.kill('SIGINT');
      expect(await cli.exited).toBe(0);
      expect(cli.output()).toContain('SIGINT: stopping');
    } finally {
      rmSync(certDir, { recursive: true, force: true });
    }
  });
});
