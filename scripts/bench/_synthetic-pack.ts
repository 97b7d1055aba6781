/**
 * A synthetic but realistic fact pack for benchmarks: thousands of companies, tens of thousands of
 * deals, several facts per deal across metrics and units, each with a label, cues and a source.
 * Deterministic (seeded), so runs compare.
 */
import type { Pack } from '../../data/schema/pack';
import type { AnnotateRequest } from '../../data/schema/messages';
import { AnnotateWriter } from '../../data/schema/annotate-wire';

/** Small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ar', 'bel', 'cor', 'dyn', 'ex', 'fal', 'gen', 'hal', 'ion', 'jun', 'kor', 'lum', 'mer', 'nov', 'or', 'pex', 'quan', 'ros', 'syn', 'tal', 'ul', 'vex', 'wen', 'xan', 'yor', 'zed'];
const SUFFIXES = ['Systems', 'Labs', 'Energy', 'Capital', 'Networks', 'Robotics', 'Bio', 'Cloud', 'Motors', 'Foods'];

/** Facts per deal, with the words articles use near each. */
const TEMPLATES = [
  { metric: 'investment', role: 'total-investment', unit: 'USD', cues: ['invest', 'investment', 'total'], label: (a: string, b: string) => `${a}'s total investment in ${b}` },
  { metric: 'investment', role: 'initial-tranche', unit: 'USD', cues: ['initial', 'upfront', 'first tranche'], label: (a: string, b: string) => `Initial tranche of ${a}'s investment in ${b}` },
  { metric: 'valuation', role: 'post-money-valuation', unit: 'USD', cues: ['valuation', 'valued', 'post-money'], label: (_a: string, b: string) => `${b}'s post-money valuation in the round` },
  { metric: 'capacity', role: 'compute-capacity', unit: 'GW', cues: ['capacity', 'gigawatts', 'power'], label: (a: string, b: string) => `Data-centre capacity ${a} supplies to ${b}` },
  { metric: 'term', role: 'contract-term', unit: 'year', cues: ['over', 'term', 'years'], label: (a: string, b: string) => `Term of the ${a}–${b} agreement` },
] as const;

/**
 * A pack of about `factCount` facts (5 per deal) over `factCount / 20` companies. With `known`
 * (another pack's entities), a twentieth of the deals (5,000 of 100,000 facts, about 150 for
 * each of the bundled pack's 34 companies against the 20 of an average synthetic one) are instead about those companies, under this
 * pack's own ids (`known-<id>`) and the same names, so the matcher reads them as the same
 * companies: a big third-party pack that adds hundreds of facts about each company a smaller pack
 * knows (each deal between one of them and a synthetic company or another of them).
 */
export function syntheticPack(factCount = 100_000, seed = 7, known: readonly Pack['entities'][number][] = []): Pack {
  const random = rng(seed);
  const entityCount = Math.max(10, Math.round(factCount / 20));
  const entities: Pack['entities'] = Array.from({ length: entityCount }, (_, i) => {
    const stem = SYLLABLES[i % 26]! + SYLLABLES[Math.floor(i / 26) % 26]! + SYLLABLES[Math.floor(i / 676) % 26]!;
    const name = `${stem[0]!.toUpperCase()}${stem.slice(1)} ${SUFFIXES[i % SUFFIXES.length]}`;
    return { id: `co-${i}`, name, aliases: [name, `${stem[0]!.toUpperCase()}${stem.slice(1)}`] };
  });
  for (const e of known) entities.push({ id: `known-${e.id}`, name: e.name, aliases: [...e.aliases] });
  const dealCount = Math.ceil(factCount / TEMPLATES.length);
  const knownDeals = known.length ? Math.floor(dealCount / 20) : 0;
  const deals = [];
  const facts: Pack['facts'] = [];
  for (let d = 0; d < dealCount; d++) {
    // The known companies' deals come last, so the synthetic companies' deals stay those of a pack without them.
    const aboutKnown = d >= dealCount - knownDeals;
    const a = aboutKnown ? entityCount + Math.floor(random() * known.length) : Math.floor(random() * entityCount);
    const b = aboutKnown && random() < 0.5 ? entityCount + ((a - entityCount + 1 + Math.floor(random() * (known.length - 1))) % known.length) : (a + 1 + Math.floor(random() * (entityCount - 1))) % entityCount;
    const year = 2018 + (d % 9);
    const [idA, idB] = [entities[a]!.id, entities[b]!.id];
    const deal = { id: `deal-${d}`, title: `${entities[a]!.name}–${entities[b]!.name} agreement (${year})`, parties: [idA, idB], announced: `${year}-0${1 + (d % 9)}-1${d % 10}` };
    deals.push(deal);
    for (const t of TEMPLATES) {
      if (facts.length >= factCount) break;
      const value = t.unit === 'USD' ? Math.round(1 + random() * 200) * 1e8 : t.unit === 'GW' ? Math.round(1 + random() * 9) : Math.round(2 + random() * 10);
      facts.push({
        id: `${deal.id}.${t.role}`,
        deal: deal.id,
        subject: idA,
        object: idB,
        metric: t.metric,
        role: t.role,
        label: t.label(entities[a]!.name, entities[b]!.name),
        quantity: { value, unit: t.unit },
        asOf: deal.announced,
        status: 'confirmed',
        cues: [...t.cues],
        excludes: [],
        sources: [{ url: `https://news.example/${year}/deal-${d}`, title: `${deal.title}: the terms` }],
      });
    }
  }
  return { formatVersion: 1, id: 'bench-pack', title: 'Synthetic benchmark pack', publisher: 'Bench', version: 1, published: '2026-03-01T00:00:00Z', entities, deals, facts };
}

/**
 * One page's batch: `count` figures, each in its own sentence naming a deal's two parties, about
 * half with the recorded value (verified) and half off by 10% (mismatch).
 */
export function pageBatch(pack: Pack, count = 200): AnnotateRequest {
  // The synthetic companies' own deals only (not those about another pack's companies, see syntheticPack).
  const money = pack.facts.filter((f) => f.quantity.unit === 'USD' && f.role === 'total-investment' && f.subject.startsWith('co-') && f.object?.startsWith('co-'));
  return batchOf(pack, money, count);
}

/**
 * A batch like pageBatch's about the investments a pack records between two companies (the
 * bundled pack's: Amazon in OpenAI, Nvidia in Anthropic, ...), each used in turn: a page about
 * companies the small pack knows too, so both a store with it alone and one with a big pack
 * adding facts about them weigh every figure.
 */
export function knownBatch(pack: Pack, count = 200): AnnotateRequest {
  return batchOf(pack, pack.facts.filter((f) => f.quantity.unit === 'USD' && f.metric === 'investment' && f.object), count);
}

function batchOf(pack: Pack, money: readonly Pack['facts'][number][], count: number): AnnotateRequest {
  const names = new Map(pack.entities.map((e) => [e.id, e.name]));
  const batch = new AnnotateWriter();
  for (let i = 0; i < count; i++) {
    const fact = money[(i * 7919) % money.length]!;
    const value = i % 2 ? fact.quantity.value : fact.quantity.value * 1.1;
    const text = `$${Number((value / 1e9).toFixed(2))} billion`;
    const sentence = `${names.get(fact.subject)} agreed to invest ${text} in ${names.get(fact.object!)}, the companies said on Monday.`;
    const at = sentence.indexOf(text);
    batch.addFigure(batch.addBlock(sentence), { start: at, end: at + text.length, text, kind: 'money', value, unit: 'USD', precision: 1e7 });
  }
  return batch.request('https://news.example/bench', 'Deals of the week');
}
