import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { bundledPack } from '../../data/packs';
import { buildIndex, decodeAnnotate, matchBatch } from '../../data/match';
import { AnnotateRequest } from '../../data/schema/messages';
import { LazyIndex } from '../../data/store/lazy-index';
import { splitPack } from '../../data/store/split';
import { firstWordsOf } from '../../data/match/names-table';
import { getPack, getPackRow, listPacks, loadPacks, openStore, type PartnersRow } from '../../data/store/store';
import { knownBatch, syntheticPack } from '../../scripts/bench/_synthetic-pack';
import { testPack } from './pack-sync-fixtures';

describe('database upgrade', () => {
  it('keeps the packs of a database created at schema version 1 when the current FactmarkDB opens it', async () => {
    const factory = new IDBFactory();
    // The version 1 schema exactly as it shipped: packs and packData only.
    const old = new Dexie('factmark', { indexedDB: factory, IDBKeyRange });
    old.version(1).stores({ packs: 'id', packData: 'packId' });
    const row = { id: 'test-pack', title: 'Test pack', publisher: 'Test Publisher', version: 1, published: testPack(1).published, formatVersion: 1, installedAt: '2026-01-01T00:00:00.000Z', origin: 'file', factCount: 4 };
    await old.table('packs').put(row);
    await old.table('packData').put({ packId: 'test-pack', pack: testPack(1) });
    await old.table('packs').put({ ...row, id: bundledPack.id, title: bundledPack.title, origin: 'bundled', factCount: bundledPack.facts.length });
    await old.table('packData').put({ packId: bundledPack.id, pack: bundledPack });
    old.close();

    const db = openStore('factmark', factory, IDBKeyRange);
    expect(await getPackRow(db, 'test-pack')).toEqual(row);
    expect((await loadPacks(db)).map((p) => p.id).sort()).toEqual(['factmark-default', 'test-pack']);
    expect((await listPacks(db)).length).toBe(2);
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(await db.corrections.count()).toBe(0); // tables added by later versions exist and are empty
    db.close();
  });

  it('splits the pack documents of a version 3 database into heads and deal rows (version 4), keeping every pack whole', async () => {
    const factory = new IDBFactory();
    const old = new Dexie('factmark', { indexedDB: factory, IDBKeyRange });
    old.version(1).stores({ packs: 'id', packData: 'packId' });
    old.version(2).stores({ corrections: 'id, status, createdAt' });
    old.version(3).stores({ corrections: 'id, status, createdAt, page.url, nextAttemptAt' });
    await old.table('packs').put({ id: bundledPack.id, title: bundledPack.title, publisher: bundledPack.publisher, version: bundledPack.version, published: bundledPack.published, formatVersion: 2, installedAt: '2026-01-01T00:00:00.000Z', origin: 'bundled', factCount: bundledPack.facts.length });
    await old.table('packData').put({ packId: bundledPack.id, pack: bundledPack });
    await old.table('packData').put({ packId: 'test-pack', pack: testPack(1) });
    old.close();

    const db = openStore('factmark', factory, IDBKeyRange);
    expect(await getPack(db, bundledPack.id)).toEqual(bundledPack);
    expect(await getPack(db, 'test-pack')).toEqual(testPack(1));
    expect(await db.dealFacts.count()).toBe(bundledPack.deals.length + testPack(1).deals.length);
    const head = await db.packData.get(bundledPack.id);
    expect(head?.pack.facts).toEqual([]);
    expect(head?.namedDeals.map((d) => d.id)).toEqual(bundledPack.deals.filter((d) => d.names?.length).map((d) => d.id));
    db.close();
  });

  it('finds the deal rows of a version 6 database by the parties their facts need (version 7), keeping every pack whole', async () => {
    const factory = new IDBFactory();
    const old = new Dexie('factmark', { indexedDB: factory, IDBKeyRange });
    old.version(1).stores({ packs: 'id', packData: 'packId' });
    old.version(2).stores({ corrections: 'id, status, createdAt' });
    old.version(3).stores({ corrections: 'id, status, createdAt, page.url, nextAttemptAt' });
    old.version(4).stores({ dealFacts: '[packId+dealId], dealId, *entities' });
    old.version(5).stores({ dealFacts: '[packId+dealId], *entities' });
    old.version(6).stores({});
    // A big pack about the bundled pack's companies too (its own ids, the same names), so lookups weigh both.
    const big = { ...syntheticPack(2_000, 7, bundledPack.entities), id: 'big-pack' };
    const packs = [bundledPack, big];
    for (const pack of packs) {
      const { head, rows } = splitPack(pack);
      // Rows as version 6 wrote them: no keys.
      await old.table('dealFacts').bulkPut(rows.map(({ partyKeys: _p, leadKeys: _l, ...row }) => row));
      // The big pack's head as version 6's upgrade wrote it: first words as lists.
      await old.table('packData').put(pack === big ? { ...head, firstWords: pack.entities.map(firstWordsOf) } : head);
      await old.table('packs').put({ id: pack.id, title: pack.title, publisher: pack.publisher, version: pack.version, published: pack.published, formatVersion: pack.formatVersion, installedAt: '2026-01-01T00:00:00.000Z', origin: pack === bundledPack ? 'bundled' : 'file', factCount: pack.facts.length });
    }
    expect(await old.table('dealFacts').filter((row) => 'partyKeys' in row).count()).toBe(0);
    old.close();

    const db = openStore('factmark', factory, IDBKeyRange);
    for (const pack of packs) expect(await getPack(db, pack.id)).toEqual(pack);
    expect((await listPacks(db)).map((p) => p.id).sort()).toEqual(['big-pack', bundledPack.id]);
    // Each head, and each row's keys, are those an install writes now.
    for (const pack of packs) {
      expect(await db.packData.get(pack.id)).toEqual(splitPack(pack).head);
      const expected = splitPack(pack).rows;
      const got = await db.dealFacts.where('[packId+dealId]').between([pack.id, Dexie.minKey], [pack.id, Dexie.maxKey]).toArray();
      expect(new Map(got.map((row) => [row.dealId, row]))).toEqual(new Map(expected.map((row) => [row.dealId, row])));
      const partners = await db.partners.where('[packId+entity]').between([pack.id, Dexie.minKey], [pack.id, Dexie.maxKey]).toArray();
      // The same ids, in the order of the rows they were read from.
      const sorted = (rows: PartnersRow[]) => new Map(rows.map((row) => [row.entity, { ...row, pairs: [...row.pairs].sort(), cross: [...row.cross].sort() }]));
      expect(sorted(partners)).toEqual(sorted(splitPack(pack).partners));
    }
    // The new indexes answer, and a lookup gives the verdicts of the index over every fact.
    const lead = splitPack(big).rows.flatMap((row) => row.leadKeys).find((key) => key.startsWith('known-'))!;
    expect(await db.dealFacts.where('leadKeys').equals(lead).count()).toBe(1);
    const pair = splitPack(big).rows.flatMap((row) => row.partyKeys).find((key) => key.startsWith('known-') && key.includes('\u0001'))!;
    expect(await db.dealFacts.where('partyKeys').equals(pair).count()).toBeGreaterThan(0);
    const request = decodeAnnotate(AnnotateRequest.parse(knownBatch(bundledPack, 60)));
    if (!request.ok) throw new Error(request.error);
    const full = buildIndex(await loadPacks(db));
    const verdicts = matchBatch(await new LazyIndex(db).indexFor(request.value), request.value);
    expect(verdicts).toEqual(matchBatch(full, request.value));
    expect(verdicts.filter((v) => v.verdict === 'verified').length).toBeGreaterThan(10);
    db.close();
  });
});
