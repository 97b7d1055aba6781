import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledPack } from '../../data/packs';
import { impersonation, nameSkeleton, packTrust } from '../../data/packs/trust';
import { withPackTrust, toFactView } from '../../data/match/fact-view';
import { getPackRow, listPacks, openStore, seedBundledPack, type FactmarkDB } from '../../data/store/store';
import { checkPack, importPackText, previewPack, subscribe } from '../../data/sync/sync';
import { fakeFetch, publisher, testPack } from './pack-sync-fixtures';

const BUNDLED = { id: bundledPack.id, title: bundledPack.title, publisher: bundledPack.publisher };

describe('pack trust', () => {
  it('is bundled, signed (with the pinned key fingerprint) or unsigned (imported or subscribed), from the store record', () => {
    expect(packTrust({ origin: 'bundled' })).toEqual({ kind: 'bundled' });
    expect(packTrust({ origin: 'https://p.example/pack.json', url: 'https://p.example/pack.json', publicKey: 'k', keyFingerprint: 'ab12 cd34' })).toEqual({ kind: 'signed', fingerprint: 'ab12 cd34' });
    expect(packTrust({ origin: 'https://p.example/pack.json', url: 'https://p.example/pack.json' })).toEqual({ kind: 'unsigned', via: 'address' });
    expect(packTrust({ origin: 'file' })).toEqual({ kind: 'unsigned', via: 'file' });
    // A file never carries a signature, whatever fields it brought.
    expect(packTrust({ origin: 'file', keyFingerprint: 'ab12' })).toEqual({ kind: 'unsigned', via: 'file' });
  });

  it('travels in each fact view, replacing whatever the view said, and an unknown pack gets none', () => {
    const fact = bundledPack.facts[0]!;
    const views = [toFactView(fact, bundledPack), toFactView(fact, { id: 'evil', title: 'Evil', publisher: 'Evil', trust: { kind: 'bundled' } })];
    const trusted = withPackTrust(views, (id) => (id === bundledPack.id ? { kind: 'bundled' } : undefined));
    expect(trusted[0]!.pack.trust).toEqual({ kind: 'bundled' });
    expect(trusted[1]!.pack).toEqual({ id: 'evil', title: 'Evil', publisher: 'Evil' });
    expect(views[0]!.pack.trust).toBeUndefined(); // the matcher's shared views are left alone
  });
});

describe('names that look the same', () => {
  it('compare equal through case, spaces, punctuation, width, accents and lookalike letters', () => {
    const same = [
      'Factmark default facts',
      'FACTMARK DEFAULT FACTS',
      '  Factmark   default\tfacts ',
      'Factmark-default_facts!',
      'Ｆａｃｔｍａｒｋ ｄｅｆａｕｌｔ ｆａｃｔｓ', // full width
      'Fаctmаrk dеfаult fаcts', // Cyrillic а and е
      'Factmark default facts\u200b', // zero-width space
      'Fáctmark défault facts',
      'Factrnark defau1t facts', // rn for m, 1 for l
      '𝐅𝐚𝐜𝐭𝐦𝐚𝐫𝐤 default facts', // mathematical bold
    ];
    for (const name of same) expect(nameSkeleton(name), name).toBe(nameSkeleton('Factmark default facts'));
    expect(nameSkeleton('Factmark newsroom facts')).not.toBe(nameSkeleton('Factmark default facts'));
  });
});

describe('no pack may pass itself off as the bundled one', () => {
  it('refuses its id, and its title together with its publisher, however written', () => {
    expect(impersonation({ id: 'factmark-default', title: 'Other', publisher: 'Other' }, BUNDLED)).toMatch(/uses the id "factmark-default", which belongs to the pack that ships with Factmark/);
    expect(impersonation({ id: 'Factmark_Default', title: 'Other', publisher: 'Other' }, BUNDLED)).toMatch(/uses the id/);
    expect(impersonation({ id: 'x', title: 'Factmark  Default Facts', publisher: 'FACTMARK' }, BUNDLED)).toMatch(/calls itself "Factmark {2}Default Facts" by FACTMARK, the name of the pack that ships with Factmark/);
    expect(impersonation({ id: 'x', title: 'Fаctmark default facts', publisher: 'Factmаrk.' }, BUNDLED)).toMatch(/calls itself/);
    // The same title by another publisher is allowed (its card names its trust and the list its key).
    expect(impersonation({ id: 'x', title: 'Factmark default facts', publisher: 'Example Newsroom' }, BUNDLED)).toBeUndefined();
    expect(impersonation({ id: 'x', title: 'Newsroom facts', publisher: 'Factmark' }, BUNDLED)).toBeUndefined();
    expect(impersonation(BUNDLED, { ...BUNDLED, id: 'another' })).toMatch(/calls itself/);
  });

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
  const posing = { ...testPack(1), id: 'fake-default', title: 'Factmark Default Facts', publisher: ' factmark ' };
  const snapshot = async (db: FactmarkDB) => JSON.stringify(await listPacks(db));

  it('refuses such an import with the reason and changes nothing', async () => {
    const db = await open();
    const before = await snapshot(db);
    expect(await importPackText(db, JSON.stringify(posing))).toEqual({ ok: false, error: expect.stringMatching(/calls itself "Factmark Default Facts"/) });
    expect(await snapshot(db)).toBe(before);
    expect(await importPackText(db, JSON.stringify({ ...posing, title: 'My facts' }))).toMatchObject({ ok: true });
  });

  it('refuses such a subscription (and its preview), and an update that renames a subscribed pack into it', async () => {
    const db = await open();
    const pub = await publisher();
    const url = 'https://packs.example/pose/pack.json';
    let served = await pub.publish(posing);
    const net = fakeFetch({ [url]: () => ({ body: served.bytes }), [`${url}.sig`]: () => ({ body: served.sig }) });
    const before = await snapshot(db);
    expect(await previewPack(url, { fetchImpl: net.impl })).toEqual({ ok: false, error: expect.stringMatching(/calls itself/) });
    expect(await subscribe(db, url, undefined, { fetchImpl: net.impl })).toEqual({ ok: false, error: expect.stringMatching(/calls itself/) });
    expect(await snapshot(db)).toBe(before);

    served = await pub.publish({ ...posing, title: 'Pose facts' });
    expect(await subscribe(db, url, undefined, { fetchImpl: net.impl })).toMatchObject({ ok: true });
    served = await pub.publish({ ...posing, version: 2 });
    expect(await checkPack(db, 'fake-default', { fetchImpl: net.impl })).toEqual({ ok: false, error: expect.stringMatching(/calls itself/) });
    expect(await getPackRow(db, 'fake-default')).toMatchObject({ title: 'Pose facts', version: 1, lastError: expect.stringMatching(/calls itself/) });
  });
});
