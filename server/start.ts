import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createInboxApp, ENDPOINT_PATH, type InboxOptions } from './app';

/** A running inbox: its addresses and how to stop it. */
export interface RunningInbox {
  /** The base address, e.g. http://127.0.0.1:8787. */
  origin: string;
  /** The corrections endpoint URL to put in a pack as `correctionsEndpoint`. */
  endpoint: string;
  /** The maintainer's review page. */
  review: string;
  close(): Promise<void>;
}

/**
 * Serves the inbox over HTTP on `host:port` (port 0: any free one). `publicOrigin` is the address
 * readers reach it at, when that differs (behind a proxy or load balancer).
 */
export async function startInbox(options: InboxOptions & { port?: number; host?: string; publicOrigin?: string }): Promise<RunningInbox> {
  const app = createInboxApp(options);
  const host = options.host ?? '127.0.0.1';
  let server: ServerType | undefined;
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, resolve);
    server.once('error', reject);
  });
  const origin = (options.publicOrigin ?? `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`).replace(/\/+$/, '');
  return {
    origin,
    endpoint: origin + ENDPOINT_PATH,
    review: `${origin}/review`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        server!.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
