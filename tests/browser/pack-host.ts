import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Pack } from '../../data/schema/pack';

/** How the host answers a pack's address right now. */
export type HostMode = 'normal' | 'error-503' | 'down' | 'slow' | 'oversized';

/** One published file pair: pack.json bytes and its detached signature (absent: unsigned). */
interface Published {
  bytes: Buffer;
  sig?: string;
  etag: string;
  lastModified: string;
}

/** A request the host saw, for asserting conditional requests. */
export interface SeenRequest {
  method: string;
  path: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  status: number;
}

/**
 * A real HTTP pack host on 127.0.0.1 whose answers a test controls: publishes signed or unsigned
 * packs with ETag / Last-Modified, answers 304 to a matching conditional request, and sends the
 * CORS headers a static host must send (including the preflight for the conditional headers).
 */
export async function startPackHost() {
  const files = new Map<string, Published>();
  const requests: SeenRequest[] = [];
  let mode: HostMode = 'normal';
  let slowMs = 3_000;
  let revision = 0;

  const cors = {
    'access-control-allow-origin': '*',
    'access-control-expose-headers': 'ETag, Last-Modified',
  };

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const seen: SeenRequest = {
      method: req.method ?? 'GET',
      path,
      ifNoneMatch: req.headers['if-none-match'],
      ifModifiedSince: req.headers['if-modified-since'],
      status: 0,
    };
    requests.push(seen);
    const send = (status: number, headers: Record<string, string> = {}, body?: Buffer | string) => {
      seen.status = status;
      res.writeHead(status, { ...cors, ...headers }).end(body);
    };
    if (req.method === 'OPTIONS') {
      send(204, { 'access-control-allow-methods': 'GET', 'access-control-allow-headers': 'If-None-Match, If-Modified-Since', 'access-control-max-age': '600' });
      return;
    }
    if (mode === 'down') {
      seen.status = -1;
      req.socket.destroy();
      return;
    }
    if (mode === 'error-503') return send(503, { 'content-type': 'text/plain' }, 'maintenance');
    if (mode === 'oversized' && path.endsWith('.json')) {
      // Chunked, no Content-Length: the limit must hold while reading.
      seen.status = 200;
      res.writeHead(200, { ...cors, 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 70 && res.write(chunk)) sent++;
        if (sent >= 70) res.end();
        else res.once('drain', () => { sent++; pump(); });
      };
      res.on('close', () => (sent = 99));
      pump();
      return;
    }
    const isSig = path.endsWith('.sig');
    const file = files.get(isSig ? path.slice(0, -4) : path);
    const answer = () => {
      if (!file || (isSig && file.sig === undefined)) return send(404, { 'content-type': 'text/plain' }, 'not found');
      if (isSig) return send(200, { 'content-type': 'text/plain' }, file.sig);
      if (req.headers['if-none-match'] === file.etag) return send(304, { etag: file.etag, 'last-modified': file.lastModified });
      send(200, { 'content-type': 'application/json', etag: file.etag, 'last-modified': file.lastModified }, file.bytes);
    };
    if (mode === 'slow') setTimeout(answer, slowMs);
    else answer();
  }

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    requests,
    url: (path: string) => origin + path,
    /** Publishes exact bytes at `path` (and `path`.sig when a signature is given). */
    publishBytes(path: string, bytes: Uint8Array | string, sig?: string): void {
      revision++;
      files.set(path, { bytes: Buffer.from(bytes), sig, etag: `"r${revision}"`, lastModified: new Date(Date.UTC(2026, 0, 1, 0, revision)).toUTCString() });
    },
    setMode(next: HostMode, delayMs = 3_000): void {
      mode = next;
      slowMs = delayMs;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const source = [{ url: 'https://newsroom.example/deals', title: 'Deal tracker', publisher: 'Example Newsroom' }];

/**
 * The test pack "Newsroom deal facts": Microsoft's investment in OpenAI (which the bundled pack
 * lacks: the demo article's "$13 billion"), and Amazon's initial tranche at a value that disagrees
 * with the bundled pack, so cards show both publishers.
 */
export function newsroomPack(version: number, microsoftBillions = 13): Pack {
  return {
    formatVersion: 1,
    id: 'newsroom-facts',
    title: 'Newsroom deal facts',
    publisher: 'Example Newsroom',
    version,
    published: `2026-03-0${Math.min(version, 9)}T00:00:00Z`,
    entities: [
      { id: 'microsoft', name: 'Microsoft', aliases: ['Microsoft', 'MSFT'] },
      { id: 'openai', name: 'OpenAI', aliases: ['OpenAI'] },
      { id: 'amazon', name: 'Amazon', aliases: ['Amazon', 'AWS'] },
    ],
    deals: [
      { id: 'microsoft-openai-2019', title: 'Microsoft investment in OpenAI (since 2019)', parties: ['microsoft', 'openai'], announced: '2019-07-22' },
      { id: 'amazon-openai-2026', title: 'Amazon–OpenAI strategic partnership (February 2026)', parties: ['amazon', 'openai'], announced: '2026-02-27' },
    ],
    facts: [
      {
        id: 'microsoft-openai.total-investment',
        deal: 'microsoft-openai-2019',
        subject: 'microsoft',
        object: 'openai',
        metric: 'investment',
        role: 'total-investment',
        label: "Microsoft's total investment in OpenAI since 2019",
        quantity: { value: microsoftBillions * 1e9, unit: 'USD' },
        asOf: '2026-01-01',
        status: 'reported',
        cues: ['put', 'into', 'invested', 'investment'],
        excludes: [],
        sources: source,
      },
      {
        id: 'newsroom.amazon-openai-initial',
        deal: 'amazon-openai-2026',
        subject: 'amazon',
        object: 'openai',
        metric: 'investment',
        role: 'initial-tranche',
        label: 'Initial tranche of Amazon’s investment in OpenAI, per the newsroom',
        quantity: { value: 16e9, unit: 'USD' },
        asOf: '2026-02-27',
        status: 'reported',
        cues: ['initial', 'initially', 'upfront'],
        excludes: ['remaining', 'total'],
        sources: source,
      },
    ],
  };
}
