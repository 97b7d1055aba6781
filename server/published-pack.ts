import { readFile, stat } from 'node:fs/promises';
import { parsePack } from '../data/packs/format';
import type { Pack } from '../data/schema/pack';

/** The published pack as the inbox knows it: the pack, or why it could not be read. */
export type PublishedPack = { ok: true; pack: Pack } | { ok: false; error: string };

/**
 * Reads the published pack (`INBOX_PACK`) through `parsePack`, again whenever the file changes
 * (a release replaces it), so the review page shows each fact's current value.
 */
export function publishedPackFile(path: string): () => Promise<PublishedPack> {
  let cached: { mtimeMs: number; size: number; value: PublishedPack } | null = null;
  return async () => {
    try {
      const { mtimeMs, size } = await stat(path);
      if (cached && cached.mtimeMs === mtimeMs && cached.size === size) return cached.value;
      const parsed = parsePack(JSON.parse(await readFile(path, 'utf8')));
      const value: PublishedPack = parsed.ok ? { ok: true, pack: parsed.value } : { ok: false, error: parsed.error };
      cached = { mtimeMs, size, value };
      return value;
    } catch (error) {
      return { ok: false, error: `${path}: ${(error as Error).message}` };
    }
  };
}
