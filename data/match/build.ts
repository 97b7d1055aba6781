import type { Deal, Fact, Pack } from '../schema/pack';
import type { FactView } from '../schema/verdict';
import { toFactView, type PackRef } from './fact-view';
import type { RoleId } from '../schema/roles';
import { requiredParties, type BindingEvidence } from './evidence';
import { boundOf, type Bound } from './bound';
import { roleOf } from './roles';
import { PhraseMatcher, phraseWords } from './text';
import { canonicalUnit } from './units';

/** One fact as the matcher sees it, with everything per-figure work needs precomputed. */
export interface FactRef {
  fact: Fact;
  pack: PackRef;
  deal: Deal | undefined;
  /** Deal parties plus subject and object: the names that tie a sentence to this fact (canonical ids, see MatchIndex.canonical). */
  parties: ReadonlySet<string>;
  /** Value in the canonical unit of its dimension (W, month, currency code). */
  value: number;
  unit: string;
  /** Canonical units per unit of the fact's own unit, to express gaps in the fact's unit. */
  factor: number;
  /** The fact's role in the matcher's vocabulary. */
  role: RoleId;
  /** Cue and exclude phrases as stemmed words, each distinct; `cueTexts` as written. */
  cues: string[][];
  cueTexts: string[];
  excludes: string[][];
  /** The parties a sentence must name: subject, and object if any (canonical ids, like `parties`). */
  required: string[];
  /** The fact's subject as a canonical id. */
  subject: string;
  /** The value as a cap or a floor, if it is one (`boundOf`). */
  bound: Bound | undefined;
  /** Replaced by a later fact of its pack (or marked superseded). */
  superseded: boolean;
  /** When the fact that replaced it was announced, if the pack says which one did. */
  supersededFrom?: string;
  /** The same subject, object, metric and role: facts of one kind, told apart by time. */
  kind: string;
  /** Every fact of this kind across packs (this one too): the list `kinds` holds under `kind`, kept here so a lookup needs no probe of a 100,000-key map. */
  ofKind: FactRef[];
  /** Role, metric, cues and excludes: facts with the same key fit the same words alike. */
  roleKey: string;
  /**
   * Key shared by the same measured thing across packs, for disagreements; empty when no other
   * pack has the fact's deal (then nothing can disagree).
   */
  sameThing: string;
  /** Display form, made on first use (most facts are never shown). */
  view?: FactView;
  /** Other packs' facts about the same thing with another value, found on first use. */
  disagreeing?: FactRef[];
  /** How the text binds this fact, by where its parties are named (`bindingOf`'s memo), filled on use. */
  bindings?: Map<number, BindingEvidence>;
}

/** The card-ready view of a fact, cached on the ref. */
export function viewOf(ref: FactRef): FactView {
  return (ref.view ??= toFactView(ref.fact, ref.pack, ref.deal));
}

/** Facts of one canonical unit that involve one entity, sorted by value for range lookups. */
export interface Bucket {
  refs: FactRef[];
  values: Float64Array;
}

/** Everything matchBatch needs, built once per set of packs. */
export interface MatchIndex {
  /**
   * Facts by canonical unit, then by the parties a sentence must name: a one-party fact under its
   * subject, a two-party fact under each party with the other (a big pack has many deals per
   * company, and a figure is weighed only against those with parties named around it). An entity
   * is in a unit's table exactly when it has facts in that unit: "Factmark has facts about ...".
   */
  buckets: PartyTable;
  /** Alias -> entity id, compiled for one pass per text. */
  entities: PhraseMatcher<string>;
  /**
   * Entity id -> the one id every pack's entity for that company shares (ids absent map to
   * themselves). Facts' parties are filed under these, and a text's names are read as these, so
   * two packs' "Microsoft" are one company: a deal of one pack naming it is not an outsider to the
   * other's.
   */
  canonical: ReadonlyMap<string, string>;
  /** Entity id -> the name readers know it by. */
  names: Map<string, string>;
  /** A deal's own names ("Stargate") -> deal id. */
  dealNames: PhraseMatcher<string>;
  /** Deal id -> its facts, for sentences that name the deal itself. */
  byDeal: Map<string, FactRef[]>;
  /** Kind key (see FactRef.kind) -> facts of that kind, across packs. */
  kinds: Map<string, FactRef[]>;
  /** sameThing -> facts of every pack, for disagreements. */
  sameThing: Map<string, FactRef[]>;
  factCount: number;
}

