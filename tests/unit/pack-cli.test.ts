import { describe, expect, it } from 'vitest';
import { bundledPack } from '../../data/packs';
import { utf8 } from '../../data/sync/bytes';
import { diff, keygen, schema, sign, validate, verify } from '../../scripts/pack-cli/core';
import { testPack } from './pack-sync-fixtures';

const bytesOf = (value: unknown) => utf8(JSON.stringify(value, null, 2));

describe('pack CLI', () => {
  it('keygen, sign and verify round-trip; verify catches a changed byte and a different pinned key', async () => {
    const key = await keygen();
    expect(key.publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(key.fingerprint).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
    const bytes = bytesOf({ ...testPack(1), publicKey: key.publicKey });
    const signed = await sign(bytes, key.privateKeyText);
    expect(signed.ok).toBe(true);
    if (!signed.ok) return;
    expect(await verify(bytes, signed.signature)).toEqual({ ok: true, lines: [`OK: pack "test-pack" version 1, 4 facts, signed by key ${key.fingerprint}`] });
    const changed = utf8(new TextDecoder().decode(bytes).replace('"version": 1', '"version": 2'));
    expect(await verify(changed, signed.signature)).toMatchObject({ ok: false, lines: [expect.stringMatching(/signature does not match/)] });
    const other = await keygen();
    expect(await verify(bytes, signed.signature, { publicKey: other.publicKey })).toMatchObject({ ok: false, lines: [expect.stringMatching(/key changed/)] });
    expect(await verify(bytesOf(testPack(1)), null)).toMatchObject({ ok: true, lines: [expect.stringContaining('unsigned')] });
  });

  it('puts the key into a pack that has no publicKey, and signs those bytes', async () => {
    const key = await keygen();
    const signed = await sign(bytesOf(testPack(1)), key.privateKeyText);
    expect(signed).toMatchObject({ ok: true, keyAdded: true, lines: [`added "publicKey": "${key.publicKey}" to the pack`, `signed with key ${key.fingerprint}`] });
    if (!signed.ok) return;
    const doc = JSON.parse(new TextDecoder().decode(signed.bytes));
    expect(Object.keys(doc).slice(0, 7)).toEqual(['formatVersion', 'id', 'title', 'publisher', 'version', 'published', 'publicKey']);
    expect(doc.publicKey).toBe(key.publicKey);
    expect(await verify(signed.bytes, signed.signature, { publicKey: key.publicKey })).toMatchObject({ ok: true });
    const again = await sign(signed.bytes, key.privateKeyText);
    expect(again).toMatchObject({ ok: true, keyAdded: false, lines: [`signed with key ${key.fingerprint}`] });
    expect(again.ok && again.bytes).toBe(signed.bytes);
  });

  it('refuses to sign a pack that names another key, or an invalid one', async () => {
    const key = await keygen();
    const other = await keygen();
    expect(await sign(bytesOf({ ...testPack(1), publicKey: other.publicKey }), key.privateKeyText)).toMatchObject({ ok: false, lines: ['The pack names a different publicKey from this private key.', expect.stringContaining(`Sign with the key whose public key is ${other.publicKey}`)] });
    expect(await sign(bytesOf({ ...testPack(1), publicKey: key.publicKey }), '{"kty":"RSA"}')).toMatchObject({ ok: false, lines: [expect.stringMatching(/^key: Not an Ed25519 private key/)] });
    expect(await sign(utf8('{'), key.privateKeyText)).toMatchObject({ ok: false, lines: [expect.stringMatching(/not valid JSON/)] });
  });

  it('validate lists every schema problem with its path', () => {
    const broken = structuredClone(testPack(1)) as any;
    broken.facts[0].quantity.value = 'lots';
    broken.facts[2].asOf = 'yesterday';
    delete broken.title;
    const report = validate(bytesOf(broken));
    expect(report.ok).toBe(false);
    expect(report.lines[0]).toBe('Invalid fact pack (3 problems):');
    expect(report.lines.slice(1).sort()).toEqual([
      '- facts.0.quantity.value: expected number, received string',
      '- facts.2.asOf: dates are written YYYY-MM-DD',
      '- title: expected string, received undefined',
    ]);
    expect(validate(bytesOf(bundledPack), 'default.json')).toEqual({ ok: true, lines: ['default.json: valid (pack "factmark-default" version 3, formatVersion 2: 34 entities, 50 deals, 102 facts, no publicKey: it will be unsigned)'] });
  });

  it('diff shows added, changed and removed facts and warns about a version that is not higher', () => {
    const report = diff(bytesOf(testPack(2)), bytesOf(testPack(2, { initial: 16e9 })));
    expect(report.lines).toEqual([
      'version 2 -> 2: 0 added, 1 changed, 0 removed',
      expect.stringMatching(/^~ amazon-openai-2026.investment-initial: \$15 billion -> \$16 billion/),
      'warning: the new version 2 is not higher than 2: subscribers will not install it',
    ]);
  });

  it('exports the JSON Schema of the pack format, including publicKey', () => {
    const json = JSON.parse(schema());
    expect(json.$schema).toContain('2020-12');
    expect(Object.keys(json.properties)).toEqual(expect.arrayContaining(['formatVersion', 'id', 'facts', 'publicKey']));
  });
});
