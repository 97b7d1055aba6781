import type { Pack } from '../schema/pack';
import { parsePack } from './format';
import defaultPackJson from './default-pack.json';

export { parsePack, packJsonSchema } from './format';
export { impersonation, nameSkeleton, packTrust, type PackIdentity, type TrustRecord } from './trust';

function loadBundled(raw: unknown): Pack {
  const parsed = parsePack(raw);
  // A broken bundled pack is a build defect: fail loudly at import, not at first lookup.
  if (!parsed.ok) throw new Error(`Bundled fact pack is invalid: ${parsed.error}`);
  return parsed.value;
}

/** The fact pack shipped with the extension, validated at import. */
export const bundledPack: Pack = loadBundled(defaultPackJson);
