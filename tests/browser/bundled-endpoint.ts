import type { Page } from '../../scripts/lib/harness-page';

/** The extension API inside extension pages. */
declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };

/**
 * The bundled pack gets no endpoint, so a test gives it one: before any article is opened, the
 * options page (extension origin) rewrites the installed pack in IndexedDB as the next version with a
 * `correctionsEndpoint`. Seeding then sees a newer pack and leaves it; verdicts stay the same.
 */
export async function giveBundledPackAnEndpoint(options: Page, url: string): Promise<void> {
  await options.evaluate(async (endpointUrl) => {
    await chrome.runtime.sendMessage({ type: 'corrections:deals' }); // the background has opened the store
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('factmark');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const get = <T,>(store: string, key: string) =>
      new Promise<T | undefined>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).get(key);
        req.onsuccess = () => resolve(req.result as T);
        req.onerror = () => reject(req.error);
      });
    let row: Record<string, unknown> | undefined;
    for (let i = 0; i < 100 && !(row = await get('packs', 'factmark-default')); i++) await new Promise((r) => setTimeout(r, 100));
    const data = await get<{ packId: string; pack: Record<string, unknown> }>('packData', 'factmark-default');
    if (!row || !data) throw new Error('the bundled pack was never seeded');
    const version = (row.version as number) + 1;
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['packs', 'packData'], 'readwrite');
      tx.objectStore('packData').put({ ...data, pack: { ...data.pack, version, correctionsEndpoint: endpointUrl } });
      tx.objectStore('packs').put({ ...row, version });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, url);
}

