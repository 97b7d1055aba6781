/**
 * The lazily loaded index (data/store/lazy-index.ts) against the index over every installed fact:
 * on every article of the evaluation set and on synthetic pages, with the bundled pack, the set's
 * pack, a mirror of it under other entity ids (shared deals, shared names, other values) and a
 * large synthetic pack installed, every verdict is the same, while a lookup reads only a small
 * part of the store.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex, decodeAnnotate, matchBatch } from '../../data/match';
import { bundledPack, parsePack } from '../../data/packs';
import { recognize } from '../../data/recognize';
import { AnnotateWriter } from '../../data/schema/annotate-wire';
import { AnnotateRequest, type MatchRequest } from '../../data/schema/messages';
import type { Pack } from '../../data/schema/pack';
import { LazyIndex } from '../../data/store/lazy-index';
import { installPack, loadPacks, removePack } from '../../data/store/store';
import { freshStores } from './store-fixture';
import { evalArticleRequests } from './eval-requests';
import { pageBatch, syntheticPack } from '../../scripts/bench/_synthetic-pack';

const evalDir = new URL('../eval/', import.meta.url);
const parsed = parsePack(JSON.parse(readFileSync(new URL('pack.json', evalDir), 'utf8')));
if (!parsed.ok) throw new Error(parsed.error);
const setPack = parsed.value;

/**
 * The set's pack as another publisher might write it: its own entity ids for the same companies,
 * named so that articles rarely use the one name tying them to the set pack's (its longest); half
 * the deals under the same ids (so facts can disagree), half under its own (so only the shared
 * name ties their facts to the set pack's); every third value 10% higher.
 */
function mirrorPack(): Pack {
  const id = (e: string) => `m-${e}`;
  const renamed = new Set(setPack.deals.filter((_d, i) => i % 2).map((d) => d.id));
  const dealId = (d: string) => (renamed.has(d) ? `m-${d}` : d);
  return {
    ...setPack,
    id: 'mirror-pack',
    title: 'Mirror pack',
    formatVersion: 2,
    entities: setPack.entities.map((e) => ({ id: id(e.id), name: `Mirror ${e.name}`, aliases: [[e.name, ...e.aliases].sort((a, b) => b.length - a.length)[0]!] })),
    deals: setPack.deals.map((d, i) => ({ ...d, id: dealId(d.id), parties: d.parties.map(id), ...(i % 4 === 0 ? { names: [`${d.title} programme`] } : {}) })),
    facts: setPack.facts.map((f, i) => ({
      ...f,
      deal: dealId(f.deal),
      subject: id(f.subject),
      ...(f.object ? { object: id(f.object) } : {}),
      quantity: { ...f.quantity, value: i % 3 === 0 ? f.quantity.value * 1.1 : f.quantity.value },
    })),
  };
}

