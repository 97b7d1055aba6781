import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledPack } from '../../data/packs';
import { decorateVerdicts, deliverDue, Outbox, toBundle, type Fetch, type OutboxClock } from '../../data/corrections';
import { CORRECTION_LIMITS, CorrectionBundle, CorrectionSubmission, correctionBundleJsonSchema, type CorrectionTarget } from '../../data/schema/correction';
import type { Verdict } from '../../data/schema/verdict';
import { installPack, openStore, type FactmarkDB } from '../../data/store/store';

const ENDPOINT = 'https://corrections.example/v1/corrections';
let factory = new IDBFactory();
const opened: FactmarkDB[] = [];
afterEach(() => {
  opened.splice(0).forEach((db) => db.close());
  factory = new IDBFactory();
});

/** A store with the bundled pack installed, with or without an endpoint; and a hand-wound clock. */
async function setup(endpoint: string | undefined = ENDPOINT) {
  const db = openStore('factmark', factory, IDBKeyRange);
  opened.push(db);
  await installPack(db, { ...bundledPack, ...(endpoint ? { correctionsEndpoint: endpoint } : {}) }, 'bundled');
  let now = Date.parse('2026-03-01T12:00:00Z');
  let n = 0;
  const clock: OutboxClock & { advance(ms: number): void } = {
    now: () => now,
    random: () => 0.5,
    uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    advance: (ms) => void (now += ms),
  };
  const outbox = new Outbox(db, clock);
  return { db, outbox, clock, endpointOf: async () => ({ title: bundledPack.title, version: 1, endpoint }) };
}

const dispute: CorrectionTarget = {
  kind: 'dispute',
  packId: 'factmark-default',
  factId: 'amazon-openai-2026.investment-initial',
  figureText: '$15 billion',
  page: { url: 'http://127.0.0.1/demo', title: 'Demo' },
};
const input = { value: '$16.5bn', measures: "Amazon's initial investment", evidenceUrl: 'https://example.com/a', quote: '', note: '' };

/** A scripted endpoint: answers in turn, records every request. */
function endpoint(...answers: (Response | Error)[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetcher: Fetch = async (url, init) => {
    calls.push({ url, init });
    const next = answers.length > 1 ? answers.shift()! : answers[0]!;
    if (next instanceof Error) throw next;
    return next.clone();
  };
  return { calls, fetcher };
}
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('outbox store', () => {
  it('saves a correction queued and due now, with the resolved value and the fact\'s deal', async () => {
    const { outbox, db } = await setup();
    const saved = await outbox.submit(dispute, input);
    expect(saved.ok).toBe(true);
    const [row] = await db.corrections.toArray();
    expect(row).toMatchObject({
      status: 'queued',
      kind: 'dispute',
      dealId: 'amazon-openai-2026',
      proposed: { value: 16.5e9, unit: 'USD', display: '$16.5 billion (USD)' },
      attempts: 0,
    });
  });

  it('refuses a value in another unit than the fact, an unknown fact, and a new fact without a deal', async () => {
    const { outbox } = await setup();
    expect(await outbox.submit(dispute, { ...input, value: '2 GW' })).toEqual({ ok: false, error: 'Value: The fact is measured in USD, but "2 GW" is in GW.' });
    expect((await outbox.submit({ ...dispute, factId: 'nope' }, input)).ok).toBe(false);
    expect(await outbox.submit({ ...dispute, kind: 'new-fact', factId: undefined }, input)).toEqual({ ok: false, error: 'Choose the deal this new fact belongs to.' });
    expect((await outbox.submit({ ...dispute, kind: 'new-fact', factId: undefined, dealId: 'aws-openai-2025' }, input)).ok).toBe(true);
  });

  it(`allows ${CORRECTION_LIMITS.perDay} corrections a day, then says when to come back`, async () => {
    const { outbox, clock } = await setup();
    for (let i = 0; i < CORRECTION_LIMITS.perDay; i++) expect((await outbox.submit(dispute, input)).ok).toBe(true);
    const refused = await outbox.submit(dispute, input);
    expect(refused).toEqual({ ok: false, error: expect.stringContaining('the most Factmark sends in a day') });
    clock.advance(24 * 60 * 60_000 + 1);
    expect((await outbox.submit(dispute, input)).ok).toBe(true);
  });
});

describe('delivery', () => {
  it('posts once with the idempotency key, then polls until the decision', async () => {
    const { outbox, db, clock, endpointOf } = await setup();
    const saved = await outbox.submit(dispute, input);
    const id = saved.ok ? saved.value.id : '';
    const server = endpoint(json(202, { id: 'r-1', status: 'received' }), json(200, { status: 'pending' }), json(200, { status: 'accepted' }));
    const deps = { outbox, endpointOf, fetch: server.fetcher };
    expect(await deliverDue(deps)).toBe(1);
    expect(server.calls).toHaveLength(1);
    const post = server.calls[0]!;
    expect(post.url).toBe(ENDPOINT);
    expect(post.init).toMatchObject({ method: 'POST', redirect: 'manual', headers: { 'idempotency-key': id, 'content-type': 'application/json' } });
    expect(CorrectionSubmission.parse(JSON.parse(post.init.body as string))).toMatchObject({ id, protocol: 1, packVersion: 1 });
    expect(await db.corrections.get(id)).toMatchObject({ status: 'sent', remoteId: 'r-1' });

    expect(await deliverDue(deps)).toBe(0); // nothing due until the first status check
    clock.advance(60_000);
    await deliverDue(deps);
    expect(server.calls[1]!.url).toBe(`${ENDPOINT}/r-1`);
    expect((await db.corrections.get(id))!.status).toBe('sent');
    clock.advance(10 * 60_000);
    await deliverDue(deps);
    expect(await db.corrections.get(id)).toMatchObject({ status: 'accepted' });
    expect(server.calls).toHaveLength(3);
  });

  it.each([
    ['offline', new TypeError('Failed to fetch'), 'offline, or the server is down'],
    ['a 503', json(503, { error: 'maintenance' }), 'server error (503)'],
    ['a 429', json(429, {}), 'asked to slow down'],
    ['garbage', new Response('<html>oops</html>', { status: 200 }), 'not a valid answer'],
  ])('keeps it queued with a clear message and backs off when %s', async (_name, answer, message) => {
    const { outbox, db, endpointOf } = await setup();
    await outbox.submit(dispute, input);
    await deliverDue({ outbox, endpointOf, fetch: endpoint(answer).fetcher });
    const [row] = await db.corrections.toArray();
    expect(row!.status).toBe('queued');
    expect(row!.attempts).toBe(1);
    expect(row!.lastError).toContain(message);
    expect(row!.nextAttemptAt).toBeGreaterThan(Date.parse('2026-03-01T12:00:00Z'));
  });

  it.each([
    ['a 4xx, with the server\'s reason', json(422, { error: 'factId is not in pack version 1' }), 'The endpoint refused it (422): factId is not in pack version 1'],
    ['a redirect', new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/' } }), 'redirected elsewhere'],
  ])('stops on %s', async (_name, answer, message) => {
    const { outbox, db, endpointOf } = await setup();
    await outbox.submit(dispute, input);
    await deliverDue({ outbox, endpointOf, fetch: endpoint(answer).fetcher });
    const [row] = await db.corrections.toArray();
    expect(row).toMatchObject({ status: 'failed' });
    expect(row!.reason).toContain(message);
    expect(row!.nextAttemptAt).toBeUndefined();
  });

  it('gives up on a slow endpoint after the timeout and keeps the correction', async () => {
    const { outbox, db, endpointOf } = await setup();
    await outbox.submit(dispute, input);
    const slow: Fetch = (_url, init) => new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(new Error('aborted'))));
    await deliverDue({ outbox, endpointOf, fetch: slow, timeoutMs: 20 });
    expect((await db.corrections.toArray())[0]).toMatchObject({ status: 'queued', lastError: expect.stringContaining('did not answer within') });
  });

  it('keeps corrections for a pack without endpoint queued, for export', async () => {
    const { outbox, db } = await setup(undefined);
    await outbox.submit(dispute, input);
    const server = endpoint(json(202, { id: 'x' }));
    await deliverDue({ outbox, endpointOf: async () => ({ title: 'Factmark default facts', version: 1 }), fetch: server.fetcher });
    expect(server.calls).toHaveLength(0);
    const [row] = await db.corrections.toArray();
    expect(row).toMatchObject({ status: 'queued', lastError: expect.stringContaining('has no corrections endpoint') });
    expect(await outbox.nextDue()).toBeUndefined();
  });

  it('recovers a post cut off by the worker stopping', async () => {
    const { outbox, db } = await setup();
    const saved = await outbox.submit(dispute, input);
    const id = saved.ok ? saved.value.id : '';
    await outbox.apply(id, { type: 'claim' });
    expect(await outbox.recoverInterrupted()).toBe(1);
    expect((await db.corrections.get(id))!.status).toBe('queued');
  });
});

