import { z } from 'zod';

const Id = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,127}$/, 'ids are lowercase letters, digits, ".", "_" or "-"');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD');
/** An http or https address (sources, endpoints, correction evidence). */
export const HttpUrl = z.url({ protocol: /^https?$/, error: 'must be an http or https address' }).max(2000);

/** A company or other party, with the names articles use for it. */
export const Entity = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  aliases: z.array(z.string().min(1).max(200)).max(50).default([]),
});
export type Entity = z.infer<typeof Entity>;

/** A deal: the agreement several facts belong to. */
export const Deal = z.object({
  id: Id,
  title: z.string().min(1).max(300),
  parties: z.array(Id).min(1).max(20),
  announced: IsoDate,
});
export type Deal = z.infer<typeof Deal>;

export const Source = z.object({
  url: HttpUrl,
  title: z.string().min(1).max(300),
  publisher: z.string().max(200).optional(),
  date: IsoDate.optional(),
});
export type Source = z.infer<typeof Source>;

/** A quantity with its unit: ISO 4217 for money, GW/MW, year/month, %. */
export const Quantity = z.object({
  value: z.number().finite(),
  unit: z.string().min(1).max(8),
});
export type Quantity = z.infer<typeof Quantity>;

/**
 * One verified figure. `label` says exactly what it measures, for readers.
 * `cues` are words or phrases that, near a figure, point to this fact ("initial", "pre-money");
 * `excludes` are phrases that, near a figure, rule it out ("post-money" for a pre-money valuation).
 */
export const Fact = z.object({
  id: Id,
  deal: Id,
  subject: Id,
  object: Id.optional(),
  metric: z.enum(['investment', 'commitment', 'valuation', 'funding', 'capacity', 'term', 'share', 'other']),
  role: z.string().min(1).max(60),
  label: z.string().min(1).max(300),
  quantity: Quantity,
  asOf: IsoDate,
  status: z.enum(['confirmed', 'reported', 'expected', 'superseded']),
  cues: z.array(z.string().min(1).max(60)).max(30).default([]),
  excludes: z.array(z.string().min(1).max(60)).max(30).default([]),
  sources: z.array(Source).min(1).max(20),
});
export type Fact = z.infer<typeof Fact>;

/** Fact pack, format version 1: a versioned bundle of entities, deals and facts. */
export const PackV1 = z
  .object({
    formatVersion: z.literal(1),
    id: Id,
    title: z.string().min(1).max(200),
    publisher: z.string().min(1).max(200),
    version: z.number().int().positive(),
    published: z.iso.datetime(),
    /** The publisher's Ed25519 public key (raw 32 bytes, base64); the detached `.sig` is checked against it. */
    publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'publicKey is a base64 raw 32-byte Ed25519 key (44 characters)').optional(),
    /** Where contributors' corrections to this pack are posted (see docs/CORRECTIONS.md); none means export only. */
    correctionsEndpoint: HttpUrl.optional(),
    entities: z.array(Entity).max(100_000),
    deals: z.array(Deal).max(100_000),
    facts: z.array(Fact).max(1_000_000),
  })
  .superRefine((pack, ctx) => {
    const entityIds = new Set(pack.entities.map((e) => e.id));
    const dealIds = new Set(pack.deals.map((d) => d.id));
    const factIds = new Set<string>();
    pack.deals.forEach((deal, i) =>
      deal.parties.forEach((p, j) => {
        if (!entityIds.has(p)) ctx.addIssue({ code: 'custom', path: ['deals', i, 'parties', j], message: `unknown entity "${p}"` });
      }),
    );
    pack.facts.forEach((fact, i) => {
      if (factIds.has(fact.id)) ctx.addIssue({ code: 'custom', path: ['facts', i, 'id'], message: `duplicate fact id "${fact.id}"` });
      factIds.add(fact.id);
      if (!dealIds.has(fact.deal)) ctx.addIssue({ code: 'custom', path: ['facts', i, 'deal'], message: `unknown deal "${fact.deal}"` });
      for (const key of ['subject', 'object'] as const) {
        const ref = fact[key];
        if (ref && !entityIds.has(ref)) ctx.addIssue({ code: 'custom', path: ['facts', i, key], message: `unknown entity "${ref}"` });
      }
    });
  });
export type Pack = z.infer<typeof PackV1>;

/** The newest pack format; older formats are upgraded to it by `data/packs/format.ts`. */
export const Pack = PackV1;
export const CURRENT_FORMAT_VERSION = 1;
