/**
 * A pack document as stored since schema version 4: its head (every field but deals and facts)
 * and one row per deal holding that deal's facts, and back. Pure; `joinPack(splitPack(p))`
 * gives `p` again, in the same order.
 */
import type { Fact, Pack } from '../schema/pack';
import type { DealFactsRow, PackDataRow, PartnersRow } from './db';
import { firstWordsOf, joinFirstWords } from '../match/names-table';
import { partnersOf, setRowKeys } from './row-keys';

/** The head row and the deal rows of one pack, with the keys they are found by and each entity's partners in those keys (row-keys.ts). */
export function splitPack(pack: Pack): { head: PackDataRow; rows: DealFactsRow[]; partners: PartnersRow[] } {
  const rows: DealFactsRow[] = pack.deals.map((deal, seq) => ({ packId: pack.id, dealId: deal.id, seq, deal, facts: [], entities: [], successorDeals: [], partyKeys: [], leadKeys: [] }));
  const byDeal = new Map(rows.map((row) => [row.dealId, row]));
  const dealOfFact = new Map<string, string>();
  pack.facts.forEach((fact, seq) => {
    dealOfFact.set(fact.id, fact.deal);
    // parsePack checked that every fact's deal exists.
    const row = byDeal.get(fact.deal)!;
    row.facts.push({ seq, fact });
    if (!row.entities.includes(fact.subject)) row.entities.push(fact.subject);
    if (fact.object && !row.entities.includes(fact.object)) row.entities.push(fact.object);
  });
  for (const row of rows) {
    for (const { fact } of row.facts) {
      const later = fact.supersededBy && dealOfFact.get(fact.supersededBy);
      if (later && later !== row.dealId && !row.successorDeals.includes(later)) row.successorDeals.push(later);
    }
  }
  setRowKeys(rows);
  const { deals: _deals, facts: _facts, ...fields } = pack;
  return {
    head: { packId: pack.id, pack: { ...fields, deals: [], facts: [] }, namedDeals: pack.deals.filter((d) => d.names?.length), firstWords: joinFirstWords(pack.entities.map(firstWordsOf)) },
    rows,
    partners: partnersOf(pack.id, rows),
  };
}

/** The deals and facts of `rows` (one pack's, any order), each in the pack's order. */
export function sliceOf(rows: readonly DealFactsRow[]): { deals: Pack['deals']; facts: Fact[] } {
  const sorted = [...rows].sort((a, b) => a.seq - b.seq);
  const facts = sorted.flatMap((row) => row.facts).sort((a, b) => a.seq - b.seq);
  return { deals: sorted.map((row) => row.deal), facts: facts.map((f) => f.fact) };
}

/** The whole pack document again from its head and every one of its deal rows. */
export function joinPack(head: PackDataRow, rows: readonly DealFactsRow[]): Pack {
  return { ...head.pack, ...sliceOf(rows) };
}
