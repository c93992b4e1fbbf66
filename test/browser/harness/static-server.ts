import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** A request the static server answered. */
export interface StaticRequest {
  method: string;
  url: string;
  host: string | undefined;
}

export interface StaticServer {
  port: number;
  /** `http(s)://{host}:{port}` for the host the page should be opened on. */
  origin(host?: string): string;
  requests: StaticRequest[];
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** Serve over https with this key and certificate (PEM). */
  tls?: { keyPem: string; certPem: string };
  /** Answer a path yourself (return true when handled); runs before the files. */
  route?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
}

/**
 * Serves a built page directory on 127.0.0.1, port picked by the OS. Unknown paths answer
 * `index.html`, so the page can be opened on any path.
 */
export async function serveStatic(dir: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const requests: StaticRequest[] = [];
  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', host: req.headers.host });
    try {
      if (options.route && (await options.route(req, res))) return;
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/favicon.ico') {
        res.writeHead(204).end();
        return;
      }
      let file = normalize(join(dir, decodeURIComponent(path)));
      if (!file.startsWith(dir) || extname(file) === '') file = join(dir, 'index.html');
      const body = await readFile(file).catch(() => undefined);
      if (!body) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(500).end();
    }
  };
  const server = options.tls
    ? createHttpsServer({ key: options.tls.keyPem, cert: options.tls.certPem }, (q, s) => void handler(q, s))
    : createHttpServer((q, s) => void handler(q, s));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const scheme = options.tls ? 'https' : 'http';
  return {
    port,
    origin: (host = '127.0.0.1') => `${scheme}://${host}:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
