import { bundledPack } from '../../data/packs';
import type { Pack } from '../../data/schema/pack';
import { generateKeyPair, signDetached } from '../../data/sync/signature';
import { utf8 } from '../../data/sync/bytes';

/** A small valid pack of its own id, derived from the bundled one. */
export function testPack(version: number, changes: { publicKey?: string; initial?: number; id?: string } = {}): Pack {
  const facts = bundledPack.facts.slice(0, 4).map((f) =>
    f.id === 'amazon-openai-2026.investment-initial' && changes.initial !== undefined ? { ...f, quantity: { ...f.quantity, value: changes.initial } } : f,
  );
  return {
    ...bundledPack,
    id: changes.id ?? 'test-pack',
    title: 'Test pack',
    publisher: 'Test Publisher',
    version,
    ...(changes.publicKey ? { publicKey: changes.publicKey } : {}),
    deals: bundledPack.deals.filter((d) => d.id === 'amazon-openai-2026'),
    facts,
  };
}

/** A publisher: a key pair, and a way to publish signed bytes. */
export async function publisher() {
  const keys = await generateKeyPair();
  return {
    ...keys,
    async publish(pack: Pack): Promise<{ bytes: Uint8Array; sig: string }> {
      const bytes = utf8(JSON.stringify({ ...pack, publicKey: keys.publicKey }));
      return { bytes, sig: await signDetached(bytes, keys.privateJwk) };
    },
  };
}

/** One canned HTTP answer. */
export interface Answer {
  status?: number;
  body?: Uint8Array | string;
  headers?: Record<string, string>;
  /** Never answers until aborted. */
  hang?: boolean;
  /** Throws like a refused connection. */
  down?: boolean;
}

/** A fake fetch over a map of URL -> answer (or a function of the request headers); records requests. */
export function fakeFetch(routes: Record<string, Answer | ((headers: Headers) => Answer)>) {
  const requests: { url: string; headers: Headers }[] = [];
  const impl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const headers = new Headers(init?.headers);
    requests.push({ url, headers });
    const route = routes[url];
    const answer: Answer = typeof route === 'function' ? route(headers) : (route ?? { status: 404, body: 'not found' });
    if (answer.down) throw new TypeError('fetch failed');
    if (answer.hang) {
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    }
    const status = answer.status ?? 200;
    return new Response(status === 304 ? null : (answer.body as BodyInit), { status, headers: answer.headers });
  }) as typeof fetch;
  return { impl, requests };
}