describe('decorate and export', () => {
  it('marks the reader\'s own correction on the same figure and fact, newest first, never a withdrawn one', async () => {
    const { outbox, clock } = await setup();
    const first = await outbox.submit(dispute, input);
    clock.advance(1000);
    const second = await outbox.submit(dispute, { ...input, value: '$17bn' });
    const verdicts: Verdict[] = [
      { verdict: 'verified', fact: { id: 'amazon-openai-2026.investment-initial' } as Verdict['fact'] },
      { verdict: 'unverified' },
    ];
    const mine = await outbox.forPage(dispute.page.url);
    const decorated = decorateVerdicts(verdicts, ['$15 billion', '$15 billion'], mine);
    expect(decorated[0]!.myCorrection).toEqual({ id: second.ok ? second.value.id : '', status: 'queued', display: '$17 billion (USD)' });
    expect(decorated[1]!.myCorrection).toBeUndefined();
    await outbox.apply(second.ok ? second.value.id : '', { type: 'withdraw' });
    const again = decorateVerdicts(verdicts, ['$15 billion', '$15 billion'], await outbox.forPage(dispute.page.url));
    expect(again[0]!.myCorrection?.id).toBe(first.ok ? first.value.id : '');
  });

  it('exports a versioned bundle the schema accepts, without withdrawn corrections', async () => {
    const { outbox } = await setup();
    await outbox.submit(dispute, input);
    const gone = await outbox.submit(dispute, input);
    await outbox.apply(gone.ok ? gone.value.id : '', { type: 'withdraw' });
    const bundle = toBundle(await outbox.list(), new Date('2026-03-02T00:00:00Z'), 'Factmark test');
    expect(bundle).toMatchObject({ formatVersion: 1, kind: 'factmark-correction-bundle', exportedAt: '2026-03-02T00:00:00.000Z' });
    expect(bundle.corrections).toHaveLength(1);
    expect(CorrectionBundle.parse(JSON.parse(JSON.stringify(bundle)))).toEqual(bundle);
  });

  it('publishes a JSON Schema for the bundle', () => {
    const schema = correctionBundleJsonSchema() as { $schema: string; required: string[]; properties: Record<string, { const?: unknown }> };
    expect(schema.$schema).toContain('2020-12');
    expect(schema.required).toEqual(expect.arrayContaining(['formatVersion', 'kind', 'exportedAt', 'corrections']));
    expect(schema.properties.formatVersion!.const).toBe(1);
  });
});
