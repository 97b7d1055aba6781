import { parsePack } from '../packs/format';
import type { Pack } from '../schema/pack';
import { SYNC_LIMITS, megabytes } from './limits';
import { keyFingerprint, verifyDetached } from './signature';

/** What the reader's device already trusts about a pack (nothing, for a first download). */
export interface Pinned {
  /** Pack id expected at this address. */
  id?: string;
  /** Installed version: a lower one is a rollback. */
  version?: number;
  /** The publisher key pinned on first use. */
  publicKey?: string;
}

/** A pack that passed every check, with how it was signed. */
export interface CheckedPack {
  pack: Pack;
  signature: 'signed' | 'unsigned';
  publicKey?: string;
  fingerprint: string | null;
}

/** A refusal in plain words; `badSignature` marks refusals about the signature or key. */
export type CheckResult = { ok: true; value: CheckedPack } | { ok: false; error: string; badSignature?: boolean };

/**
 * Checks a downloaded pack's exact bytes and detached signature (null when the host has none) in
 * the order that gives the clearest reason: size, JSON, signature and key, schema, identity, version.
 * The signature covers the bytes, so it is checked before the content is trusted for anything
 * except naming its key. Shared by the extension and `npm run pack -- verify`.
 */
export async function checkPackBytes(bytes: Uint8Array, signature: string | null, pinned: Pinned = {}): Promise<CheckResult> {
  if (bytes.length > SYNC_LIMITS.maxPackBytes) {
    return { ok: false, error: `The pack is too large (${megabytes(bytes.length)}; the limit is ${megabytes(SYNC_LIMITS.maxPackBytes)}).` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    return { ok: false, error: `The pack is not valid JSON (${(error as Error).message}).` };
  }
  const declared = typeof raw === 'object' && raw !== null ? (raw as { publicKey?: unknown }).publicKey : undefined;
  const packKey = typeof declared === 'string' ? declared : undefined;

  if (pinned.publicKey && packKey && packKey !== pinned.publicKey) {
    return { ok: false, badSignature: true, error: "The publisher's key changed: this pack names a different key from the one pinned when you subscribed. It was refused." };
  }
  const key = pinned.publicKey ?? packKey;
  if (signature === null) {
    if (pinned.publicKey) return { ok: false, badSignature: true, error: 'The pack is no longer signed (no .sig file next to it), but its publisher signed it before. It was refused.' };
    if (packKey) return { ok: false, badSignature: true, error: 'The pack names a publisher key but has no signature (.sig file) next to it. It was refused.' };
  } else {
    if (!key) return { ok: false, badSignature: true, error: 'The pack has a signature but names no publisher key (publicKey) to check it with. It was refused.' };
    if (!(await verifyDetached(bytes, signature, key))) {
      return { ok: false, badSignature: true, error: "The signature does not match the pack's bytes: the pack was changed after signing, or signed with another key. It was refused." };
    }
  }

  const parsed = parsePack(raw);
  if (!parsed.ok) return parsed;
  const pack = parsed.value;
  if (pinned.id && pack.id !== pinned.id) {
    return { ok: false, error: `This address now serves a different pack ("${pack.id}" instead of "${pinned.id}"). It was refused.` };
  }
  if (pinned.version !== undefined && pack.version < pinned.version) {
    return { ok: false, error: `The pack's version ${pack.version} is older than the installed version ${pinned.version} (a rollback). It was refused.` };
  }
  const signed = signature !== null;
  return {
    ok: true,
    value: {
      pack,
      signature: signed ? 'signed' : 'unsigned',
      publicKey: signed ? key : undefined,
      fingerprint: signed && key ? await keyFingerprint(key) : null,
    },
  };
}
