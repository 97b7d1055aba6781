import type { PackTrust } from '../data/schema/verdict';

/** A pack as the card and the popup name it. */
export interface NamedPack {
  title: string;
  publisher: string;
  trust?: PackTrust;
}

/**
 * Who vouches for a pack, in words: "bundled with Factmark", "signed by key ab12 cd34 …",
 * "imported, unsigned". A pack whose trust is unknown is never said to be trusted.
 */
export function trustWords(trust: PackTrust | undefined): string {
  switch (trust?.kind) {
    case 'bundled':
      return 'bundled with Factmark';
    case 'signed':
      return `signed by key ${trust.fingerprint ?? '(unknown)'}`;
    case 'unsigned':
      return trust.via === 'address' ? 'subscribed, unsigned' : 'imported, unsigned';
    default:
      return 'of unknown origin, unsigned';
  }
}

/**
 * The line that names a fact's pack: "From “Factmark default facts”, bundled with Factmark", or
 * "From “Newsroom facts” by Example Newsroom, signed by key ab12 …". The publisher is the pack's
 * own claim, so only the bundled pack is named without it.
 */
export function packLine(pack: NamedPack): string {
  if (pack.trust?.kind === 'bundled') return `From “${pack.title}”, ${trustWords(pack.trust)}`;
  return `From “${pack.title}” by ${pack.publisher}, ${trustWords(pack.trust)}`;
}
