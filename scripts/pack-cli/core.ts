/**
 * The pack maintainers' tool, as functions over bytes and strings (no files, no process): the CLI
 * in scripts/pack-cli.ts reads and writes files around these, and tests call them directly.
 * Everything reuses the extension's own code (parsePack, checkPackBytes, diffPacks), so a pack
 * that passes here passes in the extension.
 */
import { packJsonSchema, parsePack } from '../../data/packs/format';
import { checkPackBytes, type Pinned } from '../../data/sync/check';
import { diffPacks, summaryLines } from '../../data/sync/diff';
import { generateKeyPair, keyFingerprint, publicKeyOfJwk, signDetached } from '../../data/sync/signature';

/** What a command says, and whether it succeeded (the CLI's exit code). */
export interface Report {
  ok: boolean;
  lines: string[];
}

/** Reads JSON text, or a one-line reason. */
function readJson(bytes: Uint8Array, name: string): { ok: true; value: unknown } | { ok: false; line: string } {
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch (error) {
    return { ok: false, line: `${name}: not valid JSON (${(error as Error).message})` };
  }
}

/** A new signing key: the private JWK text to keep secret, and the public key to put in the pack. */
export async function keygen(): Promise<{ privateKeyText: string; publicKey: string; fingerprint: string }> {
  const { privateJwk, publicKey } = await generateKeyPair();
  return { privateKeyText: JSON.stringify(privateJwk, null, 2) + '\n', publicKey, fingerprint: await keyFingerprint(publicKey) };
}

/** Validates a pack file: every schema problem with its path, or a one-line summary of a valid pack. */
export function validate(bytes: Uint8Array, name = 'pack.json'): Report {
  const json = readJson(bytes, name);
  if (!json.ok) return { ok: false, lines: [json.line] };
  const parsed = parsePack(json.value);
  if (!parsed.ok) return { ok: false, lines: parsed.error.split('\n') };
  const p = parsed.value;
  return {
    ok: true,
    lines: [`${name}: valid (pack "${p.id}" version ${p.version}, formatVersion ${p.formatVersion}: ${p.entities.length} entities, ${p.deals.length} deals, ${p.facts.length} facts${p.publicKey ? '' : ', no publicKey: it will be unsigned'})`],
  };
}

/** Parses a private key file (an Ed25519 JWK). */
function readPrivateKey(text: string): JsonWebKey {
  const jwk = JSON.parse(text) as JsonWebKey;
  publicKeyOfJwk(jwk); // throws a plain reason for anything else
  return jwk;
}

/**
 * Puts `publicKey` at the top level of a pack that has none (after `published`), re-serialised as
 * two-space JSON; a pack that already names a key is returned unchanged.
 */
function withPublicKey(bytes: Uint8Array, publicKey: string): { bytes: Uint8Array; added: boolean } {
  const doc = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  if (doc.publicKey !== undefined) return { bytes, added: false };
  const next: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(doc)) {
    next[field] = value;
    if (field === 'published') next.publicKey = publicKey;
  }
  next.publicKey = publicKey; // no-op when placed above; last otherwise
  return { bytes: new TextEncoder().encode(JSON.stringify(next, null, 2) + '\n'), added: true };
}

/** A signed pack: the exact bytes that were signed (with `publicKey` added if it had none) and the signature. */
export interface Signed {
  ok: true;
  /** The pack's bytes as signed: publish these, not the input, when `keyAdded`. */
  bytes: Uint8Array;
  keyAdded: boolean;
  signature: string;
  lines: string[];
}

/**
 * Signs a pack's exact bytes. A pack without `publicKey` gets this key's (the bytes change, see
 * `Signed.bytes`). Refuses an invalid pack, and one whose `publicKey` is another key's
 * (subscribers would refuse it), so a published pair always verifies.
 */
export async function sign(input: Uint8Array, privateKeyText: string): Promise<Signed | { ok: false; lines: string[] }> {
  const valid = validate(input);
  if (!valid.ok) return { ok: false, lines: valid.lines };
  let jwk: JsonWebKey;
  try {
    jwk = readPrivateKey(privateKeyText);
  } catch (error) {
    return { ok: false, lines: [`key: ${(error as Error).message}`] };
  }
  const publicKey = publicKeyOfJwk(jwk);
  const { bytes, added } = withPublicKey(input, publicKey);
  const declared = (JSON.parse(new TextDecoder().decode(bytes)) as { publicKey?: string }).publicKey;
  if (declared !== publicKey) {
    return { ok: false, lines: ['The pack names a different publicKey from this private key.', `Sign with the key whose public key is ${declared}, or replace "publicKey" with "${publicKey}" (subscribers who pinned the old key will refuse the pack).`] };
  }
  const signature = await signDetached(bytes, jwk);
  const fingerprint = await keyFingerprint(publicKey);
  return { ok: true, bytes, keyAdded: added, signature, lines: [...(added ? [`added "publicKey": "${publicKey}" to the pack`] : []), `signed with key ${fingerprint}`] };
}

/** Verifies a pack and its signature (null: unsigned) exactly as the extension does on download. */
export async function verify(bytes: Uint8Array, signature: string | null, pinned: Pinned = {}): Promise<Report> {
  const result = await checkPackBytes(bytes, signature, pinned);
  if (!result.ok) return { ok: false, lines: result.error.split('\n') };
  const { pack, signature: status, fingerprint } = result.value;
  return { ok: true, lines: [`OK: pack "${pack.id}" version ${pack.version}, ${pack.facts.length} facts, ${status === 'signed' ? `signed by key ${fingerprint}` : 'unsigned'}`] };
}

/** What changed between two versions of a pack: facts added, changed (old -> new value), removed. */
export function diff(oldBytes: Uint8Array, newBytes: Uint8Array): Report {
  const packs = [readJson(oldBytes, 'old'), readJson(newBytes, 'new')].map((j, i) => {
    if (!j.ok) return { ok: false as const, error: j.line };
    const parsed = parsePack(j.value);
    return parsed.ok ? parsed : { ok: false as const, error: `${i === 0 ? 'old' : 'new'}: ${parsed.error}` };
  });
  const [a, b] = packs;
  if (!a!.ok || !b!.ok) return { ok: false, lines: packs.flatMap((p) => (p.ok ? [] : p.error.split('\n'))) };
  const lines = summaryLines(diffPacks(a.value, b.value, Infinity));
  if (a.value.id !== b.value.id) lines.unshift(`warning: the pack ids differ ("${a.value.id}" vs "${b.value.id}")`);
  if (b.value.version <= a.value.version) lines.push(`warning: the new version ${b.value.version} is not higher than ${a.value.version}: subscribers will not install it`);
  return { ok: true, lines };
}

/** The JSON Schema of the current pack format, as text. */
export function schema(): string {
  return JSON.stringify(packJsonSchema(), null, 2) + '\n';
}
