import { readFile, rename, writeFile } from 'node:fs/promises';
import { CorrectionBundle } from '../../data/schema/correction';
import type { Report } from './core';
import { releasePack } from './release';

/** Writes a file whole or not at all (a host serving the folder never sends half a pack). */
export async function writeWhole(path: string, data: Uint8Array | string): Promise<void> {
  await writeFile(`${path}.tmp`, data);
  await rename(`${path}.tmp`, path);
}

/**
 * `npm run pack -- release --corrections bundle.json`: the next version from the accepted
 * corrections of a correction bundle (for packs without an inbox), written to `outFile` and its .sig.
 */
export async function releaseFromBundle(files: { packFile: string; keyFile: string; outFile: string }, bundleFile: string): Promise<Report> {
  const parsed = CorrectionBundle.safeParse(JSON.parse(await readFile(bundleFile, 'utf8')));
  if (!parsed.success) return { ok: false, lines: [`${bundleFile}: not a correction bundle (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`] };
  const accepted = parsed.data.corrections.filter((c) => c.status === 'accepted').map(({ status: _s, reason: _r, ...submission }) => ({ id: submission.id, submission }));
  const release = await releasePack(new Uint8Array(await readFile(files.packFile)), accepted, await readFile(files.keyFile, 'utf8'));
  if (!release.ok) return release;
  await writeWhole(files.outFile, release.bytes);
  await writeWhole(`${files.outFile}.sig`, release.signature + '\n');
  return { ok: true, lines: [...release.lines, `wrote ${files.outFile} and ${files.outFile}.sig (version ${release.version}): publish both`] };
}
