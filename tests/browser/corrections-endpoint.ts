import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CorrectionSubmission, type ReviewStatus } from '../../data/schema/correction';

/** One correction the endpoint received. */
export interface Received {
  remoteId: string;
  submission: CorrectionSubmission;
  /** How many POSTs carried its idempotency key. */
  posts: number;
  /** How many review-status GETs it answered. */
  reviewReads: number;
  review: ReviewStatus;
}

/**
 * A real corrections endpoint on 127.0.0.1, implementing docs/CORRECTIONS.md (protocol 1):
 * CORS with preflight, POST with `Idempotency-Key` (a repeat returns the same id and files
 * nothing new), GET {path}/{id} for the review status. The test decides reviews with `decide`.
 */
export class CorrectionsEndpoint {
  readonly byKey = new Map<string, Received>();
  private server: Server | null = null;

  constructor(
    readonly port: number,
    readonly path = '/v1/corrections',
  ) {}

  /** The address a pack names as its `correctionsEndpoint`. */
  get url(): string {
    return `http://127.0.0.1:${this.port}${this.path}`;
  }

  /** A free port for an endpoint that is not running yet (so a pack can name it while it is "down"). */
  static async freePort(): Promise<number> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    return port;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.answer(req, res));
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  /** Every POST, over all corrections. */
  get posts(): number {
    return [...this.byKey.values()].reduce((n, r) => n + r.posts, 0);
  }

  /** The maintainer's decision on a received correction (by the contributor's correction id). */
  decide(id: string, review: ReviewStatus): void {
    const received = this.byKey.get(id);
    if (!received) throw new Error(`The endpoint never received ${id}`);
    received.review = review;
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': 'content-type, idempotency-key',
      'access-control-max-age': '600',
    };
    const reply = (status: number, body?: unknown) =>
      res.writeHead(status, { ...cors, 'content-type': 'application/json', 'cache-control': 'no-store' }).end(body === undefined ? undefined : JSON.stringify(body));
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    if (req.method === 'POST' && path === this.path) {
      const key = req.headers['idempotency-key'];
      if (typeof key !== 'string' || !key) return void reply(400, { error: 'Idempotency-Key header is required' });
      let body: unknown;
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        return void reply(400, { error: 'body is not JSON' });
      }
      const parsed = CorrectionSubmission.safeParse(body);
      if (!parsed.success) return void reply(422, { error: `invalid correction: ${parsed.error.issues[0]?.message}` });
      if (parsed.data.id !== key) return void reply(422, { error: 'Idempotency-Key must equal the correction id' });
      const known = this.byKey.get(key);
      if (known) {
        known.posts++;
        return void reply(202, { id: known.remoteId, status: 'received' });
      }
      const remoteId = `r-${this.byKey.size + 1}`;
      this.byKey.set(key, { remoteId, submission: parsed.data, posts: 1, reviewReads: 0, review: { status: 'pending' } });
      return void reply(202, { id: remoteId, status: 'received' });
    }
    if (req.method === 'GET' && path.startsWith(`${this.path}/`)) {
      const remoteId = decodeURIComponent(path.slice(this.path.length + 1));
      const found = [...this.byKey.values()].find((r) => r.remoteId === remoteId);
      if (!found) return void reply(404, { error: 'no such correction' });
      found.reviewReads++;
      return void reply(200, found.review);
    }
    reply(404, { error: 'not found' });
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
