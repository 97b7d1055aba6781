/**
 * Deal rows read by the parties their facts need and by each company's first fact per unit
 * (data/store/row-keys.ts): over random pairs of packs (random companies, two packs' ids for one
 * company, shared deal ids, deal names, units, superseded chains) and random pages about them,
 * the lazily loaded index gives every verdict the index over every fact gives. Each kind of key
 * is needed: without one, some seed's verdicts differ.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex, decodeAnnotate, matchBatch } from '../../data/match';
import { recognize } from '../../data/recognize';
import { AnnotateWriter } from '../../data/schema/annotate-wire';
import { AnnotateRequest, type MatchRequest } from '../../data/schema/messages';
import type { Fact, Pack } from '../../data/schema/pack';
import { LazyIndex } from '../../data/store/lazy-index';
import { splitPack } from '../../data/store/split';
import { installPack, loadPacks, removePack } from '../../data/store/store';
import { freshStores } from './store-fixture';
import { lookupKeys, partyKey } from '../../data/store/row-keys';
import { rng } from '../../scripts/bench/_synthetic-pack';


const NAMES = ['Alphacorp', 'Betaworks', 'Gammaco', 'Deltabank', 'Epsilon Energy', 'Zetasoft', 'Etamotors', 'Thetacloud', 'Iotalabs', 'Kappadyne', 'Lambdagrid', 'Murobotics'];
const DEAL_NAMES = ['Project Aurora', 'Stellar', 'Northwind'];
/** Fact shapes and the sentence a page writes about one (`a` the subject, `b` the object, `v` the value's number). */
const KINDS = [
  { metric: 'investment', role: 'total', unit: 'USD', scale: 1e9, cues: ['invested'], text: (a: string, b: string, v: number) => `${a} invested $${v} billion in ${b}.` },
  { metric: 'investment', role: 'initial', unit: 'USD', scale: 1e9, cues: ['initial'], text: (a: string, b: string, v: number) => `${a} made an initial investment of $${v} billion in ${b}.` },
  { metric: 'valuation', role: 'post-money', unit: 'USD', scale: 1e9, cues: ['valued'], text: (_a: string, b: string, v: number) => `${b} was valued at $${v} billion.` },
  { metric: 'commitment', role: 'commitment', unit: 'EUR', scale: 1e9, cues: ['committed'], text: (a: string, b: string, v: number) => `${a} committed €${v} billion to ${b}.` },
  { metric: 'capacity', role: 'capacity', unit: 'GW', scale: 1, cues: ['capacity'], text: (a: string, b: string, v: number) => `${a} will supply ${v} gigawatts of capacity to ${b}.` },
  { metric: 'term', role: 'term', unit: 'year', scale: 1, cues: ['term'], text: (a: string, b: string, v: number) => `The agreement between ${a} and ${b} runs over ${v} years.` },
] as const;
const source = [{ url: 'https://news.example/a', title: 'A source' }];

/**
 * Two packs about the same companies: the second with its own ids for most (one name in common,
 * so the matcher reads them as one company), the same id for some, and a few of its own; some
 * deal ids in both (their facts can disagree). Values are small whole numbers, so facts collide.
 */