function decoded(request: AnnotateRequest): MatchRequest {
  const result = decodeAnnotate(request);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const storeWith = freshStores();

describe('lazily loaded facts', () => {
  // Large enough for thousands of deal rows; fake-indexeddb is slow beyond that.
  const big = syntheticPack(5_000);
  const packs = [bundledPack, setPack, mirrorPack(), big];
  const requests: [string, MatchRequest][] = [
    ...evalArticleRequests(),
    ['synthetic page', decoded(pageBatch(big, 200))],
    ['synthetic page, other deals', decoded(pageBatch({ ...big, facts: big.facts.slice(2_000) }, 50))],
  ];

  it.each([
    ['a cache large enough for every page', undefined],
    ['a cache of 200 deal rows', 200],
  ])('gives every verdict the index over every fact gives, with %s', async (_name, cachedRows) => {
    const db = await storeWith(packs);
    const full = buildIndex(await loadPacks(db));
    const lazy = new LazyIndex(db, cachedRows);
    let verified = 0;
    let mismatch = 0;
    let disagreements = 0;
    for (const [name, request] of requests) {
      const expected = matchBatch(full, request);
      const got = matchBatch(await lazy.indexFor(request), request);
      expect({ name, verdicts: got }).toEqual({ name, verdicts: expected });
      verified += expected.filter((v) => v.verdict === 'verified').length;
      mismatch += expected.filter((v) => v.verdict === 'mismatch').length;
      disagreements += expected.filter((v) => v.disagreements?.length).length;
    }
    // The comparison covers every kind of verdict, including other packs disagreeing.
    expect(verified).toBeGreaterThan(300);
    expect(mismatch).toBeGreaterThan(20);
    expect(disagreements).toBeGreaterThan(5);
    if (cachedRows) expect(lazy.cached().byKey).toBeLessThanOrEqual(cachedRows);
  }, 300_000);

  it('answers a request naming only what the last one named from the last index, as the index over every fact does', async () => {
    const db = await storeWith(packs);
    const full = buildIndex(await loadPacks(db));
    const lazy = new LazyIndex(db);
    let reused = 0;
    for (const [name, request] of requests) {
      const whole = await lazy.indexFor(request);
      expect({ name, verdicts: matchBatch(whole, request) }).toEqual({ name, verdicts: matchBatch(full, request) });
      // The same page again, and its first half alone: nothing it names is new, so nothing is read or built.
      expect(await lazy.indexFor({ ...request, figures: [...request.figures] })).toBe(whole);
      const half = { ...request, figures: request.figures.slice(0, Math.ceil(request.figures.length / 2)) };
      const index = await lazy.indexFor(half);
      if (index === whole) reused++;
      expect({ name, half: matchBatch(index, half) }).toEqual({ name, half: matchBatch(full, half) });
    }
    expect(reused).toBe(requests.length);
    // A page naming something new gets an index of its own.
    const [, first] = requests[0]!;
    const [, other] = requests.find(([, r]) => matchBatch(full, r).some((v) => v.verdict === 'verified') && r !== first)!;
    const before = await lazy.indexFor(other);
    expect(await lazy.indexFor(first)).not.toBe(before);
  }, 300_000);

  it('reads only the deals an article names, and keeps its cache within the bound', async () => {
    const db = await storeWith(packs);
    const lazy = new LazyIndex(db, 500);
    const [, article] = requests[0]!;
    const index = await lazy.indexFor(article);
    // The article names real companies: none of the synthetic pack's facts are read.
    expect(index.factCount).toBeGreaterThan(0);
    expect(index.factCount).toBeLessThanOrEqual(bundledPack.facts.length + 2 * setPack.facts.length);
    await lazy.indexFor(decoded(pageBatch(big, 200)));
    const cached = lazy.cached();
    expect(cached.byKey).toBeLessThanOrEqual(500);
    expect(cached.byDeal).toBeLessThanOrEqual(500);
  }, 60_000);

  it('reads the deal of a fact that replaced a named one: its day decides whether the older fact still verifies', async () => {
    const source = [{ url: 'https://news.example/a', title: 'A source' }];
    const fact = { metric: 'investment' as const, role: 'total', status: 'confirmed' as const, cues: ['invested'], excludes: [], sources: source };
    const pack: Pack = {
      formatVersion: 2, id: 'succession', title: 'Succession', publisher: 'Test', version: 1, published: '2026-01-01T00:00:00Z',
      entities: [
        { id: 'alpha', name: 'Alphacorp', aliases: [] },
        { id: 'beta', name: 'Betaworks', aliases: [] },
        { id: 'gamma', name: 'Gammaco', aliases: [] },
        { id: 'delta', name: 'Deltabank', aliases: [] },
      ],
      deals: [
        { id: 'first', title: 'Alphacorp in Betaworks', parties: ['alpha', 'beta'], announced: '2024-01-10' },
        { id: 'second', title: 'Gammaco in Deltabank', parties: ['gamma', 'delta'], announced: '2025-06-01' },
      ],
      facts: [
        { ...fact, id: 'first.total', deal: 'first', subject: 'alpha', object: 'beta', label: 'Alphacorp in Betaworks', quantity: { value: 2e9, unit: 'USD' }, asOf: '2024-01-10', supersededBy: 'second.total' },
        { ...fact, id: 'second.total', deal: 'second', subject: 'gamma', object: 'delta', label: 'Gammaco in Deltabank', quantity: { value: 3e9, unit: 'USD' }, asOf: '2025-06-01' },
      ],
    };
    const writer = new AnnotateWriter();
    const text = 'Alphacorp invested $2 billion in Betaworks, the companies said.';
    const at = writer.addBlock(text);
    for (const f of recognize(text)) writer.addFigure(at, f);
    const request = decoded(AnnotateRequest.parse(writer.request('https://news.example/p', 'Deals', '2025-03-01')));
    const db = await storeWith([pack]);
    // Read lazily, as a store too big to read whole is.
    const verdicts = matchBatch(await new LazyIndex(db, undefined, 0).indexFor(request), request);
    expect(verdicts).toEqual(matchBatch(buildIndex([pack]), request));
    expect(verdicts[0]).toMatchObject({ verdict: 'verified', fact: { id: 'first.total' } });
  });

  it('indexes the deals of a company with one only the title names, and tells a company with facts of another unit from one without', async () => {
    const source = [{ url: 'https://news.example/a', title: 'A source' }];
    const fact = { metric: 'investment' as const, role: 'total', status: 'confirmed' as const, cues: ['invested'], excludes: [], sources: source };
    const pack: Pack = {
      formatVersion: 2, id: 'titles', title: 'Titles', publisher: 'Test', version: 1, published: '2026-01-01T00:00:00Z',
      entities: [
        { id: 'alpha', name: 'Alphacorp', aliases: [] },
        { id: 'beta', name: 'Betaworks', aliases: [] },
        { id: 'zeta', name: 'Zetasoft', aliases: [] },
        { id: 'omega', name: 'Omegadyne', aliases: [] },
      ],
      deals: [
        { id: 'other', title: 'Alphacorp in Zetasoft', parties: ['alpha', 'zeta'], announced: '2025-01-10' },
        { id: 'titled', title: 'Alphacorp in Betaworks', parties: ['alpha', 'beta'], announced: '2025-01-10' },
        { id: 'power', title: 'Omegadyne and Zetasoft', parties: ['omega', 'zeta'], announced: '2025-01-10' },
      ],
      facts: [
        // Alphacorp's first fact in dollars is with a company the page never names: the title's Betaworks deal must be indexed too.
        { ...fact, id: 'other.total', deal: 'other', subject: 'alpha', object: 'zeta', label: 'Alphacorp in Zetasoft', quantity: { value: 7e9, unit: 'USD' }, asOf: '2025-01-10' },
        { ...fact, id: 'titled.total', deal: 'titled', subject: 'alpha', object: 'beta', label: 'Alphacorp in Betaworks', quantity: { value: 2e9, unit: 'USD' }, asOf: '2025-01-10' },
        { ...fact, id: 'power.capacity', deal: 'power', subject: 'omega', object: 'zeta', metric: 'capacity', role: 'capacity', label: 'Omegadyne for Zetasoft', quantity: { value: 2, unit: 'GW' }, asOf: '2025-01-10' },
      ],
    };
    const writer = new AnnotateWriter();
    for (const text of ['Alphacorp invested $2 billion in the company, it said.', 'Omegadyne invested $3 billion, it said.']) {
      const at = writer.addBlock(text);
      for (const f of recognize(text)) writer.addFigure(at, f);
    }
    const request = decoded(AnnotateRequest.parse(writer.request('https://news.example/p', 'Betaworks gets a new backer', '2025-03-01')));
    const db = await storeWith([pack]);
    // Read lazily, as a store too big to read whole is.
    const verdicts = matchBatch(await new LazyIndex(db, undefined, 0).indexFor(request), request);
    expect(verdicts).toEqual(matchBatch(buildIndex([pack]), request));
    expect(verdicts[0]).toMatchObject({ fact: { id: 'titled.total' } });
  });

  it('reads a deal named by its own name, though the text names none of its parties', async () => {
    const source = [{ url: 'https://news.example/a', title: 'A source' }];
    const pack = (id: string, value: number, names?: string[]): Pack => ({
      formatVersion: 2, id, title: id, publisher: 'Test', version: 1, published: '2026-01-01T00:00:00Z',
      entities: [
        { id: `${id}-alpha`, name: `Alphacorp ${id}`, aliases: [] },
        { id: `${id}-beta`, name: `Betaworks ${id}`, aliases: [] },
      ],
      deals: [{ id: 'aurora', title: 'Aurora', parties: [`${id}-alpha`, `${id}-beta`], announced: '2025-01-10', ...(names ? { names } : {}) }],
      facts: [{
        id: 'aurora.total', deal: 'aurora', subject: `${id}-alpha`, object: `${id}-beta`, metric: 'investment', role: 'total', label: 'Aurora in all',
        quantity: { value, unit: 'USD' }, asOf: '2025-01-10', status: 'confirmed', cues: ['investment'], excludes: [], sources: source,
      }],
    });
    const packs = [pack('named', 2e9, ['Project Aurora']), pack('plain', 2.5e9)];
    const writer = new AnnotateWriter();
    const text = 'Project Aurora is a $2 billion investment, the companies said.';
    const at = writer.addBlock(text);
    for (const f of recognize(text)) writer.addFigure(at, f);
    const request = decoded(AnnotateRequest.parse(writer.request('https://news.example/p', 'Deals', '2025-03-01')));
    const db = await storeWith(packs);
    const verdicts = matchBatch(await new LazyIndex(db).indexFor(request), request);
    expect(verdicts).toEqual(matchBatch(buildIndex(packs), request));
    expect(verdicts[0]).toMatchObject({ verdict: 'verified', fact: { id: 'aurora.total', pack: { id: 'named' } } });
  });

  it('reads a small store whole, once, and answers every page from it; a store past the bound is read lazily', async () => {
    const db = await storeWith([bundledPack, setPack]);
    const lazy = new LazyIndex(db);
    const articles = requests.filter(([name]) => /^0(01|17|32)/.test(name));
    expect(articles).toHaveLength(3);
    const whole = buildIndex([bundledPack, setPack].sort((a, b) => a.id.localeCompare(b.id)));
    for (const [name, article] of articles) {
      const index = await lazy.indexFor(article);
      expect({ name, verdicts: matchBatch(index, article) }).toEqual({ name, verdicts: matchBatch(whole, article) });
      expect(index.factCount).toBe(bundledPack.facts.length + setPack.facts.length);
      expect(lazy.stats).toMatchObject({ reused: true, keysRead: 0, rowsRead: 0 });
    }
    const bounded = new LazyIndex(db, undefined, bundledPack.facts.length + setPack.facts.length - 1);
    const [, first] = articles[0]!;
    expect((await bounded.indexFor(first)).factCount).toBeLessThan(bundledPack.facts.length + setPack.facts.length);
    expect(bounded.stats.keysRead).toBeGreaterThan(0);
  }, 60_000);

  it('sees a pack installed or removed after invalidate()', async () => {
    const db = await storeWith([bundledPack]);
    const lazy = new LazyIndex(db);
    const [, article] = requests.find(([name]) => name.startsWith('001'))!;
    const before = matchBatch(await lazy.indexFor(article), article);
    await installPack(db, setPack, 'file');
    lazy.invalidate();
    const withSet = matchBatch(await lazy.indexFor(article), article);
    expect(withSet).toEqual(matchBatch(buildIndex([bundledPack, setPack].sort((a, b) => a.id.localeCompare(b.id))), article));
    expect(withSet.some((v) => v.fact?.pack.id === setPack.id) || withSet.some((v) => v.disagreements?.length)).toBe(true);
    await removePack(db, setPack.id);
    lazy.invalidate();
    expect(matchBatch(await lazy.indexFor(article), article)).toEqual(before);
  }, 60_000);
});
