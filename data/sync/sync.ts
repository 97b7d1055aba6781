import type { Result } from '../schema/messages';
import type { CheckOutcome, PackPreview } from '../schema/pack-messages';
import type { Pack } from '../schema/pack';
import { bundledPack, impersonation } from '../packs';
import { getPack, getPackRow, installPack, listPacks, updatePackRow, type FactmarkDB, type PackRow } from '../store/store';
import { sha256Hex, utf8 } from './bytes';
import { checkPackBytes, type CheckedPack, type Pinned } from './check';
import { diffPacks } from './diff';
import { fetchBytes, type FetchOptions } from './fetch';
import { SYNC_LIMITS } from './limits';
import { clampInterval, nextCheckTime } from './schedule';

/** Network and clock, injectable for tests. */
export interface SyncOptions {
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  now?: () => number;
  random?: () => number;
}

/** A downloaded, checked pack with what the next conditional request needs. */
interface Fetched {
  checked: CheckedPack;
  etag?: string;
  lastModified?: string;
  sha256: string;
}

type Refusal = { ok: false; error: string; badSignature?: boolean };
type Got = { ok: true; value: Fetched | 'not-modified' } | Refusal;

/** Where a pack's detached signature lives: the pack's URL plus ".sig" (query and fragment kept off). */
function signatureUrl(packUrl: string): string {
  const u = new URL(packUrl);
  u.pathname += '.sig';
  return u.toString();
}

/** Downloads a pack (conditionally, when validators are given) and its signature, then checks both. */
async function download(url: string, pinned: Pinned, validators: Pick<PackRow, 'etag' | 'lastModified' | 'sha256'>, options: SyncOptions): Promise<Got> {
  const net: FetchOptions = { timeoutMs: options.timeoutMs, fetchImpl: options.fetchImpl };
  const body = await fetchBytes(url, { ...net, etag: validators.etag, lastModified: validators.lastModified });
  if (!body.ok) return body;
  if (body.value.status === 'not-modified') return { ok: true, value: 'not-modified' };
  const { bytes, etag, lastModified } = body.value;
  const sha256 = await sha256Hex(bytes);
  // Same bytes as installed (a host that ignores validators): nothing to verify again.
  if (validators.sha256 && sha256 === validators.sha256) return { ok: true, value: 'not-modified' };
  const sig = await fetchBytes(signatureUrl(url), { ...net, maxBytes: SYNC_LIMITS.maxSignatureBytes, missingOk: true });
  if (!sig.ok) return { ok: false, error: `Could not download the pack's signature: ${sig.error}` };
  const sigText = sig.value && sig.value.status === 'ok' ? new TextDecoder().decode(sig.value.bytes).trim() : null;
  const checked = await checkPackBytes(bytes, sigText, pinned);
  if (!checked.ok) return checked;
  return { ok: true, value: { checked: checked.value, etag, lastModified, sha256 } };
}

/** Downloads and checks a pack without installing it, so the reader sees what they would trust. */
export async function previewPack(url: string, options: SyncOptions = {}): Promise<Result<PackPreview>> {
  const got = await download(url, {}, {}, options);
  if (!got.ok) return { ok: false, error: got.error };
  if (got.value === 'not-modified') return { ok: false, error: 'The pack host answered "not modified" to a first request.' };
  const { pack, signature, fingerprint } = got.value.checked;
  const posing = impersonation(pack, bundledPack);
  if (posing) return { ok: false, error: posing };
  return {
    ok: true,
    value: { url, id: pack.id, title: pack.title, publisher: pack.publisher, version: pack.version, published: pack.published, factCount: pack.facts.length, signature, fingerprint },
  };
}

function scheduleFields(interval: number, options: SyncOptions): Pick<PackRow, 'lastCheckedAt' | 'nextCheckAt'> {
  const now = (options.now ?? Date.now)();
  return { lastCheckedAt: new Date(now).toISOString(), nextCheckAt: new Date(nextCheckTime(now, interval, options.random)).toISOString() };
}

/** Installs a checked pack with its subscription fields, and the summary of what changed. */
async function apply(db: FactmarkDB, got: Fetched, origin: string, fields: Partial<PackRow>): Promise<Result<CheckOutcome>> {
  const { pack } = got.checked;
  const old = await getPack(db, pack.id);
  const summary = old && old.version === pack.version ? undefined : diffPacks(old, pack);
  const result = await installPack(db, pack, origin, { ...fields, ...(summary ? { lastSummary: summary } : {}) });
  if (!result.ok) return result;
  return { ok: true, value: { status: result.value.status, summary } };
}

/**
 * Subscribes to a pack by URL (trust on first use: its key is pinned from now on). When the reader
 * confirmed a preview, `expectFingerprint` must still match, so a key swapped in between is refused.
 */
