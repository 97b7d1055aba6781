import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A page the server answers with: HTML text, or a function that makes it per request. */
export type Route = string | (() => string);

/** A real HTTP server on 127.0.0.1 serving fixed HTML pages, for demos and browser tests. */
export interface StaticServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

/** Starts the server on a free port. Unknown paths answer 404. */
export async function serveHtml(routes: Record<string, Route>): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const route = routes[path];
    if (route === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const body = typeof route === 'function' ? route() : route;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => origin + path,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