function randomPacks(random: () => number): Pack[] {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const count = 5 + Math.floor(random() * 6);
  const made: Pack[] = [];
  for (const [p, packId] of ['first', 'second'].entries()) {
    const entities: Pack['entities'] = [];
    for (let i = 0; i < count; i++) {
      if (p === 0) entities.push({ id: `e-${i}`, name: NAMES[i]!, aliases: [] });
      else if (random() < 0.2) entities.push({ id: `e-${i}`, name: NAMES[i]!, aliases: [] });
      else if (random() < 0.85) entities.push({ id: `s-${i}`, name: `${NAMES[i]} Group`, aliases: [NAMES[i]!] });
    }
    if (p === 1) for (let i = count; i < Math.min(NAMES.length, count + 2); i++) entities.push({ id: `s-${i}`, name: NAMES[i]!, aliases: [] });
    const ids = entities.map((e) => e.id);
    const deals: Pack['deals'] = [];
    const facts: Fact[] = [];
    // The second pack records some of the first one's deals too, under the same deal ids and its own company ids, some values higher.
    const first = made[0];
    const own = new Map(entities.map((e) => [e.id.slice(2), e.id]));
    if (first) {
      for (const deal of first.deals) {
        const parties = deal.parties.map((id) => own.get(id.slice(2)));
        if (random() >= 0.4 || parties.some((id) => id === undefined)) continue;
        deals.push({ ...deal, parties: parties as string[] });
        for (const fact of first.facts.filter((f) => f.deal === deal.id)) {
          const subject = own.get(fact.subject.slice(2));
          const object = fact.object && own.get(fact.object.slice(2));
          if (!subject || (fact.object && !object)) continue;
          const { supersededBy: _later, ...rest } = fact;
          const scale = KINDS.find((k) => k.role === fact.role)!.scale;
          facts.push({ ...rest, subject, ...(object ? { object } : {}), quantity: { ...fact.quantity, value: fact.quantity.value + (random() < 0.5 ? scale : 0) } });
        }
      }
    }
    const dealCount = 6 + Math.floor(random() * 10);
    for (let d = 0; d < dealCount; d++) {
      const parties = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(ids)))];
      const year = 2022 + Math.floor(random() * 4);
      const deal = {
        id: random() < 0.3 ? `deal-${d}` : `${packId}-deal-${d}`,
        title: `Deal ${d}`,
        parties,
        announced: `${year}-0${1 + Math.floor(random() * 9)}-15`,
        ...(random() < 0.1 ? { names: [pick(DEAL_NAMES)] } : {}),
      };
      if (deals.some((x) => x.id === deal.id)) continue;
      deals.push(deal);
      for (let f = 0, n = 1 + Math.floor(random() * 4); f < n; f++) {
        const kind = pick(KINDS);
        // Mostly the deal's parties; now and then a company the deal does not list, or a one-party fact.
        const subject = random() < 0.85 ? pick(parties) : pick(ids);
        const others = parties.filter((x) => x !== subject);
        const object = random() < 0.25 ? undefined : others.length && random() < 0.85 ? pick(others) : pick(ids);
        facts.push({
          id: `${deal.id}.f${f}`,
          deal: deal.id,
          subject,
          ...(object && object !== subject ? { object } : {}),
          metric: kind.metric,
          role: kind.role,
          label: `${kind.role} of deal ${d}`,
          quantity: { value: (1 + Math.floor(random() * 6)) * kind.scale, unit: kind.unit },
          asOf: deal.announced,
          status: random() < 0.1 ? 'expected' : 'confirmed',
          cues: [...kind.cues],
          excludes: [],
          sources: source,
        });
      }
    }
    // Superseded chains within the pack, mostly to a later fact, through deals nobody names.
    for (const [i, fact] of facts.entries()) {
      if (random() >= 0.15 || facts.length < 2) continue;
      const later = random() < 0.8 && i + 1 < facts.length ? facts[i + 1 + Math.floor(random() * (facts.length - i - 1))]! : pick(facts);
      if (later.id !== fact.id) fact.supersededBy = later.id;
    }
    made.push({ formatVersion: 2, id: `${packId}-pack`, title: packId, publisher: 'Test', version: 1, published: '2026-01-01T00:00:00Z', entities, deals, facts });
  }
  return made;
}

/**
 * A page about the packs' facts: sentences stating a fact's value (or one off by one) with its
 * parties' names (either pack's), or naming one party, a deal's name, or companies no fact pairs;
 * headings, leads and a title that name companies too.
 */
