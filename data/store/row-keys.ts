/**
 * The keys a deal row is found by (schema version 7): which parties its facts need named, and
 * which facts are the first of a company in a unit. A lookup reads only the rows whose facts it
 * can weigh (`weighable`, data/match/names-table.ts), not every deal of every company a page names.
 * Which of those keys exist is kept per entity (`PartnersRow`), so a lookup asks only for pairs
 * some fact has: a 200-figure page naming 400 companies would otherwise ask for 80,000 pairs.
 * Pure: computed by `splitPack` at install and by the version 7 upgrade, from the same rows.
 */
import type { Fact } from '../schema/pack';
import type { DealFactsRow, PartnersRow } from './db';
import { requiredParties } from '../match/evidence';
import { canonicalUnit } from '../match/units';

/** Between the ids of a two-party key, and between an entity and a unit. Ids never hold it. */
const PAIR = '\u0001';
/** Between a deal's other party and a one-party fact's party (see `crossKey`). */
const CROSS = '\u0002';

/** The key of the parties a fact needs named: its one id, or its two ids sorted. */
export function partyKey(ids: readonly string[]): string {
  return ids.length === 1 ? ids[0]! : [...ids].sort().join(PAIR);
}

/**
 * The key of a one-party fact about `party` in a deal another party of which is `other`: the
 * matcher weighs a company only the title names by its own facts of deals whose other party the
 * figure's sentence names (evidence.ts, linkedDealParty), and no row is read for the title's names.
 */
export function crossKey(other: string, party: string): string {
  return `${other}${CROSS}${party}`;
}

/** The key of an entity's first fact (in its pack's order) in a canonical unit. */
export function leadKey(entity: string, unit: string): string {
  return `${entity}${PAIR}${unit}`;
}

/** The range of every `leadKey` of `entity`, whatever its unit. */
export function leadRange(entity: string): [string, string] {
  return [`${entity}${PAIR}`, `${entity}${PAIR}\uffff`];
}

/** The entity a `leadKey` is of. */
export function leadEntity(key: string): string {
  return key.slice(0, key.indexOf(PAIR));
}

const unitOf = (fact: Fact) => canonicalUnit(fact.quantity.unit).unit;

/** Every party of a row's deal: declared, or of its facts (a one-party fact's `crossKey`s pair it with the others). */
const dealParties = (row: DealFactsRow) => new Set([...row.deal.parties, ...row.entities]);

/**
 * Sets `partyKeys` and `leadKeys` on every deal row of one pack (all of them, any order):
 * - `partyKeys`: per fact, `partyKey` of its required parties (requiredParties, evidence.ts),
 *   and for a one-party fact a `crossKey` per other party of its deal (declared or of its facts);
 * - `leadKeys`: `leadKey(entity, unit)` for each fact that is, in the pack's order, the first
 *   needing that entity in that canonical unit. `weighable` keeps, beyond the facts whose parties
 *   are all named, only such a first fact per named company and unit: a later one finds its
 *   company and unit placed already.
 * Both follow from requiredParties and canonicalUnit: a change to either needs a schema version
 * whose upgrade computes the keys again.
 */
export function setRowKeys(rows: readonly DealFactsRow[]): void {
  const facts: { seq: number; fact: Fact; row: DealFactsRow }[] = [];
  for (const row of rows) {
    const party = new Set<string>();
    const others = dealParties(row);
    for (const { seq, fact } of row.facts) {
      facts.push({ seq, fact, row });
      const required = requiredParties(fact);
      party.add(partyKey(required));
      if (required.length === 1) for (const other of others) if (other !== required[0]) party.add(crossKey(other, required[0]!));
    }
    row.partyKeys = [...party];
    row.leadKeys = [];
  }
  facts.sort((a, b) => a.seq - b.seq);
  const placed = new Set<string>();
  for (const { fact, row } of facts) {
    const unit = unitOf(fact);
    for (const id of requiredParties(fact)) {
      const key = leadKey(id, unit);
      if (placed.has(key)) continue;
      placed.add(key);
      row.leadKeys.push(key);
    }
  }
}

/**
 * Per entity of one pack's rows (all of them), the ids its party keys pair it with: the other
 * party of each of its two-party facts, and for each of its one-party facts each other party of
 * the deal (its `crossKey`s). Entities with neither have no row.
 */
export function partnersOf(packId: string, rows: readonly DealFactsRow[]): PartnersRow[] {
  const byEntity = new Map<string, { pairs: Set<string>; cross: Set<string> }>();
  const of = (id: string) => {
    let found = byEntity.get(id);
    if (!found) byEntity.set(id, (found = { pairs: new Set(), cross: new Set() }));
    return found;
  };
  for (const row of rows) {
    const others = dealParties(row);
    for (const { fact } of row.facts) {
      const required = requiredParties(fact);
      if (required.length === 2) {
        const [a, b] = required as [string, string];
        of(a).pairs.add(b);
        of(b).pairs.add(a);
      } else {
        for (const other of others) if (other !== required[0]) of(required[0]!).cross.add(other);
      }
    }
  }
  return [...byEntity].map(([entity, { pairs, cross }]) => ({ packId, entity, pairs: [...pairs], cross: [...cross] }));
}

/**
 * The party keys to read for a request (dealRowsByKeys), besides its lead keys: every fact whose
 * required parties are all among `parties` (the ids its texts name, the title's included, with
 * their name groups) with one of them among `read` (the paragraphs' ids: rows are never read for
 * the title's names alone), and every one-party fact about a party only the title names in a deal
 * with a party of `read`. Only keys some fact has: `partners` gives each id's rows (every pack's).
 */
export function lookupKeys(read: ReadonlySet<string>, parties: ReadonlySet<string>, partners: (id: string) => readonly PartnersRow[]): string[] {
  const keys = new Set<string>();
  for (const id of read) keys.add(partyKey([id]));
  for (const id of parties) {
    for (const row of partners(id)) {
      for (const other of row.pairs) if (parties.has(other) && (read.has(id) || read.has(other))) keys.add(partyKey([id, other]));
      if (!read.has(id)) for (const other of row.cross) if (read.has(other)) keys.add(crossKey(other, id));
    }
  }
  return [...keys];
}
