import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { bundledPack } from '../../data/packs';
import { getPack, getPackRow, listPacks, loadPacks, openStore } from '../../data/store/store';
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
});
