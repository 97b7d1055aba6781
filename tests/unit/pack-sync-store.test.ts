import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bundledPack } from '../../data/packs';
import { getPackRow, listPacks, loadPacks, openStore, removePack, seedBundledPack, type FactmarkDB } from '../../data/store/store';
import { checkPack, exportPackText, importPackText, previewPack, subscribe } from '../../data/sync/sync';
import { fakeFetch, publisher, testPack, type Answer } from './pack-sync-fixtures';

let factory = new IDBFactory();
const opened: FactmarkDB[] = [];
async function open(): Promise<FactmarkDB> {
  const db = openStore('factmark', factory, IDBKeyRange);
  opened.push(db);
  await seedBundledPack(db, bundledPack);
  return db;
}
afterEach(() => {
  opened.splice(0).forEach((db) => db.close());
  factory = new IDBFactory();
});

const URL_ = 'https://packs.example/test/pack.json';

/** A host whose answers the test changes between checks. */
async function host() {
  const pub = await publisher();
  const state: { pack: Answer; sig: Answer } = { pack: { status: 404 }, sig: { status: 404 } };
  const net = fakeFetch({ [URL_]: (h) => (h.get('if-none-match') === state.pack.headers?.etag && state.pack.headers?.etag ? { status: 304 } : state.pack), [`${URL_}.sig`]: () => state.sig });
  return {
    pub,
    net,
    async serve(version: number, initial?: number, etag = `"v${version}"`) {
      const { bytes, sig } = await pub.publish(testPack(version, { initial }));
      state.pack = { body: bytes, headers: { etag } };
      state.sig = { body: sig };
      return { bytes, sig };
    },
    set(pack: Answer, sig: Answer = state.sig) {
      state.pack = pack;
      state.sig = sig;
    },
  };
}

const initialOf = async (db: FactmarkDB) =>
  (await loadPacks(db)).find((p) => p.id === 'test-pack')?.facts.find((f) => f.id === 'amazon-openai-2026.investment-initial')?.quantity.value;

