import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface LocalServer {
  port: number;
  /** `METHOD /path?query` of every request the server received. */
  seen: string[];
  /** Destroys open sockets (a trickling answer included) and closes the server. */
  close(): Promise<void>;
}

/**
 * A real HTTP server (HTTPS with `tls`) on 127.0.0.1, on a port the OS picks. For what MSW cannot do: trickle a
 * body, stall after the headers, redirect as a server does.
 */
export async function startLocalServer(handler: Handler, tls?: { key: string; cert: string }): Promise<LocalServer> {
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const listener = (request: IncomingMessage, response: ServerResponse) => {
    seen.push(`${request.method} ${request.url}`);
    handler(request, response);
  };
  const server: Server = tls ? createHttpsServer(tls, listener) : createHttpServer(listener);
  server.on(tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
