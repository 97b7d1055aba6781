import { Hono, type Context } from 'hono';
import { correctionsEndpoint } from './endpoint';
import type { PublishedPack } from './published-pack';
import type { ReleaseFiles } from './release';
import { reviewApi } from './review-api';
import { REVIEW_PAGE_CSP, REVIEW_PAGE_CSS, REVIEW_PAGE_HTML, REVIEW_PAGE_JS } from './review-page';
import type { InboxStore } from './store';

/** The path contributors post to; the endpoint URL is the inbox's public address plus this. */
export const ENDPOINT_PATH = '/v1/corrections';

/** Everything the inbox needs; only `store` and `token` are required. */
export interface InboxOptions {
  store: InboxStore;
  /** The maintainer's token for the review page and its API. */
  token: string;
  /** The published pack (for current values, and to refuse corrections to other packs). */
  published?: () => Promise<PublishedPack>;
  /** Where the review page's release button writes the next version. */
  release?: ReleaseFiles;
  /** Posts per client address per window; default 30 an hour. */
  rateLimit?: { limit: number; windowMs: number };
  /** Rate-limit by `X-Forwarded-For` (only behind a proxy that sets it). */
  trustProxy?: boolean;
  /** Largest correction body, default 64 KiB. */
  maxBodyBytes?: number;
}

/** Default posts per address: a reader sends far fewer (the extension allows 50 a day). */
export const DEFAULT_RATE_LIMIT = { limit: 30, windowMs: 60 * 60 * 1000 };

/**
 * The corrections inbox as a Hono app: the contributors' endpoint at ENDPOINT_PATH, the
 * maintainer's review page at /review and its API at /review/api.
 */
export function createInboxApp(options: InboxOptions): Hono {
  const app = new Hono();
  app.route(
    ENDPOINT_PATH,
    correctionsEndpoint({
      store: options.store,
      published: options.published,
      rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
      trustProxy: options.trustProxy ?? false,
      maxBodyBytes: options.maxBodyBytes ?? 64 * 1024,
    }),
  );
  app.route('/review/api', reviewApi(options));
  const page = (body: string, type: string) => (c: Context) =>
    c.body(body, 200, { 'content-type': type, 'content-security-policy': REVIEW_PAGE_CSP, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
  app.get('/review', page(REVIEW_PAGE_HTML, 'text/html; charset=utf-8'));
  app.get('/review/review.js', page(REVIEW_PAGE_JS, 'text/javascript; charset=utf-8'));
  app.get('/review/review.css', page(REVIEW_PAGE_CSS, 'text/css; charset=utf-8'));
  app.get('/', (c) => c.redirect('/review'));
  app.notFound((c) => c.json({ error: 'Not found.' }, 404));
  app.onError((error, c) => {
    console.error(`inbox: ${c.req.method} ${new URL(c.req.url).pathname}: ${error.stack ?? error}`);
    return c.json({ error: 'The inbox failed to answer; try again later.' }, 500);
  });
  return app;
}
