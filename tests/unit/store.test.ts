import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bundledPack } from '../../data/packs';
import type { Pack } from '../../data/schema/pack';
import { installPack, listPacks, loadPacks, openStore, seedBundledPack, type FactmarkDB } from '../../data/store/store';
import { importPackText } from '../../data/sync/sync';

/** A fresh, isolated IndexedDB per test. */
let factory = new IDBFactory();
const opened: FactmarkDB[] = [];
function open(name = 'factmark'): FactmarkDB {
  const db = openStore(name, factory, IDBKeyRange);
  opened.push(db);
  return db;
}
afterEach(() => {
  opened.splice(0).forEach((db) => db.close());
  factory = new IDBFactory();
});

/** The bundled pack at another version, with a marker so tests can tell versions apart. */
function version(v: number, title = `Factmark default facts v${v}`): Pack {
  return { ...bundledPack, version: v, title };
}

describe('fact store', () => {
  it('seeds the bundled pack and lists it', async () => {
    const db = open();
    const result = await seedBundledPack(db, bundledPack);
    expect(result).toMatchObject({ ok: true, value: { status: 'installed' } });
    expect(await listPacks(db)).toEqual([
      expect.objectContaining({ id: 'factmark-default', version: 3, origin: 'bundled', formatVersion: 2, factCount: bundledPack.facts.length }),
    ]);
    expect(await loadPacks(db)).toEqual([bundledPack]);
  });

  it('keeps packs across a reopen, and seeding again is a no-op', async () => {
    await seedBundledPack(open('persist'), bundledPack);
    opened.splice(0).forEach((db) => db.close());
    const db = open('persist');
    expect(await loadPacks(db)).toEqual([bundledPack]);
    expect(await seedBundledPack(db, bundledPack)).toMatchObject({ ok: true, value: { status: 'unchanged' } });
  });

  it('seeds a newer bundled pack over an older one, and not an older one over a newer one', async () => {
    const db = open();
    await seedBundledPack(db, version(1));
    expect(await seedBundledPack(db, version(2))).toMatchObject({ ok: true, value: { status: 'updated' } });
    expect(await seedBundledPack(db, version(1))).toMatchObject({ ok: true, value: { status: 'unchanged' } });
    expect((await loadPacks(db))[0]?.version).toBe(2);
  });

  it('installs a newer version over both tables', async () => {
    const db = open();
    await installPack(db, version(1), 'bundled');
    const result = await installPack(db, version(2), 'https://packs.example/factmark.json');
    expect(result).toMatchObject({ ok: true, value: { status: 'updated', pack: { version: 2 } } });
    expect(await listPacks(db)).toEqual([expect.objectContaining({ version: 2, origin: 'https://packs.example/factmark.json' })]);
    expect(await loadPacks(db)).toEqual([version(2)]);
  });

  it('refuses a lower version and leaves the installed one intact', async () => {
    const db = open();
    await installPack(db, version(3), 'bundled');
    const result = await installPack(db, version(2), 'bundled');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/version 2 is older than the installed version 3/);
    expect(await loadPacks(db)).toEqual([version(3)]);
    expect((await listPacks(db))[0]?.version).toBe(3);
  });

  it('refuses an invalid pack file without touching the store', async () => {
    const db = open();
    await installPack(db, bundledPack, 'bundled');
    const broken = { ...version(2), id: 'another-pack', facts: [{ ...bundledPack.facts[0]!, deal: 'no-such-deal' }] };
    const result = await importPackText(db, JSON.stringify(broken));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('facts.0.deal: unknown deal "no-such-deal"');
    expect(await loadPacks(db)).toEqual([bundledPack]);
  });

  it('rolls back both tables when a write fails mid-transaction', async () => {
    const db = open();
    await installPack(db, version(1), 'bundled');
    // The pack data is written first; failing the listing write afterwards must undo it.
    const put = vi.spyOn(db.packs, 'put').mockRejectedValueOnce(new Error('disk full'));
    const result = await installPack(db, version(2), 'bundled');
    put.mockRestore();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('disk full');
    expect(await loadPacks(db)).toEqual([version(1)]);
    expect(await listPacks(db)).toEqual([expect.objectContaining({ version: 1 })]);
  });

  it('rolls back when the transaction aborts after both writes', async () => {
    const db = open();
    await installPack(db, version(1), 'bundled');
    // Abort the transaction from inside, after both puts have been issued.
    const real = db.packs.put.bind(db.packs);
    const put = vi.spyOn(db.packs, 'put').mockImplementationOnce((row) =>
      real(row).then((key) => {
        const tx = Dexie.currentTransaction;
        if (!tx) throw new Error('expected to run inside the install transaction');
        tx.abort();
        return key;
      }),
    );
    const result = await installPack(db, version(2), 'bundled');
    put.mockRestore();
    expect(result.ok).toBe(false);
    expect(await loadPacks(db)).toEqual([version(1)]);
    expect((await listPacks(db))[0]?.version).toBe(1);
  });
});
