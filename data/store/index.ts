/** The fact store: Dexie over the extension origin's IndexedDB. Background and extension pages only. */
export { FactmarkDB, type PackDataRow, type PackOrigin, type PackRow } from './db';
export { getPack, getPackRow, installPack, listPacks, loadPacks, openStore, removePack, seedBundledPack, updatePackRow, type InstallOutcome } from './store';
