import type { Deal, Fact, Pack } from '../schema/pack';
import type { FactView, PackTrust } from '../schema/verdict';
import { boundOf, type Bound } from './bound';
import { formatQuantity } from './format-quantity';

/** The pack fields a FactView names; `trust` when the caller knows how the pack was installed. */
export type PackRef = Pick<Pack, 'id' | 'title' | 'publisher'> & { trust?: PackTrust };

/** How a bounded fact's value is written for readers ("up to $100 billion"). */
const BOUND_WORDS: Record<Bound | 'none', string> = { 'up-to': 'up to ', 'at-least': 'at least ', none: '' };

/** A fact ready for display on a card: its value written for readers, its deal by title. */
export function toFactView(fact: Fact, pack: PackRef, deal?: Deal): FactView {
  return {
    id: fact.id,
    label: fact.label,
    quantity: { ...fact.quantity },
    display: `${BOUND_WORDS[boundOf(fact) ?? 'none']}${formatQuantity(fact.quantity)}`,
    deal: deal?.title ?? fact.deal,
    asOf: fact.asOf,
    status: fact.status,
    sources: fact.sources.map((s) => ({ ...s })),
    pack: { id: pack.id, title: pack.title, publisher: pack.publisher, ...(pack.trust ? { trust: { ...pack.trust } } : {}) },
  };
}

/**
 * The same views with each one's pack trust set from `trustOf` (by pack id), as new objects: the
 * matcher's views are shared between answers. A pack `trustOf` does not know gets no trust, which
 * cards show as unknown rather than trusted.
 */
export function withPackTrust(views: readonly FactView[], trustOf: (packId: string) => PackTrust | undefined): FactView[] {
  return views.map((view) => {
    const trust = trustOf(view.pack.id);
    const { trust: _old, ...pack } = view.pack;
    return { ...view, pack: trust ? { ...pack, trust } : pack };
  });
}