/**
 * Phrases as stemmed words, one shared array per distinct phrase: packs repeat the same cue
 * phrases across thousands of facts, and "Invest" and "invest" give the very same array, so
 * phrases compare by identity.
 */
class PhraseBook {
  private readonly byText = new Map<string, string[]>();
  private readonly byKey = new Map<string, string[]>();

  words(phrase: string): string[] {
    let words = this.byText.get(phrase);
    if (!words) {
      const fresh = phraseWords(phrase);
      const key = fresh.join(' ');
      words = this.byKey.get(key) ?? fresh;
      this.byKey.set(key, words);
      this.byText.set(phrase, words);
    }
    return words;
  }

  /** The distinct, non-empty phrases of a list. */
  distinct(phrases: readonly string[]): string[][] {
    const out: string[][] = [];
    for (const phrase of phrases) {
      const words = this.words(phrase);
      if (words.length && !out.includes(words)) out.push(words);
    }
    return out;
  }
}

/** Legal forms and articles around a name: "Stargate LLC" and "the Stargate Project" are also "Stargate" ("Stargate Project"). */
const LEGAL_FORM = /\s+(?:LLC|L\.L\.C\.|Inc\.?|Incorporated|Corp\.?|Corporation|Ltd\.?|Limited|plc|PLC|Co\.?|GmbH|AG|SA|S\.A\.|PBC)$/;

/** A name and the shorter forms articles use for it. */
function nameForms(name: string): string[] {
  const forms = [name];
  const bare = name.replace(/^the\s+/i, '');
  if (bare !== name) forms.push(bare);
  const plain = bare.replace(LEGAL_FORM, '');
  if (plain !== bare && plain.length > 1) forms.push(plain);
  return forms;
}

