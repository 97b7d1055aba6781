import type { Result } from '../schema/result';
import { SYNC_LIMITS, megabytes } from './limits';

/** The validators of the installed copy, for a conditional request. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface FetchOptions extends Validators {
  timeoutMs?: number;
  maxBytes?: number;
  /** Injected in tests; the global fetch otherwise. */
  fetchImpl?: typeof fetch;
}

/** A download: new bytes with their validators, or "not modified" (HTTP 304). */
export type Download = { status: 'not-modified' } | ({ status: 'ok'; bytes: Uint8Array } & Validators);

/** Reads a body up to `max` bytes; answers null (and cancels the stream) when it is longer. */
async function readCapped(response: Response, max: number): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) out.set(c, (at += c.length) - c.length);
  return out;
}

function networkError(error: unknown, url: string, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `The pack host did not answer within ${timeoutMs / 1000} seconds (${url}).`;
  const detail = error instanceof Error ? error.message : String(error);
  return `Could not reach the pack host (${detail}). Check the address and your connection; the host must also allow cross-origin requests (CORS).`;
}

/**
 * GETs `url` with a timeout (AbortController over the whole exchange, body included) and a size
 * limit (Content-Length first, then counted while reading). Sends If-None-Match / If-Modified-Since
 * when validators are given; those are not CORS-safelisted headers, so a host that refuses the
 * preflight would look unreachable: then the request is retried once without them.
 * `missingOk` answers null for a 404 (used for the optional `.sig`).
 */
export async function fetchBytes(url: string, options: FetchOptions & { missingOk: true }): Promise<Result<Download | null>>;
export async function fetchBytes(url: string, options?: FetchOptions & { missingOk?: false }): Promise<Result<Download>>;
export async function fetchBytes(url: string, options: FetchOptions & { missingOk?: boolean } = {}): Promise<Result<Download | null>> {
  const timeoutMs = options.timeoutMs ?? SYNC_LIMITS.timeoutMs;
  const maxBytes = options.maxBytes ?? SYNC_LIMITS.maxPackBytes;
  const doFetch = options.fetchImpl ?? globalThis.fetch.bind(globalThis);
  const conditional: Record<string, string> = {};
  if (options.etag) conditional['If-None-Match'] = options.etag;
  if (options.lastModified) conditional['If-Modified-Since'] = options.lastModified;

  const attempt = async (headers: Record<string, string>): Promise<Result<Download | null> & { retry?: boolean }> => {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      // no-store: the extension keeps its own validators; the HTTP cache would only hide a 304.
      const response = await doFetch(url, { headers, signal: controller.signal, cache: 'no-store', credentials: 'omit', redirect: 'follow' });
      if (response.status === 304) return { ok: true, value: { status: 'not-modified' } };
      if (response.status === 404 && options.missingOk) return { ok: true, value: null };
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        return { ok: false, error: `The pack host answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${url}.` };
      }
      const declared = Number(response.headers.get('content-length'));
      if (declared > maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        return { ok: false, error: `The pack is too large (${megabytes(declared)}; the limit is ${megabytes(maxBytes)}). It was not downloaded.` };
      }
      const bytes = await readCapped(response, maxBytes);
      if (!bytes) return { ok: false, error: `The pack is too large (over the ${megabytes(maxBytes)} limit). The download was stopped.` };
      return {
        ok: true,
        value: {
          status: 'ok',
          bytes,
          etag: response.headers.get('etag') ?? undefined,
          lastModified: response.headers.get('last-modified') ?? undefined,
        },
      };
    } catch (error) {
      return { ok: false, error: networkError(error, url, timedOut, timeoutMs), retry: !timedOut };
    } finally {
      clearTimeout(timer);
    }
  };

  const first = await attempt(conditional);
  if (!first.ok && first.retry && Object.keys(conditional).length) {
    const plain = await attempt({});
    // A plain GET that also fails means the host is down: report the first error.
    return plain.ok ? plain : { ok: false, error: first.error };
  }
  return first.ok ? first : { ok: false, error: first.error };
}
