/** The fact store: Dexie over the extension origin's IndexedDB. Background and extension pages only. */
export { FactmarkDB, type PackDataRow, type PackOrigin, type PackRow } from './db';
export { installPack, listPacks, loadPacks, openStore, seedBundledPack, type InstallOutcome } from './store';
