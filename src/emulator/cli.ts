#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { EMULATOR_MODERATOR_PIN, EMULATOR_PROGRAM_PIN } from './seeds';
import { startEmulatorServer, type EmulatorServerRequest } from './server';
import type { EmulatorSeedName } from './types';

const HELP = `recording-service-emulator: an ACSR API 2.0 recording server for development and tests

Usage: recording-service-emulator [options]

  --port <n>            port to listen on (0 = any free port; default 0)
  --host <name>         interface (default 127.0.0.1)
  --seed <name>         default | many | empty (default: default)
  --secure              serve HTTPS with a local test CA (made on first run, reused later)
  --cert-dir <dir>      where the test CA and certificate live (default ~/.recording-service-emulator)
  --cert <file>         PEM certificate to use instead (with --key)
  --key <file>          PEM private key of --cert
  --allow-origin <url>  origin allowed by CORS; repeat for more ('*' allows any)
  --log                 print each request (method, path, status; secrets redacted)
  --help                show this help
`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${HELP}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        port: { type: 'string', default: '0' },
        host: { type: 'string', default: '127.0.0.1' },
        seed: { type: 'string', default: 'default' },
        secure: { type: 'boolean', default: false },
        'cert-dir': { type: 'string' },
        cert: { type: 'string' },
        key: { type: 'string' },
        'allow-origin': { type: 'string', multiple: true, default: [] },
        log: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535, not ${values.port}`);
  if (!['default', 'many', 'empty'].includes(values.seed))
    fail(`--seed must be default, many or empty, not ${values.seed}`);
  if (!!values.cert !== !!values.key) fail('--cert and --key go together');

  const server = await startEmulatorServer({
    port,
    host: values.host,
    seed: values.seed as EmulatorSeedName,
    secure: values.secure,
    allowOrigins: values['allow-origin'],
    ...(values.log
      ? {
          onRequest: (r: EmulatorServerRequest) => {
            const query = new URLSearchParams(r.query).toString();
            process.stdout.write(`${r.method} ${r.path}${query ? `?${query}` : ''} -> ${r.status ?? 0}\n`);
          },
        }
      : {}),
    ...(values['cert-dir'] ? { certDir: values['cert-dir'] } : {}),
    ...(values.cert && values.key ? { cert: values.cert, key: values.key } : {}),
  });

  const lines = [
    `ACSR emulator (seed ${values.seed}) listening on ${server.url}`,
    `  recording server: ${server.url}  (tenantId=default)`,
    `  authorization:    POST ${server.authUrl}  (Authorization: UPToken <portal token>, body tokenType=ACSR)`,
  ];
  if (server.caCertPath)
    lines.push(`  test CA:          ${server.caCertPath}  (trust it, or pass SPKI ${server.spkiSha256} to Chromium)`);
  else if (server.secure) lines.push(`  certificate SPKI: ${server.spkiSha256}`);
  lines.push(
    `  CORS origins:     ${values['allow-origin'].length ? values['allow-origin'].join(', ') : '(none)'}`,
    '',
    '  users (login / role / portal token):',
    ...server.emulator.users.map((u) => `    ${u.login.padEnd(8)} ${u.role.padEnd(12)} ${u.portalToken}`),
    '',
    `  program PIN ${EMULATOR_PROGRAM_PIN}, Q&A moderator PIN ${EMULATOR_MODERATOR_PIN}. Ctrl-C to stop.`,
    '',
  );
  process.stdout.write(lines.join('\n'));

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping\n`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`recording-service-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
