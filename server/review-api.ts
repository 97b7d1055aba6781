import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { formatQuantity } from '../data/match/format-quantity';
import type { PublishedPack } from './published-pack';
import { releaseFromInbox, type ReleaseFiles } from './release';
import type { InboxStore, QueuedCorrection } from './store';
import { bearer, isMaintainerToken } from './token';

/** Settings of the maintainer's side of the inbox. */
export interface ReviewOptions {
  store: InboxStore;
  token: string;
  published?: () => Promise<PublishedPack>;
  /** Where the release button writes the next version; without it the button explains how to release. */
  release?: ReleaseFiles;
}

/** A decision as the review page sends it: a rejection needs a reason, which the contributor sees. */
const DecisionBody = z.discriminatedUnion('status', [
  z.object({ status: z.literal('accepted'), reason: z.string().trim().max(1_000).optional() }),
  z.object({ status: z.literal('rejected'), reason: z.string().trim().min(1, 'a rejection needs a reason, which the contributor sees').max(1_000) }),
]);

/** One correction as the review page lists it, with the disputed fact's current published value. */
function queueEntry(q: QueuedCorrection, published: PublishedPack | undefined) {
  const s = q.submission;
  const pack = published?.ok && published.pack.id === s.packId ? published.pack : undefined;
  const fact = s.factId ? pack?.facts.find((f) => f.id === s.factId) : undefined;
  const dealId = s.dealId ?? fact?.deal;
  const deal = dealId ? pack?.deals.find((d) => d.id === dealId) : undefined;
  return {
    id: q.id,
    kind: s.kind,
    status: q.status,
    reason: q.reason ?? null,
    readers: q.readers,
    receivedAt: q.receivedAt,
    releasedIn: q.releasedIn ?? null,
    packId: s.packId,
    packVersion: s.packVersion ?? null,
    factId: s.factId ?? null,
    fact: fact ? { label: fact.label, current: formatQuantity(fact.quantity) } : null,
    deal: deal ? { id: deal.id, title: deal.title } : dealId ? { id: dealId, title: null } : null,
    figureText: s.figureText,
    proposed: s.proposed.display || s.proposed.text,
    proposedText: s.proposed.text,
    measures: s.measures,
    evidence: { url: s.evidence.url, quote: s.evidence.quote ?? null },
    page: { url: s.page.url, title: s.page.title },
    note: s.note ?? null,
  };
}

/** The queue answer's type, for the review page and tests. */
export type QueueEntry = ReturnType<typeof queueEntry>;

/**
 * The maintainer's API under /review/api: the queue, decisions and the release. Every route needs
 * `Authorization: Bearer <INBOX_TOKEN>`; without it nothing of the queue is answered.
 */
export function reviewApi(options: ReviewOptions): Hono {
  const { store } = options;
  const app = new Hono();

  app.use('*', async (c, next) => {
    if (!isMaintainerToken(bearer(c.req.header('authorization')), options.token)) {
      return c.json({ error: "The review API needs the maintainer's token (Authorization: Bearer <INBOX_TOKEN>)." }, 401);
    }
    await next();
    c.res.headers.set('cache-control', 'no-store');
  });

  app.get('/queue', async (c) => {
    const published = await options.published?.();
    const queue = await store.queue();
    return c.json({
      pack: published?.ok ? { id: published.pack.id, version: published.pack.version, title: published.pack.title } : null,
      packProblem: published && !published.ok ? published.error : null,
      canRelease: Boolean(options.release),
      corrections: queue.map((q) => queueEntry(q, published)),
    });
  });

  app.post('/corrections/:id/decision', bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.json({ error: 'The decision is too large.' }, 413) }), async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: 'The body is not valid JSON.' }, 400);
    }
    const parsed = DecisionBody.safeParse(body);
    if (!parsed.success) return c.json({ error: `Invalid decision: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ')}` }, 422);
    const decided = await store.decide(c.req.param('id'), parsed.data.status === 'accepted' ? { status: 'accepted', reason: parsed.data.reason } : parsed.data);
    if (!decided) return c.json({ error: 'No such correction, or it is already in a released version.' }, 404);
    return c.json({ id: c.req.param('id'), status: parsed.data.status });
  });

  app.post('/release', async (c) => {
    if (!options.release) {
      return c.json({ error: 'This inbox was started without INBOX_PACK and INBOX_KEY: release with "npm run pack -- release <pack.json> --key <key.json>".' }, 409);
    }
    const release = await releaseFromInbox(store, options.release);
    if (!release.ok) return c.json({ error: release.lines.join('\n') }, 409);
    return c.json({ version: release.version, applied: release.applied.length, lines: release.lines });
  });

  app.all('*', (c) => c.json({ error: 'Not a review API address.' }, 404));
  return app;
}
