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
const DealV1 = z.object({
  id: Id,
  title: z.string().min(1).max(300),
  parties: z.array(Id).min(1).max(20),
  announced: IsoDate,
});

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
const FactV1 = z.object({
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

/** The fields every pack format version shares (format 1's, exactly). */
const packFields = {
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
    deals: z.array(DealV1).max(100_000),
    facts: z.array(FactV1).max(1_000_000),
};

/** Ids a pack's deals and facts name must exist in the same pack; fact ids are unique. */
function checkReferences(
  pack: { entities: Entity[]; deals: z.infer<typeof DealV1>[]; facts: (z.infer<typeof FactV1> & { supersededBy?: string })[] },
  ctx: z.RefinementCtx,
): void {
  {
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
    pack.facts.forEach((fact, i) => {
      const later = fact.supersededBy;
      if (later !== undefined && (!factIds.has(later) || later === fact.id)) {
        ctx.addIssue({ code: 'custom', path: ['facts', i, 'supersededBy'], message: `unknown fact "${later}"` });
      }
    });
  }
}

/** Fact pack, format version 1: a versioned bundle of entities, deals and facts. */
export const PackV1 = z.object({ formatVersion: z.literal(1), ...packFields }).superRefine(checkReferences);

/**
 * A deal (format 2): `names` are its own distinctive names ("Stargate"), which tie a sentence to
 * the deal as firmly as naming its parties.
 */
export const Deal = DealV1.extend({
  names: z.array(z.string().min(1).max(200)).max(20).optional(),
});

/**
 * One verified figure (format 2; format 1's fields are described on FactV1). `role` should be one of ROLE_IDS (data/schema/roles.ts), whose words the
 * matcher knows; any other role needs the fact's own cues. `supersededBy` names the later fact
 * of the same pack that replaced this one (a newer valuation, a revised commitment): a superseded
 * fact is matched only by figures dated to its own time, and never contradicted. `bound` says the
 * value is a cap ("up to $100 billion") or a floor ("at least 10 GW", "well over a gigawatt"), as
 * announced: a figure on the bound's side of it is not contradicted.
 */
export const Fact = FactV1.extend({
  supersededBy: Id.optional(),
  bound: z.enum(['up-to', 'at-least']).optional(),
});
export type Deal = z.infer<typeof Deal>;
export type Fact = z.infer<typeof Fact>;

/** Fact pack, format version 2: format 1 plus deal names and superseded facts. */
export const PackV2 = z
  .object({ formatVersion: z.literal(2), ...packFields, deals: z.array(Deal).max(100_000), facts: z.array(Fact).max(1_000_000) })
  .superRefine(checkReferences);
/**
 * A validated pack as the extension holds it. Format 2 only adds optional fields, so a format-1
 * document is one too (tests and tools build packs by hand in either).
 */
export type Pack = Omit<z.infer<typeof PackV2>, 'formatVersion'> & { formatVersion: 1 | 2 };

/** The newest pack format; older formats are upgraded to it by `data/packs/format.ts`. */
export const Pack = PackV2;
export const CURRENT_FORMAT_VERSION = 2;