describe('subscriptions in the store', () => {
  it('previews, subscribes (pinning the key), updates with a summary, and answers 304 as not modified', async () => {
    const db = await open();
    const h = await host();
    await h.serve(1);
    const preview = await previewPack(URL_, { fetchImpl: h.net.impl });
    expect(preview).toMatchObject({ ok: true, value: { id: 'test-pack', title: 'Test pack', publisher: 'Test Publisher', factCount: 4, signature: 'signed' } });
    const fingerprint = preview.ok ? preview.value.fingerprint : null;
    expect(await subscribe(db, URL_, fingerprint, { fetchImpl: h.net.impl })).toMatchObject({ ok: true, value: { status: 'installed', id: 'test-pack' } });
    expect(await getPackRow(db, 'test-pack')).toMatchObject({ url: URL_, publicKey: h.pub.publicKey, keyFingerprint: fingerprint, signature: 'signed', etag: '"v1"', intervalMinutes: 1440 });

    await h.serve(2, 16e9);
    const update = await checkPack(db, 'test-pack', { fetchImpl: h.net.impl });
    expect(update).toMatchObject({ ok: true, value: { status: 'updated', summary: { changedCount: 1, changed: [{ from: '$15 billion', to: '$16 billion' }] } } });
    expect(await initialOf(db)).toBe(16e9);

    expect(await checkPack(db, 'test-pack', { fetchImpl: h.net.impl })).toEqual({ ok: true, value: { status: 'not-modified' } });
    expect(h.net.requests.at(-1)!.headers.get('if-none-match')).toBe('"v2"');
    expect((await getPackRow(db, 'test-pack'))?.lastSummary).toMatchObject({ fromVersion: 1, toVersion: 2 });
  });

  it('treats subscribing again to an installed address as a check for updates: one conditional request', async () => {
    const db = await open();
    const h = await host();
    await h.serve(1);
    await subscribe(db, URL_, undefined, { fetchImpl: h.net.impl });
    const before = h.net.requests.length;
    expect(await subscribe(db, URL_, undefined, { fetchImpl: h.net.impl })).toEqual({ ok: true, value: { status: 'not-modified', id: 'test-pack' } });
    const asked = h.net.requests.slice(before).filter((r) => r.url === URL_);
    expect(asked.map((r) => r.headers.get('if-none-match'))).toEqual(['"v1"']);
  });

  it('refuses a subscription whose key changed after the preview', async () => {
    const db = await open();
    const h = await host();
    await h.serve(1);
    expect(await subscribe(db, URL_, '0000 0000', { fetchImpl: h.net.impl })).toMatchObject({ ok: false, error: expect.stringMatching(/key changed since the preview/) });
    expect(await getPackRow(db, 'test-pack')).toBeUndefined();
  });

  it('keeps the installed version through every kind of failed update, and records why', async () => {
    const db = await open();
    const h = await host();
    await h.serve(2);
    await subscribe(db, URL_, undefined, { fetchImpl: h.net.impl });
    const good = await h.serve(3, 16e9); // a later good version, to tamper with
    const other = await publisher();
    const wrongKey = await other.publish(testPack(3, { initial: 1e9 }));
    const rollback = await h.pub.publish(testPack(1, { initial: 1e9 }));
    const tampered = new TextDecoder().decode(good.bytes).replace('16000000000', '17000000000');
    const failures: [string, Answer, Answer | undefined, RegExp, boolean][] = [
      ['tampered', { body: tampered }, { body: good.sig }, /signature does not match/, true],
      ['wrong key', { body: wrongKey.bytes }, { body: wrongKey.sig }, /publisher's key changed/, true],
      ['rollback', { body: rollback.bytes }, { body: rollback.sig }, /rollback/, false],
      ['malformed', { body: '{"formatVersion": 1, "id": ' }, { status: 404 }, /not valid JSON/, false],
      ['server error', { status: 503 }, undefined, /HTTP 503/, false],
      ['down', { down: true }, undefined, /Could not reach/, false],
      ['slow', { hang: true }, undefined, /did not answer within/, false],
      ['oversized', { body: 'x', headers: { 'content-length': String(70e6) } }, undefined, /too large/, false],
    ];
    for (const [name, pack, sig, reason, badSignature] of failures) {
      h.set(pack, sig);
      const result = await checkPack(db, 'test-pack', { fetchImpl: h.net.impl, timeoutMs: 100 });
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.error, name).toMatch(reason);
      const row = await getPackRow(db, 'test-pack');
      expect(row, name).toMatchObject({ version: 2, lastError: expect.stringMatching(reason), signature: badSignature ? 'invalid' : expect.any(String) });
      expect(await initialOf(db), name).toBe(15e9);
    }
    h.set({ body: good.bytes, headers: { etag: '"v3"' } }, { body: good.sig });
    expect(await checkPack(db, 'test-pack', { fetchImpl: h.net.impl })).toMatchObject({ ok: true, value: { status: 'updated' } });
    const row = await getPackRow(db, 'test-pack');
    expect(row).toMatchObject({ version: 3, signature: 'signed' });
    expect(row?.lastError).toBeUndefined();
  });

  it('keeps the old pack when the database write fails mid-apply (quota, crash)', async () => {
    const db = await open();
    const h = await host();
    await h.serve(1);
    await subscribe(db, URL_, undefined, { fetchImpl: h.net.impl });
    await h.serve(2, 16e9);
    const put = vi.spyOn(db.packs, 'put').mockRejectedValueOnce(new DOMException('Quota exceeded', 'QuotaExceededError'));
    const result = await checkPack(db, 'test-pack', { fetchImpl: h.net.impl });
    put.mockRestore();
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('QuotaExceededError') });
    expect(await initialOf(db)).toBe(15e9);
    expect(await getPackRow(db, 'test-pack')).toMatchObject({ version: 1, lastError: expect.stringContaining('Quota') });
  });

  it('imports from text, refuses clashes with the bundled pack, exports, and removes (never the bundled one)', async () => {
    const db = await open();
    const text = JSON.stringify(testPack(1));
    expect(await importPackText(db, text)).toMatchObject({ ok: true, value: { status: 'installed', id: 'test-pack' } });
    expect(await getPackRow(db, 'test-pack')).toMatchObject({ origin: 'file', signature: 'unsigned' });
    expect(await importPackText(db, JSON.stringify(bundledPack))).toMatchObject({ ok: false, error: expect.stringMatching(/already installed \(it ships with Factmark\)/) });
    expect(await importPackText(db, '[]')).toMatchObject({ ok: false, error: expect.stringMatching(/expected a JSON object/) });
    const exported = await exportPackText(db, 'test-pack');
    expect(exported.ok && JSON.parse(exported.value)).toEqual(testPack(1));
    expect(await removePack(db, 'factmark-default')).toMatchObject({ ok: false, error: expect.stringMatching(/cannot be removed/) });
    expect(await removePack(db, 'test-pack')).toMatchObject({ ok: true });
    expect((await listPacks(db)).map((p) => p.id)).toEqual(['factmark-default']);
    expect(await loadPacks(db)).toEqual([bundledPack]);
  });
});