function randomPage(random: () => number, packs: readonly Pack[]): MatchRequest {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const names = new Map(packs.flatMap((p) => p.entities.map((e) => [e.id, e.aliases[0] ?? e.name] as const)));
  const facts = packs.flatMap((p) => p.facts);
  const sentence = (): string => {
    const fact = pick(facts);
    const kind = KINDS.find((k) => k.role === fact.role)!;
    const value = fact.quantity.value / kind.scale + (random() < 0.3 ? 1 : 0);
    const a = random() < 0.8 ? names.get(fact.subject)! : pick(NAMES);
    const b = fact.object && random() < 0.8 ? names.get(fact.object)! : random() < 0.5 ? pick(NAMES) : 'the company';
    const shape = random();
    if (shape < 0.1) return `${pick(DEAL_NAMES)} is a $${value} billion investment, the companies said.`;
    if (shape < 0.25) return `${a} is providing $${value} billion.`;
    return kind.text(a, b, value);
  };
  const writer = new AnnotateWriter();
  for (let b = 0, blocks = 1 + Math.floor(random() * 4); b < blocks; b++) {
    const text = Array.from({ length: 1 + Math.floor(random() * 3) }, sentence).join(' ');
    const heading = random() < 0.3 ? `${pick(NAMES)} news` : undefined;
    const lead = random() < 0.3 ? `${pick(NAMES)} said so.` : undefined;
    const at = writer.addBlock(text, heading, lead);
    for (const f of recognize(text)) writer.addFigure(at, f);
  }
  const title = random() < 0.6 ? `${pick(NAMES)} gets a new backer` : random() < 0.5 ? `${pick(NAMES)} and ${pick(NAMES)} agree` : 'Deals of the week';
  const decoded = decodeAnnotate(AnnotateRequest.parse(writer.request('https://news.example/p', title, `202${4 + Math.floor(random() * 3)}-03-01`)));
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.value;
}

const storeWith = freshStores();

