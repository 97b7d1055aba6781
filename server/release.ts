import { readFile } from 'node:fs/promises';
import { writeWhole } from '../scripts/pack-cli/release-files';
import { releasePack, type Release } from '../scripts/pack-cli/release';
import type { InboxStore } from './store';

/** Where the published pack lives on the maintainer's disk, and the key that signs it. */
export interface ReleaseFiles {
  /** The published pack.json; the release replaces it (and writes pack.json.sig beside it). */
  packFile: string;
  /** Where to write the new pack.json instead (its .sig beside it). */
  outFile?: string;
  /** The maintainer's private key (`npm run pack -- keygen`). */
  keyFile: string;
}

/**
 * Releases the next version from the inbox's accepted, unreleased corrections for the published
 * pack: writes pack.json and pack.json.sig (in place unless `outFile`) and marks those
 * corrections released, so the next release does not take them again.
 */
export async function releaseFromInbox(store: InboxStore, files: ReleaseFiles, now = new Date()): Promise<Release | { ok: false; lines: string[] }> {
  const bytes = new Uint8Array(await readFile(files.packFile));
  let packId: unknown;
  try {
    packId = (JSON.parse(new TextDecoder().decode(bytes)) as { id?: unknown }).id;
  } catch {
    packId = undefined; // releasePack names the problem
  }
  const accepted = typeof packId === 'string' ? await store.acceptedUnreleased(packId) : [];
  const release = await releasePack(bytes, accepted, await readFile(files.keyFile, 'utf8'), now);
  if (!release.ok) return release;
  const out = files.outFile ?? files.packFile;
  await writeWhole(out, release.bytes);
  await writeWhole(`${out}.sig`, release.signature + '\n');
  await store.markReleased(release.applied, release.version);
  return { ...release, lines: [...release.lines, `wrote ${out} and ${out}.sig (version ${release.version}): publish both`] };
}
