/** Pack subscriptions: fetch, verify, diff, schedule and apply. Background and CLI; never the content script. */
export { checkPackBytes, type CheckedPack, type Pinned } from './check';
export { diffPacks, summaryLines } from './diff';
export { fetchBytes } from './fetch';
export { SYNC_LIMITS } from './limits';
export { alarmName, clampInterval, nextCheckTime, packIdOfAlarm } from './schedule';
export { generateKeyPair, keyFingerprint, publicKeyOfJwk, signDetached, verifyDetached } from './signature';
export { checkPack, exportPackText, importPackText, previewPack, subscribe, type SyncOptions } from './sync';
