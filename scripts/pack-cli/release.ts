/**
 * The next version of a pack from the maintainer's accepted corrections, as functions over bytes
 * (no files, no database): `npm run pack -- release` and the inbox's release button both call
 * `releasePack`. It goes through `parsePack` (so an older format is upgraded and the result is
 * the current format), the same signing and diff as `sign` and `diff`.
 */
import { parsePack } from '../../data/packs/format';
import type { CorrectionSubmission } from '../../data/schema/correction';
import type { Fact, Pack, Source } from '../../data/schema/pack';
import { diff, sign } from './core';

/** An accepted correction to apply: the inbox's id for it and the submission as received. */
export interface AcceptedCorrection {
  id: string;
  submission: CorrectionSubmission;
}

/** What a release did with each accepted correction. */
export interface Applied {
  /** Correction ids taken into the new version. */
  applied: string[];
  /** Corrections left out, each with the reason (they stay accepted and unreleased). */
  skipped: { id: string; reason: string }[];
}

const MAX_SOURCES = 20;

/** A lowercase id fragment from words: "OpenAI's 2026 AWS spend" -> "openai-s-2026-aws-spend". */
function slug(text: string, max: number): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, max).replace(/-+$/, '') || 'fact';
}

/** The correction's evidence as a fact source (its quote, or its host, as the title). */
function evidenceSource(s: CorrectionSubmission, day: string): Source {
  const quote = s.evidence.quote?.trim();
  const title = quote ? `“${quote.length > 290 ? `${quote.slice(0, 289)}…` : quote}”` : new URL(s.evidence.url).host;
  return { url: s.evidence.url, title, publisher: new URL(s.evidence.url).host, date: day };
}

/** Sources with `source` first (a fact's card lists its sources in order), without repeating an address. */
function withSource(sources: Source[], source: Source): Source[] {
  return [source, ...sources.filter((s) => s.url !== source.url)].slice(0, MAX_SOURCES);
}

const METRIC_BY_KIND: Record<CorrectionSubmission['proposed']['kind'], Fact['metric']> = {
  money: 'other',
  power: 'capacity',
  duration: 'term',
  percent: 'share',
};

/**
 * `published` as its next version: version + 1, published `now`; each accepted dispute sets its
 * fact's value (and `asOf`) and puts the evidence first among its sources; each accepted new fact
 * becomes a fact of its deal (subject and object the deal's first two parties, the reader's
 * "what it measures" as label, no cues yet) for the maintainer to refine.
 */
export function nextVersion(published: Pack, accepted: readonly AcceptedCorrection[], now: Date): { pack: Pack } & Applied {
  const day = now.toISOString().slice(0, 10);
  const facts = published.facts.map((f) => ({ ...f }));
  const byId = new Map(facts.map((f) => [f.id, f]));
  const result: Applied = { applied: [], skipped: [] };
  for (const { id, submission: s } of accepted) {
    const skip = (reason: string) => result.skipped.push({ id, reason });
    if (s.packId !== published.id) {
      skip(`it is for pack "${s.packId}", not "${published.id}"`);
      continue;
    }
    const quantity = { value: s.proposed.value, unit: s.proposed.unit };
    if (s.kind === 'dispute') {
      const fact = s.factId ? byId.get(s.factId) : undefined;
      if (!fact) {
        skip(`the pack has no fact "${s.factId}"`);
        continue;
      }
      if (fact.quantity.unit !== quantity.unit) {
        skip(`the fact is in ${fact.quantity.unit}, the correction in ${quantity.unit}`);
        continue;
      }
      fact.quantity = quantity;
      fact.asOf = day;
      fact.sources = withSource(fact.sources, evidenceSource(s, day));
    } else {
      const deal = published.deals.find((d) => d.id === s.dealId);
      if (!deal) {
        skip(`the pack has no deal "${s.dealId}"`);
        continue;
      }
      const same = facts.find((f) => f.deal === deal.id && f.label === s.measures && f.quantity.value === quantity.value && f.quantity.unit === quantity.unit);
      if (same) {
        result.applied.push(id); // already in the pack (an earlier release took it)
        continue;
      }
      const base = `${deal.id}.${slug(s.measures, 80)}`.slice(0, 120);
      let factId = base;
      for (let n = 2; byId.has(factId); n++) factId = `${base}-${n}`;
      const fact: Fact = {
        id: factId,
        deal: deal.id,
        subject: deal.parties[0]!,
        ...(deal.parties[1] ? { object: deal.parties[1] } : {}),
        metric: METRIC_BY_KIND[s.proposed.kind],
        role: slug(s.measures, 60),
        label: s.measures,
        quantity,
        asOf: day,
        status: 'reported',
        cues: [],
        excludes: [],
        sources: [evidenceSource(s, day)],
      } as Fact;
      facts.push(fact);
      byId.set(factId, fact);
    }
    result.applied.push(id);
  }
  const pack: Pack = { ...published, version: published.version + 1, published: now.toISOString(), facts };
  return { pack, ...result };
}

/** A finished release: the two static files to publish, and what to tell the maintainer. */
export interface Release extends Applied {
  ok: true;
  version: number;
  /** pack.json, exactly as signed. */
  bytes: Uint8Array;
  /** pack.json.sig: base64 Ed25519 over `bytes`. */
  signature: string;
  /** The diff from the published version, then what was skipped and how it was signed. */
  lines: string[];
}

/**
 * Releases the next version of the published pack (its exact bytes): applies the accepted
 * corrections, checks the result with `parsePack`, signs it with the maintainer's key (adding the
 * key's `publicKey` if the pack has none) and diffs it against the published version.
 */
export async function releasePack(
  publishedBytes: Uint8Array,
  accepted: readonly AcceptedCorrection[],
  privateKeyText: string,
  now = new Date(),
): Promise<Release | { ok: false; lines: string[] }> {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(publishedBytes));
  } catch (error) {
    return { ok: false, lines: [`published pack: not valid JSON (${(error as Error).message})`] };
  }
  const published = parsePack(raw);
  if (!published.ok) return { ok: false, lines: [`published pack: ${published.error}`] };
  if (accepted.length === 0) return { ok: false, lines: ['No accepted corrections wait for a release: nothing to release.'] };
  const next = nextVersion(published.value, accepted, now);
  if (next.applied.length === 0) {
    return { ok: false, lines: ['None of the accepted corrections applies to this pack:', ...next.skipped.map((s) => `- ${s.id}: ${s.reason}`)] };
  }
  const checked = parsePack(JSON.parse(JSON.stringify(next.pack)));
  if (!checked.ok) return { ok: false, lines: ['The new version would not be a valid pack:', ...checked.error.split('\n')] };
  const signed = await sign(new TextEncoder().encode(JSON.stringify(checked.value, null, 2) + '\n'), privateKeyText);
  if (!signed.ok) return signed;
  const changes = diff(publishedBytes, signed.bytes);
  return {
    ok: true,
    version: checked.value.version,
    bytes: signed.bytes,
    signature: signed.signature,
    applied: next.applied,
    skipped: next.skipped,
    lines: [...changes.lines, ...next.skipped.map((s) => `skipped ${s.id}: ${s.reason}`), ...signed.lines],
  };
}
