import { fromBase64, sha256Hex, toBase64 } from './bytes';

/**
 * Detached Ed25519 signatures over a pack's exact bytes, with WebCrypto (Chromium and Node 20 both
 * implement Ed25519 in `crypto.subtle`, so the CLI and the extension share this code).
 */

/** Fingerprint shown to readers: the first 16 bytes of SHA-256 of the raw key, hex in groups of 4. */
export async function keyFingerprint(publicKeyBase64: string): Promise<string> {
  const raw = fromBase64(publicKeyBase64);
  if (!raw || raw.length !== 32) throw new Error('A publisher key is 32 bytes of base64.');
  const hex = (await sha256Hex(raw)).slice(0, 32);
  return hex.match(/.{4}/g)!.join(' ');
}

/**
 * Whether `signatureBase64` is the key's Ed25519 signature of `bytes`. False (never a throw) for a
 * malformed key or signature, so callers have one "does not match" path.
 */
export async function verifyDetached(bytes: Uint8Array, signatureBase64: string, publicKeyBase64: string): Promise<boolean> {
  const key = fromBase64(publicKeyBase64);
  const signature = fromBase64(signatureBase64);
  if (!key || key.length !== 32 || !signature || signature.length !== 64) return false;
  try {
    const publicKey = await crypto.subtle.importKey('raw', key as BufferSource, { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, signature as BufferSource, bytes as BufferSource);
  } catch {
    return false;
  }
}

/** A new key pair: the private key as a JWK (holds both halves), the public key as raw base64. */
export async function generateKeyPair(): Promise<{ privateJwk: JsonWebKey; publicKey: string }> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { privateJwk, publicKey: toBase64(raw) };
}

/** The raw base64 public key inside an Ed25519 private JWK (its `x`, base64url). */
export function publicKeyOfJwk(jwk: JsonWebKey): string {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.x || !jwk.d) throw new Error('Not an Ed25519 private key (expected a JWK with kty "OKP", crv "Ed25519", x and d).');
  const b64 = jwk.x.replace(/-/g, '+').replace(/_/g, '/');
  return b64 + '='.repeat((4 - (b64.length % 4)) % 4);
}

/** Signs bytes with an Ed25519 private JWK; answers the base64 signature (the `.sig` file's content). */
export async function signDetached(bytes: Uint8Array, privateJwk: JsonWebKey): Promise<string> {
  publicKeyOfJwk(privateJwk);
  const key = await crypto.subtle.importKey('jwk', privateJwk, { name: 'Ed25519' }, false, ['sign']);
  return toBase64(new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, key, bytes as BufferSource)));
}