function collectEntities(packs: readonly Pack[]): PhraseMatcher<string> {
  const matcher = new PhraseMatcher<string>();
  const seen = new Set<string>();
  for (const pack of packs) {
    for (const entity of pack.entities) {
      for (const name of [entity.name, ...entity.aliases].flatMap(nameForms)) {
        const key = `${entity.id}\u0001${phraseWords(name).join(' ')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        matcher.add(name, entity.id);
      }
    }
  }
  return matcher;
}

/**
 * One id per company across packs: two packs may know OpenAI as "openai" and "co-openai"; an
 * entity whose name or alias another entity already has takes that entity's id here, so facts
 * of the two packs compare as facts about one company.
 */
function canonicalEntities(packs: readonly Pack[]): Map<string, string> {
  const byName = new Map<string, string>();
  const canonical = new Map<string, string>();
  for (const pack of packs) {
    for (const entity of pack.entities) {
      if (canonical.has(entity.id)) continue;
      const names = [entity.name, ...entity.aliases].map((n) => phraseWords(n).join(' ')).filter(Boolean);
      const known = names.map((n) => byName.get(n)).find((id) => id !== undefined);
      canonical.set(entity.id, known ?? entity.id);
      for (const n of names) if (!byName.has(n)) byName.set(n, known ?? entity.id);
    }
  }
  return canonical;
}

/** What facts of one pack share: the pack as a card names it, deals by id, each deal's parties. */
interface PackContext {
  ref: PackRef;
  deals: Map<string, Deal>;
  parties: Map<string, ReadonlySet<string>>;
  /** Deals another installed pack also has: only their facts can disagree across packs. */
  shared: ReadonlySet<string>;
  /** Entity id -> the one id all packs' names of that company share. */
  canonical: ReadonlyMap<string, string>;
}

/** The deal's parties plus the fact's subject and object; shared by the deal's facts when those are parties already. */
function partiesOf(fact: Fact, deal: Deal | undefined, context: PackContext): ReadonlySet<string> {
  const canon = (id: string) => context.canonical.get(id) ?? id;
  let parties = context.parties.get(fact.deal);
  if (!parties) context.parties.set(fact.deal, (parties = new Set((deal?.parties ?? []).map(canon))));
  const subject = canon(fact.subject);
  const object = fact.object ? canon(fact.object) : undefined;
  if (parties.has(subject) && (!object || parties.has(object))) return parties;
  const own = new Set(parties);
  own.add(subject);
  if (object) own.add(object);
  return own;
}

const roles = new Map<string, ReturnType<typeof roleOf>>();

/** roleOf, remembered per role string and metric: a big pack repeats a few roles many times. */
function roleOfCached(fact: Fact): ReturnType<typeof roleOf> {
  const key = `${fact.metric}\u0001${fact.role}`;
  let role = roles.get(key);
  if (role === undefined) {
    role = roleOf(fact);
    if (roles.size < 10_000) roles.set(key, role);
  }
  return role;
}

/** Fact id -> the day its deal was announced, for the facts that supersede others (few). */
function supersedingDays(pack: Pack, deals: ReadonlyMap<string, Deal>): Map<string, string> {
  const wanted = new Set(pack.facts.flatMap((f) => (f.supersededBy ? [f.supersededBy] : [])));
  const days = new Map<string, string>();
  if (!wanted.size) return days;
  for (const f of pack.facts) if (wanted.has(f.id)) days.set(f.id, deals.get(f.deal)?.announced ?? f.asOf);
  return days;
}

/** A fact's cue phrases as stemmed words (distinct) beside their written forms. */
function cuesOf(list: readonly string[], phrases: PhraseBook): { cues: string[][]; cueTexts: string[] } {
  const cues: string[][] = [];
  const cueTexts: string[] = [];
  for (const phrase of list) {
    const words = phrases.words(phrase);
    if (words.length && !cues.includes(words)) {
      cues.push(words);
      cueTexts.push(phrase);
    }
  }
  return { cues, cueTexts };
}

/** Placeholder until buildIndex files the ref under its kind. */
const NO_REFS: FactRef[] = [];

function refOf(fact: Fact, context: PackContext, phrases: PhraseBook): FactRef {
  const { unit, factor } = canonicalUnit(fact.quantity.unit);
  const deal = context.deals.get(fact.deal);
  const role = roleOfCached(fact);
  const cues = cuesOf(fact.cues, phrases);
  const subject = context.canonical.get(fact.subject) ?? fact.subject;
  const object = fact.object ? context.canonical.get(fact.object) ?? fact.object : '';
  return {
    fact,
    pack: context.ref,
    deal,
    parties: partiesOf(fact, deal, context),
    value: fact.quantity.value * factor,
    unit,
    factor,
    role,
    ...cues,
    excludes: phrases.distinct(fact.excludes),
    required: requiredParties({ subject, object }),
    subject,
    bound: boundOf(fact),
    superseded: fact.status === 'superseded' || fact.supersededBy !== undefined,
    roleKey: [role, fact.metric, cues.cueTexts.join('\u0002'), fact.excludes.join('\u0002')].join('\u0001'),
    ofKind: NO_REFS,
    kind: [subject, object, fact.metric, role, unit].join('\u0001'),
    // The same measured thing across packs: same deal, parties and vocabulary role ("initial-tranche" and "initial" alike).
    sameThing: context.shared.has(fact.deal) ? [fact.deal, subject, object, fact.metric, role].join('\u0001') : '',
  };
}

/** Deal ids that more than one pack declares. */
function sharedDeals(packs: readonly Pack[]): Set<string> {
  const firstPack = new Map<string, string>();
  const shared = new Set<string>();
  for (const pack of packs) {
    for (const deal of pack.deals) {
      const first = firstPack.get(deal.id);
      if (first === undefined) firstPack.set(deal.id, pack.id);
      else if (first !== pack.id) shared.add(deal.id);
    }
  }
  return shared;
}

function finishBucket(refs: FactRef[]): Bucket {
  refs.sort((a, b) => a.value - b.value);
  const values = new Float64Array(refs.length);
  for (let i = 0; i < refs.length; i++) values[i] = refs[i]!.value;
  return { refs, values };
}

function listPush<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Entity id -> display name (the first pack to name an entity wins). */
function entityNames(packs: readonly Pack[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const pack of packs) for (const e of pack.entities) if (!names.has(e.id)) names.set(e.id, e.name);
  return names;
}

/** Deals' own names, compiled like aliases. */
function collectDealNames(packs: readonly Pack[]): PhraseMatcher<string> {
  const matcher = new PhraseMatcher<string>();
  for (const pack of packs) for (const deal of pack.deals) for (const name of deal.names ?? []) matcher.add(name, deal.id);
  return matcher;
}

/** A group of facts, sorted by value on first use (see PartyTable). */
export interface Slot {
  refs: FactRef[];
  bucket?: Bucket;
}

/** One entity's facts in one unit: those needing it alone, and by the other party, those needing both. */
export interface EntityFacts {
  own?: Slot;
  with?: Map<string, Slot>;
}

/**
 * Facts grouped by unit, then entity (and other party), each group made ready for lookups
 * (sorted) on first use: a page names a handful of the entities a big pack knows, and preparing
 * every group up front was half of rebuilding a 100,000-fact index when the service worker wakes.
 * Nested maps keyed by the ids themselves, not by a joined string: a joined key is a new string
 * to hash on every lookup, and lookups run per figure and named pair.
 */
export class PartyTable {
  private readonly units = new Map<string, Map<string, EntityFacts>>();

  /** The entities with facts in `unit`, or undefined when none has any. */
  unit(unit: string): ReadonlyMap<string, EntityFacts> | undefined {
    return this.units.get(unit);
  }

  /** A slot's facts sorted by value, with their values, sorted now if not yet. */
  static bucket(slot: Slot): Bucket {
    return (slot.bucket ??= finishBucket(slot.refs));
  }

  /** Files a fact under the one or two parties it needs (a two-party fact's one slot under both). */
  add(ref: FactRef): void {
    let entities = this.units.get(ref.unit);
    if (!entities) this.units.set(ref.unit, (entities = new Map()));
    const [a, b] = ref.required as [string, string | undefined];
    const first = entities.get(a) ?? this.entity(entities, a);
    if (b === undefined) {
      if (first.own) first.own.refs.push(ref);
      else first.own = { refs: [ref] };
      return;
    }
    const slot = first.with?.get(b);
    if (slot) {
      slot.refs.push(ref);
      return;
    }
    const fresh: Slot = { refs: [ref] };
    (first.with ??= new Map()).set(b, fresh);
    ((entities.get(b) ?? this.entity(entities, b)).with ??= new Map()).set(a, fresh);
  }

  private entity(entities: Map<string, EntityFacts>, id: string): EntityFacts {
    const facts: EntityFacts = {};
    entities.set(id, facts);
    return facts;
  }
}

/**
 * Builds the matcher's index from installed packs: facts bucketed by canonical unit and by every
 * party a sentence must name, sorted by value; aliases and deal names compiled (the
 * groups on first use, see PartyTable).
 */
export function buildIndex(packs: readonly Pack[]): MatchIndex {
  const byParty = new PartyTable();
  const sameThing = new Map<string, FactRef[]>();
  const byDeal = new Map<string, FactRef[]>();
  const kinds = new Map<string, FactRef[]>();
  const phrases = new PhraseBook();
  const shared = sharedDeals(packs);
  const canonical = canonicalEntities(packs);
  let factCount = 0;
  for (const pack of packs) {
    const context: PackContext = {
      ref: { id: pack.id, title: pack.title, publisher: pack.publisher },
      deals: new Map(pack.deals.map((d) => [d.id, d])),
      parties: new Map(),
      shared,
      canonical,
    };
    const successors = supersedingDays(pack, context.deals);
    for (const fact of pack.facts) {
      const ref = refOf(fact, context, phrases);
      const from = fact.supersededBy ? successors.get(fact.supersededBy) : undefined;
      if (from) ref.supersededFrom = from;
      factCount++;
      byParty.add(ref);
      if (ref.sameThing) listPush(sameThing, ref.sameThing, ref);
      listPush(byDeal, fact.deal, ref);
      let ofKind = kinds.get(ref.kind);
      if (!ofKind) kinds.set(ref.kind, (ofKind = []));
      ofKind.push(ref);
      ref.ofKind = ofKind;
    }
  }
  return {
    buckets: byParty,
    entities: collectEntities(packs),
    names: entityNames(packs),
    dealNames: collectDealNames(packs),
    canonical,
    byDeal,
    kinds,
    sameThing,
    factCount,
  };
}

/** The name part of buildIndex alone (aliases, display names, deal names): a names table needs no facts. */
export function buildNames(packs: readonly Pack[]): Pick<MatchIndex, 'entities' | 'names' | 'dealNames'> {
  return { entities: collectEntities(packs), names: entityNames(packs), dealNames: collectDealNames(packs) };
}
