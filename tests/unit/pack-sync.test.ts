import { describe, expect, it } from 'vitest';
import { bundledPack } from '../../data/packs';
import { checkPackBytes } from '../../data/sync/check';
import { diffPacks, summaryLines } from '../../data/sync/diff';
import { fetchBytes } from '../../data/sync/fetch';
import { alarmName, clampInterval, nextCheckTime, packIdOfAlarm } from '../../data/sync/schedule';
import { keyFingerprint, verifyDetached } from '../../data/sync/signature';
import { utf8 } from '../../data/sync/bytes';
import { SYNC_LIMITS } from '../../data/sync/limits';
import { fakeFetch, publisher, testPack } from './pack-sync-fixtures';

describe('checkPackBytes', () => {
  it('accepts a signed pack and names its key fingerprint', async () => {
    const pub = await publisher();
    const { bytes, sig } = await pub.publish(testPack(1));
    const result = await checkPackBytes(bytes, sig);
    expect(result).toMatchObject({ ok: true, value: { signature: 'signed', publicKey: pub.publicKey, pack: { id: 'test-pack', version: 1 } } });
    if (result.ok) expect(result.value.fingerprint).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
    expect(await keyFingerprint(pub.publicKey)).toBe(result.ok && result.value.fingerprint);
  });

  it('accepts an unsigned pack with no key as unsigned', async () => {
    const result = await checkPackBytes(utf8(JSON.stringify(testPack(1))), null);
    expect(result).toMatchObject({ ok: true, value: { signature: 'unsigned', fingerprint: null } });
  });

  it.each([
    ['tampered bytes', async (p: Awaited<ReturnType<typeof publisher>>) => {
      const { bytes, sig } = await p.publish(testPack(2));
      const text = new TextDecoder().decode(bytes).replace('15000000000', '16000000000');
      return { bytes: utf8(text), sig, pinned: { publicKey: p.publicKey } };
    }, /signature does not match/],
    ['a new key (pinned key differs)', async (p: Awaited<ReturnType<typeof publisher>>) => {
      const other = await publisher();
      return { ...(await other.publish(testPack(2))), pinned: { publicKey: p.publicKey } };
    }, /publisher's key changed/],
    ['a signed pack losing its signature', async (p: Awaited<ReturnType<typeof publisher>>) => {
      return { bytes: (await p.publish(testPack(2))).bytes, sig: null, pinned: { publicKey: p.publicKey } };
    }, /no longer signed/],
    ['a key named but no signature', async (p: Awaited<ReturnType<typeof publisher>>) => {
      return { bytes: (await p.publish(testPack(2))).bytes, sig: null, pinned: {} };
    }, /names a publisher key but has no signature/],
    ['a signature but no key', async (p: Awaited<ReturnType<typeof publisher>>) => {
      const { sig } = await p.publish(testPack(2));
      return { bytes: utf8(JSON.stringify(testPack(2))), sig, pinned: {} };
    }, /names no publisher key/],
    ['a garbage signature', async (p: Awaited<ReturnType<typeof publisher>>) => {
      return { bytes: (await p.publish(testPack(2))).bytes, sig: 'not base64!', pinned: {} };
    }, /signature does not match/],
  ])('refuses %s as a signature problem', async (_name, make, reason) => {
    const p = await publisher();
    const { bytes, sig, pinned } = await make(p);
    const result = await checkPackBytes(bytes, sig, pinned);
    expect(result).toMatchObject({ ok: false, badSignature: true });
    if (!result.ok) expect(result.error).toMatch(reason);
  });

  it('refuses a rollback, another pack at the same address, malformed JSON, a schema error and an oversized body', async () => {
    const p = await publisher();
    const v1 = await p.publish(testPack(1));
    expect(await checkPackBytes(v1.bytes, v1.sig, { version: 2, publicKey: p.publicKey })).toMatchObject({ ok: false, error: expect.stringMatching(/version 1 is older than the installed version 2 \(a rollback\)/) });
    expect(await checkPackBytes(v1.bytes, v1.sig, { id: 'other-pack' })).toMatchObject({ ok: false, error: expect.stringMatching(/different pack \("test-pack" instead of "other-pack"\)/) });
    expect(await checkPackBytes(utf8('{"formatVersion": 1,'), null)).toMatchObject({ ok: false, error: expect.stringMatching(/not valid JSON/) });
    const broken = { ...testPack(1), facts: [{ ...testPack(1).facts[0], quantity: { value: 'x', unit: 'USD' } }] };
    expect(await checkPackBytes(utf8(JSON.stringify(broken)), null)).toMatchObject({ ok: false, error: expect.stringContaining('facts.0.quantity.value') });
    expect(await checkPackBytes(new Uint8Array(SYNC_LIMITS.maxPackBytes + 1), null)).toMatchObject({ ok: false, error: expect.stringMatching(/too large/) });
  });

  it('verifies the exact bytes: re-serialised JSON with the same content fails', async () => {
    const p = await publisher();
    const { bytes, sig } = await p.publish(testPack(1));
    const pretty = utf8(JSON.stringify(JSON.parse(new TextDecoder().decode(bytes)), null, 2));
    expect(await verifyDetached(bytes, sig, p.publicKey)).toBe(true);
    expect(await verifyDetached(pretty, sig, p.publicKey)).toBe(false);
  });
});

describe('diffPacks', () => {
  it('lists added, changed (old and new value) and removed facts', () => {
    const old = testPack(1);
    const next = { ...testPack(2, { initial: 16e9 }), facts: [...testPack(2, { initial: 16e9 }).facts.slice(1), bundledPack.facts[6]!] };
    const s = diffPacks(old, next);
    expect(s).toMatchObject({ fromVersion: 1, toVersion: 2, addedCount: 1, changedCount: 1, removedCount: 1 });
    expect(s.changed).toEqual([{ id: 'amazon-openai-2026.investment-initial', label: expect.any(String), from: '$15 billion', to: '$16 billion' }]);
    expect(s.removed.map((f) => f.id)).toEqual([old.facts[0]!.id]);
    expect(summaryLines(s)[0]).toBe('version 1 -> 2: 1 added, 1 changed, 1 removed');
  });

  it('counts everything as added on first install, and caps the lists', () => {
    const s = diffPacks(undefined, bundledPack, 3);
    expect(s).toMatchObject({ fromVersion: null, addedCount: bundledPack.facts.length, changedCount: 0, removedCount: 0 });
    expect(s.added).toHaveLength(3);
    expect(summaryLines(s).at(-1)).toBe(`(${bundledPack.facts.length - 3} more not listed)`);
  });
});

describe('schedule', () => {
  it('never checks more often than hourly, defaults to daily, and spreads by at most a tenth', () => {
    expect(clampInterval(5)).toBe(60);
    expect(clampInterval(undefined)).toBe(1440);
    expect(nextCheckTime(0, 60, () => 0)).toBe(3_600_000);
    expect(nextCheckTime(0, 60, () => 1)).toBe(3_600_000 + 360_000);
    expect(nextCheckTime(0, 1440, () => 1)).toBe(86_400_000 + 1_800_000);
    expect(packIdOfAlarm(alarmName('test-pack'))).toBe('test-pack');
    expect(packIdOfAlarm('corrections:outbox')).toBeNull();
  });
});

describe('fetchBytes', () => {
  const url = 'https://packs.example/pack.json';

  it('sends validators and reads 304 as not modified', async () => {
    const net = fakeFetch({ [url]: (h) => (h.get('if-none-match') === '"v1"' ? { status: 304 } : { body: '{}', headers: { etag: '"v1"' } }) });
    expect(await fetchBytes(url, { fetchImpl: net.impl })).toMatchObject({ ok: true, value: { status: 'ok', etag: '"v1"' } });
    expect(await fetchBytes(url, { fetchImpl: net.impl, etag: '"v1"', lastModified: 'Tue, 01 Jan 2030 00:00:00 GMT' })).toEqual({ ok: true, value: { status: 'not-modified' } });
    expect(net.requests[1]!.headers.get('if-modified-since')).toBe('Tue, 01 Jan 2030 00:00:00 GMT');
  });

  it('retries once without validators when the conditional request cannot be sent (no CORS preflight)', async () => {
    const net = fakeFetch({ [url]: (h) => (h.has('if-none-match') ? { down: true } : { body: '{}' }) });
    expect(await fetchBytes(url, { fetchImpl: net.impl, etag: '"v1"' })).toMatchObject({ ok: true, value: { status: 'ok' } });
    expect(net.requests).toHaveLength(2);
  });

  it.each([
    ['an HTTP error', { status: 503, body: 'busy' }, /answered HTTP 503/],
    ['a host that is down', { down: true }, /Could not reach the pack host/],
    ['a declared oversized body', { body: 'x', headers: { 'content-length': String(70 * 1024 * 1024) } }, /too large \(70 MB; the limit is 64 MB\)/],
  ])('explains %s', async (_name, answer, reason) => {
    const net = fakeFetch({ [url]: answer });
    const result = await fetchBytes(url, { fetchImpl: net.impl });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(reason);
  });

  it('stops reading a body that grows past the limit', async () => {
    const net = fakeFetch({ [url]: { body: 'x'.repeat(2000) } });
    const result = await fetchBytes(url, { fetchImpl: net.impl, maxBytes: 1000 });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/download was stopped/) });
  });

  it('times out', async () => {
    const net = fakeFetch({ [url]: { hang: true } });
    const started = Date.now();
    const result = await fetchBytes(url, { fetchImpl: net.impl, timeoutMs: 200, etag: '"v1"' });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/did not answer within 0.2 seconds/) });
    expect(net.requests).toHaveLength(1); // a timeout is not retried
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('answers null for a missing optional file', async () => {
    expect(await fetchBytes(url + '.sig', { fetchImpl: fakeFetch({}).impl, missingOk: true })).toEqual({ ok: true, value: null });
  });
});
