import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AddressInfo } from 'node:net';

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Serves a Hono app over HTTP; port 0 picks a free one. */
export function listen(app: Hono, port: number, host = '127.0.0.1'): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    let server: ServerType;
    try {
      server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
        const shownHost = host.includes(':') ? `[${host}]` : host;
        resolve({
          url: `http://${shownHost}:${info.port}`,
          port: info.port,
          // Stops accepting, lets requests in flight finish, closes idle keep-alive sockets.
          close: () => new Promise<void>((done) => server.close(() => done())),
        });
      });
    } catch (error) {
      reject(error);
      return;
    }
    server.once('error', reject);
  });
}
