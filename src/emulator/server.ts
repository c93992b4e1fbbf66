import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { ensureCertificates, spkiSha256 } from './certs';
import { createRecordingEmulator, type RecordingEmulator, type RecordingEmulatorOptions } from './emulator';
import { redactHeaders, redactQuery } from './http';
import type { EmulatorSeedData, EmulatorSeedName } from './types';

/** Options of {@link startEmulatorServer}. */
export interface EmulatorServerOptions {
  /** Port; 0 (the default) lets the OS pick a free one. */
  port?: number;
  /** Interface to listen on. Defaults to `127.0.0.1`. */
  host?: string;
  /** Serve HTTPS. Without `cert`/`key`, a local test CA and certificate are made in `certDir`. */
  secure?: boolean;
  /** Where the generated CA and certificate live. Defaults to `~/.recording-service-emulator`. */
  certDir?: string;
  /** Path of a PEM server certificate (with `key`), instead of generating one. */
  cert?: string;
  /** Path of the PEM private key of `cert`. */
  key?: string;
  /** Origins allowed by CORS (e.g. `http://localhost:5173`, compared as URL origins; `*` allows any). Defaults to none. */
  allowOrigins?: string[];
  /** Seed of the emulator it creates. Defaults to `'default'`. Ignored with `emulator`. */
  seed?: EmulatorSeedName | EmulatorSeedData;
  /** Other options of the emulator it creates. Ignored with `emulator`. */
  emulatorOptions?: Omit<RecordingEmulatorOptions, 'seed'>;
  /** Serve this emulator instead of creating one. */
  emulator?: RecordingEmulator;
  /** `Access-Control-Max-Age` of preflight answers, seconds. Defaults to 600. */
  corsMaxAgeSeconds?: number;
  /** Called once each request is answered (or dropped), with its log record. */
  onRequest?: (request: EmulatorServerRequest) => void;
}

/** One request as the server received it (query secrets and the Authorization credential redacted; cookies kept as sent). */
export interface EmulatorServerRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Lowercased header names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  origin?: string;
  cookie?: string;
  /** Came over TLS. */
  secure: boolean;
  /** A CORS preflight (OPTIONS with Access-Control-Request-Method). */
  preflight: boolean;
  /** Status sent (0 when the connection was dropped or never answered). */
  status?: number;
}

/** A connection the server could not make sense of (e.g. a TLS ClientHello on the plain port). */
export interface EmulatorClientError {
  code: string;
  secure: boolean;
}

