import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordingServiceConfig } from '../../../hooks/index';
import { startEmulatorServer, type EmulatorServer } from '../../../src/emulator/server';
import { EMULATOR_AUTHORIZATION_PATH, EMULATOR_TENANT_ID } from '../../../src/emulator/users';

/** The emulator as a real server on 127.0.0.1, as the browser suites use it. */
export type RunningEmulator = EmulatorServer;

export interface StartEmulatorOptions {
  secure?: boolean;
  allowOrigins?: string[];
  /** `Access-Control-Max-Age` of preflight answers; 0 makes Chromium preflight every call. */
  corsMaxAgeSeconds?: number;
}

/**
 * Starts the emulator (seed `default`) on 127.0.0.1, port picked by the OS. When secure, its test CA
 * is made in a temporary directory removed on `close()`.
 */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const certDir = options.secure ? mkdtempSync(join(tmpdir(), 'rrs-emulator-certs-')) : undefined;
  const server = await startEmulatorServer({
    port: 0,
    host: '127.0.0.1',
    seed: 'default',
    secure: options.secure ?? false,
    allowOrigins: options.allowOrigins ?? [],
    ...(certDir && { certDir }),
    ...(options.corsMaxAgeSeconds !== undefined && { corsMaxAgeSeconds: options.corsMaxAgeSeconds }),
  });
  const close = server.close.bind(server);
  server.close = async () => {
    await close();
    if (certDir) rmSync(certDir, { recursive: true, force: true });
  };
  return server;
}

/** A config for the page pointing at `emulator` (recording and authorization server alike). */
export function emulatorConfig(
  emulator: Pick<RunningEmulator, 'port'>,
  overrides: Partial<RecordingServiceConfig> & { secure?: boolean; host?: string } = {},
): RecordingServiceConfig {
  const { secure = false, host = '127.0.0.1', ...rest } = overrides;
  return {
    host,
    port: emulator.port,
    isSecure: secure,
    tenantId: EMULATOR_TENANT_ID,
    authServer: { host, port: emulator.port, isSecure: secure, authorizationPath: EMULATOR_AUTHORIZATION_PATH },
    ...rest,
  };
}
