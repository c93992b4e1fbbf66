import { createRecordingClient, type RecordingClient } from '../../src/core/client';
import type { RecordingServiceConfig } from '../../src/core/config';
import type { RecordingEmulator, RecordingEmulatorOptions } from '../../src/emulator/emulator';
import { EMULATOR_AUTHORIZATION_PATH } from '../../src/emulator/users';

/** The clock of every emulator in these suites: Monday 2 March 2026, 12:00 UTC. */
export const NOW = Date.parse('2026-03-02T12:00:00.000Z');

/** A transport under test: how a fresh emulator is reached. */
export interface Transport {
  name: string;
  /** Starts a fresh emulator; `stop` is called after each test. */
  start(options?: RecordingEmulatorOptions): Promise<Running>;
}

export interface Running {
  emulator: RecordingEmulator;
  /** Recording server base URL, no trailing slash. */
  baseUrl: string;
  config: RecordingServiceConfig;
  stop(): Promise<void>;
}

/** A client config for a recording server at `baseUrl` whose portal is at `authBaseUrl`. */
export function configFor(baseUrl: string, authBaseUrl: string = baseUrl): RecordingServiceConfig {
  const server = new URL(baseUrl);
  const auth = new URL(authBaseUrl);
  const port = (url: URL): number | undefined => (url.port ? Number(url.port) : undefined);
  return {
    host: server.hostname,
    port: port(server),
    isSecure: server.protocol === 'https:',
    tenantId: 'default',
    authServer: {
      host: auth.hostname,
      port: port(auth),
      isSecure: auth.protocol === 'https:',
      authorizationPath: EMULATOR_AUTHORIZATION_PATH,
    },
    retry: { attempts: 0 },
    session: { storage: 'memory' },
  };
}

/** A client of `running`, signed in as `login` when given. */
export async function clientAs(running: Running, login?: string): Promise<RecordingClient> {
  const client = createRecordingClient(running.config);
  if (login) {
    const user = running.emulator.users.find((u) => u.login === login);
    if (!user) throw new Error(`no emulator user ${login}`);
    await client.session.signIn(user.portalToken, login);
  }
  return client;
}

/** The rejection of `promise` (fails the test when it resolves). */
export async function rejectionOf(
  promise: Promise<unknown>,
): Promise<{ kind?: string; status?: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { kind?: string; status?: number; message: string };
  }
  throw new Error('expected a rejection');
}

/** A URL on `baseUrl` with the given query. */
export function urlOf(baseUrl: string, path: string, query: Record<string, string> = {}): string {
  const url = new URL(path, `${baseUrl}/`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}