describe('deal rows found by the parties their facts need', () => {
  it('keys each fact by its required parties, and marks the first fact of each company and unit in pack order', () => {
    const fact = { metric: 'investment' as const, role: 'total', status: 'confirmed' as const, cues: [], excludes: [], sources: source, label: 'x', asOf: '2025-01-01' };
    const pack: Pack = {
      formatVersion: 2, id: 'p', title: 'p', publisher: 'Test', version: 1, published: '2026-01-01T00:00:00Z',
      entities: ['a', 'b', 'c'].map((id) => ({ id, name: id.toUpperCase() + 'corp', aliases: [] })),
      deals: [
        { id: 'd1', title: 'd1', parties: ['b', 'a'], announced: '2025-01-01' },
        { id: 'd2', title: 'd2', parties: ['a', 'c'], announced: '2025-01-01' },
      ],
      facts: [
        { ...fact, id: 'f2', deal: 'd2', subject: 'a', object: 'c', quantity: { value: 2, unit: 'GW' } },
        { ...fact, id: 'f1', deal: 'd1', subject: 'b', object: 'a', quantity: { value: 1e9, unit: 'USD' } },
        { ...fact, id: 'f3', deal: 'd2', subject: 'c', quantity: { value: 2000, unit: 'MW' } },
        { ...fact, id: 'f4', deal: 'd1', subject: 'a', object: 'a', quantity: { value: 3e9, unit: 'usd' } },
      ],
    };
    const { rows: [d1, d2], partners } = splitPack(pack);
    expect(d1!.partyKeys.sort()).toEqual([partyKey(['a']), partyKey(['a', 'b']), 'b\u0002a'].sort());
    // 2,000 MW is 2 GW: the first fact of c in watts is f2, which needs a and c.
    expect(d2!.leadKeys).toEqual(['a\u0001W', 'c\u0001W']);
    expect(d1!.leadKeys).toEqual(['b\u0001USD', 'a\u0001USD']);
    expect(d2!.partyKeys.sort()).toEqual(['a\u0001c', 'a\u0002c', 'c'].sort());
    // Which keys exist, per entity: c's one-party fact sits in a deal with a.
    expect(new Map(partners.map((row) => [row.entity, row]))).toEqual(new Map([
      ['a', { packId: 'p', entity: 'a', pairs: ['b', 'c'], cross: ['b'] }],
      ['c', { packId: 'p', entity: 'c', pairs: ['a'], cross: ['a'] }],
      ['b', { packId: 'p', entity: 'b', pairs: ['a'], cross: [] }],
    ]));
  });

  it('asks for single ids read, pairs some fact has with a read id, and title-only parties beside read ids', () => {
    const rows = (pack: string, entity: string, pairs: string[], cross: string[] = []) => [{ packId: pack, entity, pairs, cross }];
    const partners = new Map([
      ['a', rows('p', 'a', ['b', 't'])],
      ['b', rows('p', 'b', ['a', 't', 'z'])],
      ['t', rows('p', 't', ['a', 'b'], ['a', 'b', 'z'])],
      ['x', rows('other', 'x', ['xt'])],
      ['xt', rows('other', 'xt', ['x'], ['x'])],
    ]);
    const keys = lookupKeys(new Set(['a', 'b', 'x']), new Set(['a', 'b', 'x', 't', 'xt']), (id) => partners.get(id) ?? []);
    // No a-x pair (no fact has one), none with z (named nowhere).
    expect(keys.sort()).toEqual(['a', 'b', 'x', 'a\u0001b', 'a\u0001t', 'b\u0001t', 'x\u0001xt', 'a\u0002t', 'b\u0002t', 'x\u0002xt'].sort());
  });

  it('replaces the partners of a pack with its update, and removes them with it', async () => {
    const [first, second] = randomPacks(rng(5));
    const db = await storeWith([first!]);
    const stored = async () => new Map((await db.partners.toArray()).map((row) => [row.entity, row]));
    expect(await stored()).toEqual(new Map(splitPack(first!).partners.map((row) => [row.entity, row])));
    // The next version holds other facts: nothing of the old one's partners is left.
    const next = { ...second!, id: first!.id, version: 2 };
    await installPack(db, next, 'file');
    expect(await stored()).toEqual(new Map(splitPack(next).partners.map((row) => [row.entity, row])));
    await removePack(db, first!.id);
    expect(await db.partners.count()).toBe(0);
  });

  it('gives every verdict the index over every fact gives, on random packs and pages', async () => {
    const counts = { verified: 0, mismatch: 0, hasFacts: 0, disagree: 0, reused: 0 };
    for (let seed = 1; seed <= 100; seed++) {
      const random = rng(seed);
      const packs = randomPacks(random);
      const db = await storeWith(packs);
      const full = buildIndex(await loadPacks(db));
      // A small cache in some runs, so rows are read again, and evicted lists do not change a verdict.
      const lazy = new LazyIndex(db, seed % 3 === 0 ? 4 : undefined);
      for (let page = 0; page < 6; page++) {
        const request = randomPage(random, packs);
        const halves = [request, { ...request, figures: request.figures.slice(0, Math.ceil(request.figures.length / 2)) }];
        for (const asked of halves) {
          const expected = matchBatch(full, asked);
          const index = await lazy.indexFor(asked);
          expect({ seed, page, verdicts: matchBatch(index, asked) }).toEqual({ seed, page, verdicts: expected });
          if (lazy.stats.reused) counts.reused++;
          for (const v of expected) {
            if (v.verdict === 'verified') counts.verified++;
            if (v.verdict === 'mismatch') counts.mismatch++;
            // 'Factmark has facts about X, but ...': X's first fact in the unit is indexed, though never weighed.
            if (v.why?.startsWith('Factmark has facts about')) counts.hasFacts++;
            if (v.disagreements?.length) counts.disagree++;
          }
        }
      }
    }
    // Every kind of answer was compared, with the last index reused too.
    expect(counts.verified).toBeGreaterThan(100);
    expect(counts.mismatch).toBeGreaterThan(20);
    expect(counts.hasFacts).toBeGreaterThan(50);
    expect(counts.disagree).toBeGreaterThan(5);
    expect(counts.reused).toBeGreaterThan(50);
  }, 300_000);
});
