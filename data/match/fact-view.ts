import type { Deal, Fact, Pack } from '../schema/pack';
import type { FactView } from '../schema/verdict';
import { formatQuantity } from './format-quantity';

/** The pack fields a FactView names. */
export type PackRef = Pick<Pack, 'id' | 'title' | 'publisher'>;

/** A fact ready for display on a card: its value written for readers, its deal by title. */
export function toFactView(fact: Fact, pack: PackRef, deal?: Deal): FactView {
  return {
    id: fact.id,
    label: fact.label,
    quantity: { ...fact.quantity },
    display: formatQuantity(fact.quantity),
    deal: deal?.title ?? fact.deal,
    asOf: fact.asOf,
    status: fact.status,
    sources: fact.sources.map((s) => ({ ...s })),
    pack: { id: pack.id, title: pack.title, publisher: pack.publisher },
  };
}
