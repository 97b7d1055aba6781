import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../scripts/pack-cli/core';
import { keygen } from '../../scripts/pack-cli/core';
import { publishedPackFile } from '../../server/published-pack';
import { startInbox, type RunningInbox } from '../../server/start';
import { InboxStore } from '../../server/store';
import { DATABASES, testDatabase, type TestDatabase } from './databases';
import { dispute, newFact, post, publishedPack } from './fixtures';

const TOKEN = 'maintainer-secret-token';
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type, idempotency-key',
};

/** A dispute proposing a value no other test proposes (so it groups with nothing). */
let distinct = 100;
const another = (overrides: Parameters<typeof dispute>[0] = {}) =>
  dispute({ proposed: { text: `$${++distinct}bn`, kind: 'money', value: distinct * 1e9, unit: 'USD', display: `$${distinct} billion (USD)` }, ...overrides });

describe.each(DATABASES)('the corrections inbox on %s', (kind) => {
  let database: TestDatabase;
  let dir: string;
  let packFile: string;
  const stores: InboxStore[] = [];
  /** Two instances on one database, as behind a load balancer. */
  let a: RunningInbox;
  let b: RunningInbox;
  /** Two more with a limit of 3 posts per address, rate-limiting by X-Forwarded-For. */
  let limitedA: RunningInbox;
  let limitedB: RunningInbox;
  let store: InboxStore;

  const api = (inbox: RunningInbox, path: string, init: RequestInit & { token?: string | null } = {}) =>
    fetch(`${inbox.origin}/review/api${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...(init.token === null ? {} : { authorization: `Bearer ${init.token ?? TOKEN}` }) },
    });
  const queue = async () => (await (await api(a, '/queue')).json()) as { corrections: any[]; pack: any };
  const status = async (inbox: RunningInbox, id: string) => {
    const res = await fetch(`${inbox.endpoint}/${id}`);
    return { status: res.status, body: await res.json(), headers: res.headers };
  };

  beforeAll(async () => {
    database = await testDatabase(kind);
    dir = await mkdtemp(join(tmpdir(), 'factmark-inbox-pack-'));
    packFile = join(dir, 'pack.json');
    await writeFile(packFile, JSON.stringify(publishedPack(1), null, 2));
    await writeFile(join(dir, 'maintainer.key.json'), (await keygen()).privateKeyText);
    const start = async (rateLimit: { limit: number; windowMs: number }) => {
      const s = await InboxStore.open(database.open());
      stores.push(s);
      return startInbox({ store: s, token: TOKEN, published: publishedPackFile(packFile), release: { packFile, keyFile: join(dir, 'maintainer.key.json') }, rateLimit, trustProxy: true });
    };
    a = await start({ limit: 1000, windowMs: 3_600_000 });
    b = await start({ limit: 1000, windowMs: 3_600_000 });
    // A window of ten years, so the test never straddles a window boundary.
    limitedA = await start({ limit: 3, windowMs: 10 * 365 * 86_400_000 });
    limitedB = await start({ limit: 3, windowMs: 10 * 365 * 86_400_000 });
    store = stores[0]!;
  });
  afterAll(async () => {
    for (const inbox of [a, b, limitedA, limitedB]) await inbox?.close();
    for (const s of stores) await s.close();
    await database?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('files a correction exactly once per Idempotency-Key, across instances and concurrent repeats', async () => {
    const before = await store.counts();
    const correction = dispute();
    const first = await post(a.endpoint, correction);
    expect(first).toMatchObject({ status: 202, body: { id: correction.id, status: 'received' } });
    const repeats = await Promise.all([a, b, a, b, b].map((inbox) => post(inbox.endpoint, correction)));
    expect(repeats.map((r) => [r.status, r.body.id])).toEqual(Array(5).fill([202, correction.id]));
    // A first post raced by its own repeat on the other instance is still filed once.
    const raced = dispute({ proposed: { text: '$14bn', kind: 'money', value: 14e9, unit: 'USD', display: '$14 billion (USD)' } });
    const both = await Promise.all([post(a.endpoint, raced), post(b.endpoint, raced), post(a.endpoint, raced)]);
    expect(both.map((r) => r.status)).toEqual([202, 202, 202]);
    expect(await store.counts()).toEqual({ corrections: before.corrections + 2, submissions: before.submissions + 2 });
  });

  it('answers preflights with 204 and sends the CORS headers on every answer, errors included', async () => {
    const preflight = await fetch(a.endpoint, { method: 'OPTIONS', headers: { origin: 'chrome-extension://x', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, idempotency-key' } });
    expect(preflight.status).toBe(204);
    const answers = [preflight.headers, (await post(a.endpoint, another())).headers, (await post(a.endpoint, { protocol: 1 }, 'k')).headers, (await status(a, 'no-such-id')).headers];
    for (const headers of answers) for (const [name, value] of Object.entries(CORS)) expect(headers.get(name)).toBe(value);
  });

  it('answers the review status the contributor polls: pending, then the decision with its reason', async () => {
    const correction = another({ proposed: { text: '$11bn', kind: 'money', value: 11e9, unit: 'USD', display: '$11 billion (USD)' } });
    await post(b.endpoint, correction);
    expect(await status(a, correction.id)).toMatchObject({ status: 200, body: { status: 'pending' } });
    const decided = await api(b, `/corrections/${correction.id}/decision`, { method: 'POST', body: JSON.stringify({ status: 'rejected', reason: 'The 10-K says $13 billion.' }) });
    expect(decided.status).toBe(200);
    expect((await status(a, correction.id)).body).toEqual({ status: 'rejected', reason: 'The 10-K says $13 billion.' });
    expect(await status(a, '3c7620a1-0000-4000-8000-000000000000')).toMatchObject({ status: 404, body: { error: 'No correction with this id was received here.' } });
    const noReason = await api(a, `/corrections/${correction.id}/decision`, { method: 'POST', body: JSON.stringify({ status: 'rejected', reason: ' ' }) });
    expect(noReason.status).toBe(422);
    expect((await noReason.json()).error).toMatch(/a rejection needs a reason/);
  });

  it('refuses bad input with a clear 4xx and {"error"}, and stores nothing', async () => {
    const before = await store.counts();
    const valid = another();
    const cases: [string, () => Promise<{ status: number; body: any }>, number, RegExp][] = [
      ['no Idempotency-Key', () => post(a.endpoint, another(), ''), 400, /^The Idempotency-Key header is required/],
      ['a key that is not the id', () => post(a.endpoint, another(), 'another-key'), 422, /must equal the correction id/],
      ['not JSON', () => post(a.endpoint, '{"protocol": 1,', 'k1'), 400, /^The body is not valid JSON\.$/],
      ['a schema violation', () => post(a.endpoint, { ...valid, proposed: { ...valid.proposed, value: 'lots' } }), 422, /^Invalid correction: proposed\.value: expected number, received string$/],
      ['javascript: evidence', () => post(a.endpoint, another({ evidence: { url: 'javascript:alert(1)' } })), 422, /^Invalid correction: evidence\.url: must be an http or https address$/],
      ['ftp evidence', () => post(a.endpoint, another({ evidence: { url: 'ftp://files.example/x' } })), 422, /evidence\.url: must be an http or https address/],
      ['an unknown protocol version', () => post(a.endpoint, { ...another(), protocol: 2 }), 400, /^Unsupported correction protocol 2: this inbox speaks protocol 1\.$/],
      ['a 2 MB note', () => post(a.endpoint, another({ note: 'x'.repeat(2 * 1024 * 1024) })), 413, /^The correction is too large: at most 64 KiB\.$/],
      ['another pack', () => post(a.endpoint, another({ packId: 'someone-else' })), 422, /^This inbox takes corrections to pack "newsroom-facts", not "someone-else"\.$/],
      ['a dispute without its fact', () => post(a.endpoint, another({ factId: undefined })), 422, /factId: a dispute names the disputed fact/],
      ['a text body', () => post(a.endpoint, JSON.stringify(valid), valid.id, { 'content-type': 'text/plain' }), 415, /must be JSON/],
    ];
    for (const [name, send, expected, error] of cases) {
      const answer = await send();
      expect([name, answer.status]).toEqual([name, expected]);
      expect(answer.body.error).toMatch(error);
    }
    expect(await store.counts()).toEqual(before);
    expect((await status(a, valid.id)).status).toBe(404);
  });

  it('rate-limits posts per address (429), counted in the database so every instance holds the limit', async () => {
    const from = (address: string) => ({ 'x-forwarded-for': `${address}, 10.0.0.1` });
    const sent = [];
    for (let i = 0; i < 3; i++) sent.push(await post((i % 2 ? limitedB : limitedA).endpoint, another(), undefined, from('192.0.2.7')));
    expect(sent.map((r) => r.status)).toEqual([202, 202, 202]);
    const refused = another();
    for (const inbox of [limitedA, limitedB]) {
      const answer = await post(inbox.endpoint, refused, undefined, from('192.0.2.7'));
      expect(answer).toMatchObject({ status: 429, body: { error: 'Too many corrections from this address: try again later.' } });
      expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    }
    expect((await status(a, refused.id)).status).toBe(404);
    expect((await post(limitedB.endpoint, another(), undefined, from('198.51.100.3'))).status).toBe(202);
  });

  it('keeps the same correction sent with different keys once, counting the readers who proposed it', async () => {
    const proposal = { proposed: { text: '$12.5bn', kind: 'money' as const, value: 12.5e9, unit: 'USD', display: '$12.5 billion (USD)' } };
    const before = await store.counts();
    const first = dispute({ ...proposal, evidence: { url: 'https://one.example/a' } });
    const second = dispute({ ...proposal, evidence: { url: 'https://two.example/b' }, page: { url: 'https://other.example/', title: 'Other' } });
    expect((await post(a.endpoint, first)).status).toBe(202);
    expect((await post(b.endpoint, second)).status).toBe(202);
    expect(await store.counts()).toEqual({ corrections: before.corrections + 1, submissions: before.submissions + 2 });
    const entry = (await queue()).corrections.find((c) => c.id === first.id);
    expect(entry).toMatchObject({ readers: 2, proposed: '$12.5 billion (USD)' });
    await api(a, `/corrections/${first.id}/decision`, { method: 'POST', body: JSON.stringify({ status: 'rejected', reason: 'Not in any filing.' }) });
    expect((await status(b, second.id)).body).toEqual({ status: 'rejected', reason: 'Not in any filing.' });
  });

  it('answers nothing of the queue without the maintainer token', async () => {
    const secret = another({ note: 'a note only the maintainer may read', evidence: { url: 'https://private.example/evidence' } });
    await post(a.endpoint, secret);
    for (const token of [null, 'wrong-token', '']) {
      for (const [path, method] of [['/queue', 'GET'], [`/corrections/${secret.id}/decision`, 'POST'], ['/release', 'POST']] as const) {
        const res = await api(b, path, { method, token, body: method === 'POST' ? JSON.stringify({ status: 'accepted' }) : undefined });
        const text = await res.text();
        expect([path, token, res.status]).toEqual([path, token, 401]);
        expect(text).not.toContain('private.example');
        expect(JSON.parse(text).error).toMatch(/maintainer's token/);
      }
    }
    const page = await (await fetch(`${a.origin}/review`)).text();
    expect(page).toContain('Corrections inbox');
    for (const leaked of ['private.example', 'a note only', secret.id, 'Microsoft']) expect(page).not.toContain(leaked);
    expect((await status(a, secret.id)).body).toEqual({ status: 'pending' }); // the refused decision changed nothing
  });

  it('lists each correction with its fact, current value, proposal, evidence, page and readers; releases the accepted ones', async () => {
    const accepted = dispute({ proposed: { text: '$13bn', kind: 'money', value: 13e9, unit: 'USD', display: '$13 billion (USD)' } });
    await post(a.endpoint, accepted); // the same proposal as the first test's: grouped with it
    const entry = (await queue()).corrections.find((c) => c.status === 'pending' && c.proposed === '$13 billion (USD)');
    expect(entry).toMatchObject({
      kind: 'dispute',
      readers: 2,
      factId: 'microsoft-openai.total-investment',
      fact: { label: "Microsoft's total investment in OpenAI since 2019", current: '$20 billion' },
      figureText: '$13 billion',
      measures: "Microsoft's total investment in OpenAI",
      evidence: { url: 'https://source.example/microsoft-13bn', quote: 'Microsoft has invested $13 billion' },
      page: { url: 'https://news.example/openai', title: 'OpenAI and its backers' },
    });
    const idea = newFact();
    await post(b.endpoint, idea);
    for (const id of [entry.id, idea.id]) {
      expect((await api(a, `/corrections/${id}/decision`, { method: 'POST', body: JSON.stringify({ status: 'accepted' }) })).status).toBe(200);
    }
    expect((await status(b, accepted.id)).body).toEqual({ status: 'accepted' });

    const release = await api(b, '/release', { method: 'POST' });
    const result = await release.json();
    expect(release.status).toBe(200);
    expect(result.lines.slice(0, 3)).toEqual([
      'version 1 -> 2: 1 added, 1 changed, 0 removed',
      '+ amazon-openai-2026.remaining-amazon-investment-in-openai-on-conditions: $35 billion (Remaining Amazon investment in OpenAI, on conditions)',
      "~ microsoft-openai.total-investment: $20 billion -> $13 billion (Microsoft's total investment in OpenAI since 2019)",
    ]);
    const bytes = new Uint8Array(await readFile(packFile));
    const sig = (await readFile(`${packFile}.sig`, 'utf8')).trim();
    expect((await verify(bytes, sig)).lines[0]).toMatch(/^OK: pack "newsroom-facts" version 2, 3 facts, signed by key /);
    const next = JSON.parse(new TextDecoder().decode(bytes));
    const fact = next.facts.find((f: any) => f.id === 'microsoft-openai.total-investment');
    expect(fact.quantity).toEqual({ value: 13e9, unit: 'USD' });
    expect(fact.sources[0]).toMatchObject({ url: 'https://source.example/microsoft-13bn', title: '“Microsoft has invested $13 billion”' });
    expect(fact.sources).toHaveLength(2);

    const after = (await queue()).corrections.find((c) => c.id === entry.id);
    expect(after).toMatchObject({ releasedIn: 2, fact: { current: '$13 billion' } });
    expect((await status(a, accepted.id)).body).toEqual({ status: 'accepted' });
    const again = await api(a, '/release', { method: 'POST' });
    expect([again.status, (await again.json()).error]).toEqual([409, 'No accepted corrections wait for a release: nothing to release.']);
    expect((await api(a, `/corrections/${entry.id}/decision`, { method: 'POST', body: JSON.stringify({ status: 'rejected', reason: 'late' }) })).status).toBe(404);
  });
});
