import { describe, expect, it } from 'vitest';
import { parsePack } from '../../data/packs/format';
import { CURRENT_FORMAT_VERSION } from '../../data/schema/pack';
import { keygen, verify } from '../../scripts/pack-cli/core';
import { nextVersion, releasePack } from '../../scripts/pack-cli/release';
import { dispute, newFact, publishedPack } from './fixtures';

const NOW = new Date('2026-03-05T09:30:00.000Z');
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value, null, 2));
const pack = () => {
  const parsed = parsePack(publishedPack(3));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

describe('the next pack version from accepted corrections', () => {
  it('sets a disputed fact to the accepted value, with the evidence first among its sources', () => {
    const c = dispute();
    const { pack: next, applied, skipped } = nextVersion(pack(), [{ id: c.id, submission: c }], NOW);
    expect([applied, skipped]).toEqual([[c.id], []]);
    expect(next).toMatchObject({ version: 4, published: '2026-03-05T09:30:00.000Z' });
    const fact = next.facts.find((f) => f.id === 'microsoft-openai.total-investment')!;
    expect(fact).toMatchObject({ quantity: { value: 13e9, unit: 'USD' }, asOf: '2026-03-05', label: "Microsoft's total investment in OpenAI since 2019" });
    expect(fact.sources).toEqual([
      { url: 'https://source.example/microsoft-13bn', title: '“Microsoft has invested $13 billion”', publisher: 'source.example', date: '2026-03-05' },
      { url: 'https://newsroom.example/deals', title: 'Deal tracker', publisher: 'Example Newsroom' },
    ]);
    expect(pack().facts.find((f) => f.id === fact.id)!.quantity.value).toBe(20e9); // the published pack is untouched
  });

  it('adds an accepted new fact to its deal, and skips what does not fit the pack, saying why', () => {
    const idea = newFact();
    const unknownFact = dispute({ factId: 'no-such-fact' });
    const otherUnit = dispute({ proposed: { text: '2 GW', kind: 'power', value: 2, unit: 'GW', display: '2 GW' } });
    const otherPack = dispute({ packId: 'another-pack' });
    const { pack: next, applied, skipped } = nextVersion(pack(), [idea, unknownFact, otherUnit, otherPack].map((s) => ({ id: s.id, submission: s })), NOW);
    expect(applied).toEqual([idea.id]);
    expect(skipped).toEqual([
      { id: unknownFact.id, reason: 'the pack has no fact "no-such-fact"' },
      { id: otherUnit.id, reason: 'the fact is in USD, the correction in GW' },
      { id: otherPack.id, reason: 'it is for pack "another-pack", not "newsroom-facts"' },
    ]);
    expect(next.facts.at(-1)).toMatchObject({
      id: 'amazon-openai-2026.remaining-amazon-investment-in-openai-on-conditions',
      deal: 'amazon-openai-2026',
      subject: 'amazon',
      object: 'openai',
      label: 'Remaining Amazon investment in OpenAI, on conditions',
      quantity: { value: 35e9, unit: 'USD' },
      status: 'reported',
      sources: [{ url: 'https://source.example/amazon-35bn', title: 'source.example' }],
    });
  });

  it('writes the current pack format from an older one, signed and valid, with the diff', async () => {
    const key = await keygen();
    const c = dispute();
    const release = await releasePack(bytes(publishedPack(3)), [{ id: c.id, submission: c }], key.privateKeyText, NOW);
    if (!release.ok) throw new Error(release.lines.join('\n'));
    const doc = JSON.parse(new TextDecoder().decode(release.bytes));
    expect(doc).toMatchObject({ formatVersion: CURRENT_FORMAT_VERSION, version: 4, publicKey: key.publicKey });
    expect(parsePack(doc).ok).toBe(true);
    expect((await verify(release.bytes, release.signature, { publicKey: key.publicKey })).ok).toBe(true);
    expect(release.lines).toEqual([
      'version 3 -> 4: 0 added, 1 changed, 0 removed',
      "~ microsoft-openai.total-investment: $20 billion -> $13 billion (Microsoft's total investment in OpenAI since 2019)",
      `added "publicKey": "${key.publicKey}" to the pack`,
      `signed with key ${key.fingerprint}`,
    ]);
  });

  it('refuses to release nothing, an invalid published pack, or a pack signed by another key', async () => {
    const key = await keygen();
    const c = dispute();
    const one = [{ id: c.id, submission: c }];
    expect(await releasePack(bytes(publishedPack(3)), [], key.privateKeyText)).toEqual({ ok: false, lines: ['No accepted corrections wait for a release: nothing to release.'] });
    expect(await releasePack(bytes({ ...publishedPack(3), version: 0 }), one, key.privateKeyText)).toMatchObject({ ok: false, lines: [expect.stringMatching(/^published pack: Invalid fact pack \(1 problem\):\n- version: /)] });
    const other = await keygen();
    expect(await releasePack(bytes(publishedPack(3, { publicKey: other.publicKey })), one, key.privateKeyText)).toMatchObject({ ok: false, lines: ['The pack names a different publicKey from this private key.', expect.any(String)] });
    const none = dispute({ factId: 'gone' });
    expect(await releasePack(bytes(publishedPack(3)), [{ id: none.id, submission: none }], key.privateKeyText)).toEqual({ ok: false, lines: ['None of the accepted corrections applies to this pack:', `- ${none.id}: the pack has no fact "gone"`] });
  });
});
