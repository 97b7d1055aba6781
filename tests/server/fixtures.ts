import { randomUUID } from 'node:crypto';
import type { CorrectionSubmission } from '../../data/schema/correction';

const source = [{ url: 'https://newsroom.example/deals', title: 'Deal tracker', publisher: 'Example Newsroom' }];

/**
 * The published pack of the inbox tests, written as a maintainer would (format 1, defaults left
 * out): Microsoft's total investment in OpenAI at $20 billion, and Amazon's initial tranche.
 */
export function publishedPack(version = 1, extra: Record<string, unknown> = {}) {
  return {
    formatVersion: 1,
    id: 'newsroom-facts',
    title: 'Newsroom deal facts',
    publisher: 'Example Newsroom',
    version,
    published: '2026-03-01T00:00:00Z',
    ...extra,
    entities: [
      { id: 'microsoft', name: 'Microsoft', aliases: ['Microsoft'] },
      { id: 'openai', name: 'OpenAI', aliases: ['OpenAI'] },
      { id: 'amazon', name: 'Amazon', aliases: ['Amazon', 'AWS'] },
    ],
    deals: [
      { id: 'microsoft-openai-2019', title: 'Microsoft investment in OpenAI (since 2019)', parties: ['microsoft', 'openai'], announced: '2019-07-22' },
      { id: 'amazon-openai-2026', title: 'Amazon–OpenAI strategic partnership (February 2026)', parties: ['amazon', 'openai'], announced: '2026-02-27' },
    ],
    facts: [
      {
        id: 'microsoft-openai.total-investment',
        deal: 'microsoft-openai-2019',
        subject: 'microsoft',
        object: 'openai',
        metric: 'investment',
        role: 'total-investment',
        label: "Microsoft's total investment in OpenAI since 2019",
        quantity: { value: 20e9, unit: 'USD' },
        asOf: '2026-01-01',
        status: 'reported',
        cues: ['invested', 'investment'],
        sources: source,
      },
      {
        id: 'amazon-openai.initial',
        deal: 'amazon-openai-2026',
        subject: 'amazon',
        object: 'openai',
        metric: 'investment',
        role: 'initial-tranche',
        label: 'Initial tranche of Amazon’s investment in OpenAI',
        quantity: { value: 15e9, unit: 'USD' },
        asOf: '2026-02-27',
        status: 'reported',
        cues: ['initial'],
        sources: source,
      },
    ],
  };
}

/** A valid protocol-1 dispute of Microsoft's figure ($13 billion), with a fresh id unless given. */
export function dispute(overrides: Partial<CorrectionSubmission> = {}): CorrectionSubmission {
  return {
    protocol: 1,
    id: randomUUID(),
    kind: 'dispute',
    packId: 'newsroom-facts',
    packVersion: 1,
    dealId: 'microsoft-openai-2019',
    factId: 'microsoft-openai.total-investment',
    figureText: '$13 billion',
    page: { url: 'https://news.example/openai', title: 'OpenAI and its backers' },
    proposed: { text: '$13bn', kind: 'money', value: 13e9, unit: 'USD', display: '$13 billion (USD)' },
    measures: "Microsoft's total investment in OpenAI",
    evidence: { url: 'https://source.example/microsoft-13bn', quote: 'Microsoft has invested $13 billion' },
    createdAt: '2026-03-02T10:00:00.000Z',
    ...overrides,
  };
}

/** A valid protocol-1 new-fact correction in Amazon's deal. */
export function newFact(overrides: Partial<CorrectionSubmission> = {}): CorrectionSubmission {
  return dispute({
    kind: 'new-fact',
    factId: undefined,
    dealId: 'amazon-openai-2026',
    figureText: '$35 billion',
    proposed: { text: '$35 billion', kind: 'money', value: 35e9, unit: 'USD', display: '$35 billion (USD)' },
    measures: 'Remaining Amazon investment in OpenAI, on conditions',
    evidence: { url: 'https://source.example/amazon-35bn' },
    ...overrides,
  });
}

/** Posts a correction the way Factmark does (JSON, Idempotency-Key = its id unless given). */
export async function post(endpoint: string, body: unknown, key = (body as { id?: string }).id ?? '', headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key, origin: 'chrome-extension://abcdefghijklmnop', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    redirect: 'manual',
  });
  return { status: res.status, body: await res.json().catch(() => null), headers: res.headers };
}