export async function subscribe(db: FactmarkDB, url: string, expectFingerprint: string | null | undefined, options: SyncOptions = {}): Promise<Result<CheckOutcome & { id: string }>> {
  // Subscribing again to an address already installed is a check for updates (one download, with validators).
  const same = (await listPacks(db)).find((row) => row.url === url);
  if (same) return withId(same.id, await checkPack(db, same.id, options));
  const got = await download(url, {}, {}, options);
  if (!got.ok) return { ok: false, error: got.error };
  if (got.value === 'not-modified') return { ok: false, error: 'The pack host answered "not modified" to a first request.' };
  const { pack, publicKey, fingerprint, signature } = got.value.checked;
  if (expectFingerprint !== undefined && expectFingerprint !== fingerprint) {
    return { ok: false, error: "The publisher's key changed since the preview. Nothing was installed; preview the pack again." };
  }
  const posing = impersonation(pack, bundledPack);
  if (posing) return { ok: false, error: posing };
  const installed = await getPackRow(db, pack.id);
  if (installed) {
    return { ok: false, error: `A pack with the id "${pack.id}" is already installed (${installedFrom(installed)}). Remove it first.` };
  }
  const interval = SYNC_LIMITS.defaultIntervalMinutes;
  const result = await apply(db, got.value, url, {
    url,
    intervalMinutes: interval,
    paused: false,
    etag: got.value.etag,
    lastModified: got.value.lastModified,
    sha256: got.value.sha256,
    publicKey,
    keyFingerprint: fingerprint ?? undefined,
    signature,
    lastError: undefined,
    ...scheduleFields(interval, options),
  });
  return withId(pack.id, result);
}

/**
 * Checks a subscribed pack for an update and installs it if it passes every check. On any failure
 * the installed version stays and the reason is recorded on the pack's row.
 */
export async function checkPack(db: FactmarkDB, id: string, options: SyncOptions = {}): Promise<Result<CheckOutcome>> {
  const row = await getPackRow(db, id);
  if (!row) return { ok: false, error: `No pack "${id}" is installed.` };
  if (!row.url) return { ok: false, error: 'This pack was not added by address, so there is nothing to check.' };
  const interval = clampInterval(row.intervalMinutes);
  const times = scheduleFields(interval, options);
  const pinned: Pinned = { id: row.id, version: row.version, publicKey: row.publicKey };
  let got: Got;
  try {
    got = await download(row.url, pinned, row, options);
  } catch (error) {
    got = { ok: false, error: `The check failed unexpectedly: ${(error as Error).message}` };
  }
  if (!got.ok) {
    await updatePackRow(db, id, { ...times, lastError: got.error, ...(got.badSignature ? { signature: 'invalid' as const } : {}) });
    return { ok: false, error: got.error };
  }
  if (got.value === 'not-modified') {
    await updatePackRow(db, id, { ...times, lastError: undefined, signature: row.signature === 'invalid' ? restoredStatus(row) : row.signature });
    return { ok: true, value: { status: 'not-modified' } };
  }
  const { checked } = got.value;
  // An update may not rename a pack into the bundled one either.
  const posing = impersonation(checked.pack, bundledPack);
  if (posing) {
    await updatePackRow(db, id, { ...times, lastError: posing });
    return { ok: false, error: posing };
  }
  const result = await apply(db, got.value, row.url, {
    ...times,
    etag: got.value.etag,
    lastModified: got.value.lastModified,
    sha256: got.value.sha256,
    // An unsigned pack that becomes signed pins its key now.
    publicKey: row.publicKey ?? checked.publicKey,
    keyFingerprint: row.keyFingerprint ?? checked.fingerprint ?? undefined,
    signature: checked.signature,
    lastError: undefined,
  });
  if (!result.ok) await updatePackRow(db, id, { ...times, lastError: result.error });
  return result;
}

/** The signature status of the installed copy, once a refused download is behind us. */
function restoredStatus(row: PackRow): PackRow['signature'] {
  return row.publicKey ? 'signed' : 'unsigned';
}

/** Where an installed pack came from, in words for refusals. */
function installedFrom(row: PackRow): string {
  return row.origin === 'bundled' ? 'it ships with Factmark' : row.url ? `from ${row.url}` : 'from a file';
}

function withId(id: string, result: Result<CheckOutcome>): Result<CheckOutcome & { id: string }> {
  return result.ok ? { ok: true, value: { ...result.value, id } } : result;
}

/** Installs a pack from a file's text. Files carry no signature: the pack is listed as unsigned. */
export async function importPackText(db: FactmarkDB, text: string, options: SyncOptions = {}): Promise<Result<CheckOutcome & { id: string }>> {
  const bytes = utf8(text);
  const checked = await checkPackBytes(bytes, null, {});
  if (!checked.ok) return { ok: false, error: checked.error };
  const { pack } = checked.value;
  const installed = await getPackRow(db, pack.id);
  if (installed && installed.origin !== 'file') {
    return { ok: false, error: `A pack with the id "${pack.id}" is already installed (${installedFrom(installed)}). Remove it first, or check it for updates instead.` };
  }
  const posing = impersonation(pack, bundledPack);
  if (posing) return { ok: false, error: posing };
  if (installed && pack.version < installed.version) {
    return { ok: false, error: `The file's version ${pack.version} is older than the installed version ${installed.version}. Nothing was changed.` };
  }
  const now = (options.now ?? Date.now)();
  const result = await apply(db, { checked: checked.value, sha256: await sha256Hex(bytes) }, 'file', { signature: 'unsigned', lastCheckedAt: new Date(now).toISOString(), lastError: undefined });
  return withId(pack.id, result);
}

/** The installed pack as JSON text (what export saves). */
export async function exportPackText(db: FactmarkDB, id: string): Promise<Result<string>> {
  const pack: Pack | undefined = await getPack(db, id);
  if (!pack) return { ok: false, error: `No pack "${id}" is installed.` };
  return { ok: true, value: JSON.stringify(pack, null, 2) + '\n' };
}
