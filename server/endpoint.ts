import { Hono, type Context } from 'hono';
import { CorrectionSubmission } from '../data/schema/correction';
import type { z } from 'zod';
import { clientAddress } from './client-address';
import { readWithin } from './read-body';
import type { PublishedPack } from './published-pack';
import type { InboxStore } from './store';

/** The CORS headers docs/CORRECTIONS.md asks for on every answer (Factmark has no host permissions). */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type, idempotency-key',
  'access-control-max-age': '600',
};

/** The only protocol version this inbox speaks. */
export const PROTOCOL_VERSION = 1;

/** Settings of the contributors' side of the inbox. */
export interface EndpointOptions {
  store: InboxStore;
  /** The published pack, to refuse corrections meant for another pack. */
  published?: () => Promise<PublishedPack>;
  /** Posts per address per window (held in the database, so across instances). */
  rateLimit: { limit: number; windowMs: number };
  trustProxy: boolean;
  /** Largest request body accepted; a valid correction is far below 64 KiB. */
  maxBodyBytes: number;
}

/** A refusal: a 4xx with `{"error": "..."}` (Factmark shows the reason to the contributor). */
const refuse = (c: Context, status: 400 | 404 | 413 | 415 | 422 | 429, error: string) => c.json({ error }, status);

/** zod issues as "evidence.url: must be an http or https address; note: ...". */
function describeIssues(error: z.ZodError): string {
  const lines = error.issues.slice(0, 5).map((i) => `${i.path.length ? i.path.map(String).join('.') : '(body)'}: ${i.message.replace(/^Invalid input: /, '')}`);
  if (error.issues.length > 5) lines.push(`and ${error.issues.length - 5} more`);
  return lines.join('; ');
}

/**
 * The corrections endpoint of docs/CORRECTIONS.md (protocol 1), mounted at the endpoint's path:
 * `POST /` files a correction exactly once per `Idempotency-Key`, `GET /:id` answers its review
 * status, and every answer (errors and preflights included) carries the CORS headers.
 */
export function correctionsEndpoint(options: EndpointOptions): Hono {
  const { store } = options;
  const app = new Hono();

  app.use('*', async (c, next) => {
    if (c.req.method === 'OPTIONS') return c.body(null, 204, CORS_HEADERS);
    await next();
    for (const [name, value] of Object.entries(CORS_HEADERS)) c.res.headers.set(name, value);
    c.res.headers.set('cache-control', 'no-store');
  });

  app.post(
    '/',
    async (c, next) => {
      const within = await store.withinRate(clientAddress(c, options.trustProxy), options.rateLimit.limit, options.rateLimit.windowMs);
      if (!within) {
        c.header('retry-after', String(Math.ceil(options.rateLimit.windowMs / 1000)));
        return refuse(c, 429, 'Too many corrections from this address: try again later.');
      }
      await next();
    },
    async (c) => {
      const key = c.req.header('idempotency-key')?.trim();
      if (!key) return refuse(c, 400, 'The Idempotency-Key header is required (the correction id).');
      if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) return refuse(c, 415, 'The body must be JSON (Content-Type: application/json).');
      const read = await readWithin(c.req.raw, options.maxBodyBytes);
      if (!read.ok) return refuse(c, 413, `The correction is too large: at most ${Math.round(options.maxBodyBytes / 1024)} KiB.`);
      let body: unknown;
      try {
        body = JSON.parse(read.text);
      } catch {
        return refuse(c, 400, 'The body is not valid JSON.');
      }
      const protocol = (body as { protocol?: unknown } | null)?.protocol;
      if (typeof protocol === 'number' && protocol !== PROTOCOL_VERSION) {
        return refuse(c, 400, `Unsupported correction protocol ${protocol}: this inbox speaks protocol ${PROTOCOL_VERSION}.`);
      }
      const parsed = CorrectionSubmission.safeParse(body);
      if (!parsed.success) return refuse(c, 422, `Invalid correction: ${describeIssues(parsed.error)}`);
      const submission = parsed.data;
      if (submission.id !== key) return refuse(c, 422, 'The Idempotency-Key header must equal the correction id.');
      if (submission.kind === 'dispute' && !submission.factId) return refuse(c, 422, 'Invalid correction: factId: a dispute names the disputed fact.');
      if (submission.kind === 'new-fact' && !submission.dealId) return refuse(c, 422, 'Invalid correction: dealId: a new fact names its deal.');
      const published = await options.published?.();
      if (published?.ok && published.pack.id !== submission.packId) {
        return refuse(c, 422, `This inbox takes corrections to pack "${published.pack.id}", not "${submission.packId}".`);
      }
      await store.submit(submission);
      return c.json({ id: submission.id, status: 'received' }, 202);
    },
  );

  app.get('/:id', async (c) => {
    const id = c.req.param('id');
    const status = id.length <= 200 ? await store.status(id) : undefined;
    return status ? c.json(status, 200) : refuse(c, 404, 'No correction with this id was received here.');
  });

  app.all('*', (c) => refuse(c, 404, 'Not a corrections endpoint address: POST a correction, or GET its status.'));
  return app;
}
