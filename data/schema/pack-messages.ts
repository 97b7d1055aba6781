import { z } from 'zod';
import { PackTrust } from './verdict';

const PackId = z.string().min(1).max(128);
const PackUrl = z.url({ protocol: /^https?$/ }).max(2000);
/** Per-request network timeout; tests shorten it, readers never set it. */
const TimeoutMs = z.number().int().min(100).max(120_000).optional();

/** Messages about fact packs that the background accepts (each `type` starts with "packs:"). */
export const PACK_MESSAGES = [
  z.object({ type: z.literal('packs:list') }),
  /** Downloads and checks a pack without installing it, for the reader to confirm. */
  z.object({ type: z.literal('packs:preview'), url: PackUrl, timeoutMs: TimeoutMs }),
  /** Installs a pack by URL; `expectFingerprint` is the key the reader saw in the preview. */
  z.object({ type: z.literal('packs:subscribe'), url: PackUrl, expectFingerprint: z.string().max(100).nullable().optional(), timeoutMs: TimeoutMs }),
  /** Installs a pack from a file's text (unsigned, never updated automatically). */
  z.object({ type: z.literal('packs:import'), text: z.string().max(64 * 1024 * 1024) }),
  z.object({ type: z.literal('packs:check'), id: PackId, timeoutMs: TimeoutMs }),
  z.object({ type: z.literal('packs:pause'), id: PackId, paused: z.boolean() }),
  z.object({ type: z.literal('packs:remove'), id: PackId }),
  /** Answers the installed pack's JSON text. */
  z.object({ type: z.literal('packs:export'), id: PackId }),
  z.object({ type: z.literal('packs:set-interval'), id: PackId, minutes: z.number().int().positive().max(60 * 24 * 365) }),
] as const;

/** How an installed pack's signature stands. `invalid` means the last download was refused for its signature. */
export const SignatureStatus = z.enum(['bundled', 'signed', 'unsigned', 'invalid']);
export type SignatureStatus = z.infer<typeof SignatureStatus>;

/** One fact's value in an update summary. */
export const SummaryFact = z.object({ id: z.string(), label: z.string(), value: z.string() });
export type SummaryFact = z.infer<typeof SummaryFact>;

/** What an update changed. Lists are capped (`*Count` holds the full numbers). */
export const UpdateSummary = z.object({
  fromVersion: z.number().nullable(),
  toVersion: z.number(),
  addedCount: z.number(),
  changedCount: z.number(),
  removedCount: z.number(),
  added: z.array(SummaryFact),
  changed: z.array(z.object({ id: z.string(), label: z.string(), from: z.string(), to: z.string() })),
  removed: z.array(SummaryFact),
});
export type UpdateSummary = z.infer<typeof UpdateSummary>;

/** What identifies a pack to a reader: shown in the list and before subscribing. */
const PackHeader = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string(),
  version: z.number(),
  published: z.string(),
  factCount: z.number(),
});

/** One installed pack as the options page lists it, with its subscription state. */
export const PackListing = PackHeader.extend({
  origin: z.string(),
  installedAt: z.string(),
  url: z.string().optional(),
  intervalMinutes: z.number().optional(),
  paused: z.boolean().optional(),
  lastCheckedAt: z.string().optional(),
  nextCheckAt: z.string().optional(),
  keyFingerprint: z.string().optional(),
  signature: SignatureStatus.optional(),
  lastError: z.string().optional(),
  lastSummary: UpdateSummary.optional(),
  /** Who vouches for the installed copy (derived from the fields above by the background). */
  trust: PackTrust.optional(),
  /** Another installed pack's title reads the same (compared as `nameSkeleton` does). */
  titleShared: z.boolean().optional(),
});
export type PackListing = z.infer<typeof PackListing>;

/** What `packs:preview` shows before the reader confirms a subscription. */
export const PackPreview = PackHeader.extend({
  url: z.string(),
  signature: SignatureStatus,
  /** Fingerprint of the publisher's key, or null for an unsigned pack. */
  fingerprint: z.string().nullable(),
});
export type PackPreview = z.infer<typeof PackPreview>;

/** What `packs:check` / `packs:subscribe` / `packs:import` did. */
export const CheckOutcome = z.object({
  status: z.enum(['installed', 'updated', 'unchanged', 'not-modified']),
  summary: UpdateSummary.optional(),
});
export type CheckOutcome = z.infer<typeof CheckOutcome>;
