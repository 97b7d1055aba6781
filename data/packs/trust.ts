import type { PackTrust } from '../schema/verdict';

/**
 * Who vouches for an installed pack, and which packs may not pose as the bundled one. Pure: the
 * background passes what the store records about each pack.
 */

/** What the store records about a pack that its trust rests on (a `PackRow`'s fields). */
export interface TrustRecord {
  /** 'bundled', the subscription URL, or 'file'. */
  origin: string;
  url?: string;
  /** The publisher key pinned on first use; present only once a signature over the pack verified. */
  publicKey?: string;
  keyFingerprint?: string;
}

/**
 * A pack's trust from its store record: shipped with the extension, signed (a subscription whose
 * installed copy verified against the pinned key), or unsigned (imported from a file, or a
 * subscription whose host publishes no signature). A key is pinned only after a signature verified,
 * and an update to a pinned pack is refused unless it verifies against that key, so a pinned key
 * means every installed copy was signed with it (a later refused download leaves the copy as it was).
 */
export function packTrust(record: TrustRecord): PackTrust {
  if (record.origin === 'bundled') return { kind: 'bundled' };
  if (record.url && record.publicKey && record.keyFingerprint) return { kind: 'signed', fingerprint: record.keyFingerprint };
  return { kind: 'unsigned', via: record.url ? 'address' : 'file' };
}

/**
 * Lookalike letters NFKC leaves apart (Cyrillic and Greek letters drawn like Latin ones, digits
 * drawn like letters), each mapped to the Latin letter it imitates. Lower case only: applied after
 * case folding.
 */
const LOOKALIKES: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a', в: 'b', с: 'c', ԁ: 'd', е: 'e', ё: 'e', һ: 'h', н: 'h', і: 'l', ї: 'l', ј: 'j', к: 'k', м: 'm', о: 'o', р: 'p', ԛ: 'q', ѕ: 's', т: 't', у: 'y', ү: 'y', х: 'x', ԝ: 'w', ӏ: 'l', ь: 'b', г: 'r',
  // Greek
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'l', κ: 'k', μ: 'u', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w', ς: 'c', σ: 'o',
  // Latin letters and digits that read as others
  ı: 'l', i: 'l', ɡ: 'g', ʀ: 'r', '0': 'o', '1': 'l', '|': 'l', '5': 's', '$': 's', '@': 'a',
};

/**
 * The form two names are compared in: NFKC (full-width, ligatures, styled letters), case folded,
 * accents dropped, lookalike letters mapped to the Latin ones they imitate, then everything but
 * letters and digits dropped (spaces, punctuation, invisible characters), and 'rn' read as 'm',
 * 'vv' as 'w'. Two names with one skeleton look the same to a reader.
 */
export function nameSkeleton(name: string): string {
  const folded = name.normalize('NFKC').toLowerCase().normalize('NFKD');
  let out = '';
  for (const ch of folded) {
    const mapped = LOOKALIKES[ch] ?? ch;
    if (/^[\p{L}\p{N}]$/u.test(mapped)) out += mapped;
  }
  return out.replace(/rn/g, 'm').replace(/vv/g, 'w');
}

/** The identity a pack shows readers. */
export interface PackIdentity {
  id: string;
  title: string;
  publisher: string;
}

/**
 * Why `pack` may not be installed beside `bundled`, or undefined when it may: no pack other than the
 * bundled one may take its id, or its title together with its publisher, however written.
 */
export function impersonation(pack: PackIdentity, bundled: PackIdentity): string | undefined {
  if (nameSkeleton(pack.id) === nameSkeleton(bundled.id)) {
    return `This pack uses the id "${pack.id}", which belongs to the pack that ships with Factmark. Only Factmark's own pack may use it, so nothing was installed.`;
  }
  if (nameSkeleton(pack.title) === nameSkeleton(bundled.title) && nameSkeleton(pack.publisher) === nameSkeleton(bundled.publisher)) {
    return `This pack calls itself "${pack.title}" by ${pack.publisher}, the name of the pack that ships with Factmark. It is not that pack, so nothing was installed.`;
  }
  return undefined;
}