/** A running emulator server. */
export interface EmulatorServer {
  /** Base URL, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  /** Full URL of the token exchange. */
  authUrl: string;
  host: string;
  port: number;
  secure: boolean;
  emulator: RecordingEmulator;
  /** Every request received, preflights included. */
  requests: EmulatorServerRequest[];
  /** Malformed or non-HTTP connections, in order. */
  clientErrors: EmulatorClientError[];
  /** Number of {@link clientErrors}. */
  readonly clientErrorCount: number;
  /** PEM of the test CA (generated certificates only). */
  caCertPem?: string;
  /** Path of the test CA file (generated certificates only). */
  caCertPath?: string;
  /** base64 SHA-256 of the server key's SPKI (for Chromium's `--ignore-certificate-errors-spki-list`). */
  spkiSha256?: string;
  /** Directory of the generated certificates. */
  certDir?: string;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

const ALLOWED_METHODS = 'GET, POST, PUT, DELETE, OPTIONS';
const ALLOWED_HEADERS = new Set([
  'accept',
  'accept-language',
  'content-language',
  'content-type',
  'authorization',
  'range',
  'cache-control',
]);
const EXPOSED_HEADERS = 'Content-Length, Content-Range, Content-Disposition, Accept-Ranges, Retry-After';

/**
 * The host of the server's URL. A wildcard address listens everywhere but is no place to connect to
 * (browsers refuse 0.0.0.0), so the URL names the loopback address the certificate covers.
 */
function urlHostOf(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::' || host === '[::]') return '[::1]';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/**
 * An allowlist entry as browsers send the Origin header: `HTTP://LocalHost:5173/` becomes
 * `http://localhost:5173`, so a trailing slash or capital letters never block an app silently.
 */
function normalizeOrigin(entry: string): string {
  const trimmed = entry.trim();
  if (trimmed === '*' || trimmed === 'null') return trimmed;
  try {
    const origin = new URL(trimmed).origin;
    return origin === 'null' ? trimmed : origin;
  } catch {
    return trimmed;
  }
}

function headerRecord(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Starts the emulator as a real HTTP or HTTPS server (node:http/https) with a CORS allowlist and a
 * request log. Close it when done.
 *
 * @example
 * const server = await startEmulatorServer({ secure: true, certDir: tmp, allowOrigins: ['http://localhost:5173'] });
 * // server.url, server.authUrl, server.caCertPath ...
 * await server.close();
 */
export async function startEmulatorServer(options: EmulatorServerOptions = {}): Promise<EmulatorServer> {
  const host = options.host ?? '127.0.0.1';
  const secure = options.secure ?? false;
  const emulator =
    options.emulator ?? createRecordingEmulator({ ...options.emulatorOptions, seed: options.seed ?? 'default' });
  const allowOrigins = new Set((options.allowOrigins ?? []).map(normalizeOrigin));
  const maxAge = String(options.corsMaxAgeSeconds ?? 600);
  const requests: EmulatorServerRequest[] = [];
  const clientErrors: EmulatorClientError[] = [];

  let tls:
    | { cert: string; key: string; caCertPem?: string; caCertPath?: string; spkiSha256: string; certDir?: string }
    | undefined;
  if (secure) {
    if (options.cert || options.key) {
      if (!options.cert || !options.key) throw new Error('Give both cert and key, or neither');
      const key = readFileSync(options.key, 'utf8');
      tls = { cert: readFileSync(options.cert, 'utf8'), key, spkiSha256: spkiSha256(key) };
    } else {
      const made = ensureCertificates(options.certDir);
      tls = {
        cert: made.certPem,
        key: made.keyPem,
        caCertPem: made.caCertPem,
        caCertPath: made.caCertPath,
        spkiSha256: made.spkiSha256,
        certDir: made.dir,
      };
    }
  }

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    serve(req, res).catch(() => {
      // Only a request too broken to describe (e.g. an unparsable Host) gets here: drop it.
      if (!res.headersSent) res.writeHead(400).end();
      else res.destroy();
    });
  };

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const headers = headerRecord(req);
    const scheme = secure ? 'https' : 'http';
    const ownOrigin = `${scheme}://${urlHostOf(host)}:${port}`;
    let url: URL;
    try {
      url = new URL(req.url ?? '/', headers.host ? `${scheme}://${headers.host}` : ownOrigin);
    } catch {
      // An unusable Host header: answer on our own origin rather than refuse.
      url = new URL(req.url ?? '/', ownOrigin);
    }
    const origin = headers.origin;
    const preflight =
      req.method === 'OPTIONS' && origin !== undefined && headers['access-control-request-method'] !== undefined;
    const record: EmulatorServerRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: redactQuery(url.searchParams),
      headers: redactHeaders(Object.entries(headers)),
      secure,
      preflight,
    };
    if (origin !== undefined) record.origin = origin;
    if (headers.cookie !== undefined) record.cookie = headers.cookie;
    requests.push(record);
    if (options.onRequest) res.on('close', () => options.onRequest?.(record));
    const allowed = origin !== undefined && (allowOrigins.has(origin) || allowOrigins.has('*'));
    const cors: Record<string, string> = allowed
      ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' }
      : {};

    if (preflight) {
      if (!allowed) {
        record.status = 403;
        res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Origin not allowed');
        return;
      }
      const requested = (headers['access-control-request-headers'] ?? '')
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter((h) => ALLOWED_HEADERS.has(h));
      const answer: Record<string, string> = {
        ...cors,
        'Access-Control-Allow-Methods': ALLOWED_METHODS,
        'Access-Control-Allow-Headers': requested.length ? requested.join(', ') : 'Content-Type, Accept, Authorization',
        'Access-Control-Max-Age': maxAge,
        Vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
      };
      if (headers['access-control-request-private-network'] === 'true')
        answer['Access-Control-Allow-Private-Network'] = 'true';
      record.status = 204;
      res.writeHead(204, answer).end();
      return;
    }

    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    try {
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
      const requestHeaders = new Headers();
      for (const [name, value] of Object.entries(headers)) requestHeaders.set(name, value);
      const response = await emulator.handle(
        new Request(url, {
          method: req.method ?? 'GET',
          headers: requestHeaders,
          body: body?.length ? new Uint8Array(body) : undefined,
          signal: controller.signal,
        }),
      );
      if (response.type === 'error') {
        record.status = 0;
        req.socket.destroy();
        return;
      }
      const out: Record<string, string> = { ...cors };
      response.headers.forEach((value, name) => {
        out[name] = value;
      });
      if (allowed) out['Access-Control-Expose-Headers'] = EXPOSED_HEADERS;
      const bytes = Buffer.from(await response.arrayBuffer());
      if (req.method !== 'HEAD' && response.status !== 204 && response.status !== 304)
        out['content-length'] = String(bytes.length);
      record.status = response.status;
      res.writeHead(response.status, out).end(req.method === 'HEAD' ? undefined : bytes);
    } catch (error) {
      if (controller.signal.aborted) {
        record.status = 0;
        return;
      }
      record.status = 500;
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', ...cors });
      res.end(`Emulator failure: ${error instanceof Error ? error.name : 'unknown'}`);
    }
  };

  const server: Server = tls
    ? createHttpsServer({ cert: tls.cert, key: tls.key }, listener)
    : createHttpServer(listener);
  const onClientError = (error: NodeJS.ErrnoException, socket: Socket): void => {
    clientErrors.push({ code: error.code ?? 'UNKNOWN', secure });
    if (socket.writable && !secure && error.code !== 'ECONNRESET')
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  };
  server.on('clientError', onClientError);
  server.on('tlsClientError', onClientError);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `${secure ? 'https' : 'http'}://${urlHostOf(host)}:${port}`;

  const running: EmulatorServer = {
    url,
    authUrl: `${url}${emulator.paths.authorizationPath}`,
    host,
    port,
    secure,
    emulator,
    requests,
    clientErrors,
    get clientErrorCount() {
      return clientErrors.length;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
  if (tls?.caCertPem) running.caCertPem = tls.caCertPem;
  if (tls?.caCertPath) running.caCertPath = tls.caCertPath;
  if (tls?.certDir) running.certDir = tls.certDir;
  if (tls) running.spkiSha256 = tls.spkiSha256;
  return running;
}
