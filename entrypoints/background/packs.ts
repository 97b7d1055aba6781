import { browser } from 'wxt/browser';
import type { BackgroundMessage, Result } from '../../data/schema/messages';
import { listPacks, removePack, updatePackRow, getPackRow, type FactmarkDB, type PackRow } from '../../data/store/store';
import { alarmName, checkPack, clampInterval, exportPackText, importPackText, nextCheckTime, packIdOfAlarm, previewPack, subscribe } from '../../data/sync';
import type { CheckOutcome, PackListing } from '../../data/schema/pack-messages';
import type { PackTrust } from '../../data/schema/verdict';
import { nameSkeleton, packTrust } from '../../data/packs/trust';
import { withPackTrust } from '../../data/match/fact-view';
import type { PackedVerdicts } from '../../data/match/pack-verdicts';
import type { FactService } from './facts';

type PackMessage = Extract<BackgroundMessage, { type: `packs:${string}` }>;

/** The listing row without what only the background needs (validators, raw key, hash). */
function listing(row: PackRow): PackListing {
  const { etag: _e, lastModified: _l, sha256: _s, publicKey: _k, formatVersion: _f, ...shown } = row;
  return { ...shown, trust: packTrust(row) };
}

/** Every pack's listing, marking packs whose titles read alike so the list shows their keys. */
function listings(rows: readonly PackRow[]): PackListing[] {
  const titles = new Map<string, number>();
  for (const row of rows) titles.set(nameSkeleton(row.title), (titles.get(nameSkeleton(row.title)) ?? 0) + 1);
  return rows.map((row) => ({ ...listing(row), ...(titles.get(nameSkeleton(row.title))! > 1 ? { titleShared: true } : {}) }));
}

/**
 * Fact packs: listing, subscriptions by URL, imports, automatic checks on browser alarms
 * (`pack-sync:<packId>`), and telling open tabs to rescan after a pack changed.
 */
export class PackService {
  constructor(
    private readonly db: FactmarkDB,
    private readonly facts: FactService,
  ) {}

  /** Each installed pack's trust by id, read from the store once per change of packs. */
  private trusts: Promise<ReadonlyMap<string, PackTrust>> | null = null;

  /**
   * The answer with each fact's pack trust filled in from how the pack was installed, so a card
   * never has to take a pack's word for who it is. Per distinct fact: verdicts refer to them.
   */
  async withTrust(packed: PackedVerdicts): Promise<PackedVerdicts> {
    if (packed.facts.length === 0) return packed;
    const trusts = await this.packTrusts();
    return { ...packed, facts: withPackTrust(packed.facts, (id) => trusts.get(id)) };
  }

  private packTrusts(): Promise<ReadonlyMap<string, PackTrust>> {
    this.trusts ??= listPacks(this.db)
      .then((rows) => new Map(rows.map((row) => [row.id, packTrust(row)])))
      .catch((error) => {
        this.trusts = null; // let the next answer try again
        throw error;
      });
    return this.trusts;
  }

  /**
   * Reads the packs' trust ahead of a page's first answer. Read after a batch's matching, the read
   * waited behind the next batch's matching: a woken worker's first answer came ~100 ms late.
   */
  prepare(): void {
    this.packTrusts().catch(() => undefined); // withTrust asks again and reports a failure
  }

  /** One check per pack at a time: a manual check during an alarm's check shares its result. */
  private readonly running = new Map<string, Promise<Result<CheckOutcome>>>();

  /**
   * Registers the alarm listener, and when the browser starts or the extension is installed or
   * updated (when alarms may have been cleared, not on every service-worker wake) makes sure every
   * active subscription has its alarm.
   */
  start(): void {
    browser.alarms.onAlarm.addListener((alarm) => {
      const id = packIdOfAlarm(alarm.name);
      if (id) void this.onAlarm(id);
    });
    browser.runtime.onStartup.addListener(() => void this.ensureAlarms());
    browser.runtime.onInstalled.addListener(() => void this.ensureAlarms());
  }

  async handle(message: PackMessage): Promise<Result<unknown>> {
    switch (message.type) {
      case 'packs:list':
        await this.facts.seeded();
        return { ok: true, value: listings(await listPacks(this.db)) };
      case 'packs:preview':
        return previewPack(message.url, { timeoutMs: message.timeoutMs });
      case 'packs:subscribe': {
        await this.facts.seeded(); // so an id clash with the bundled pack is seen
        const result = await subscribe(this.db, message.url, message.expectFingerprint, { timeoutMs: message.timeoutMs });
        if (result.ok) await this.changed(result.value.id, result.value.status);
        return result;
      }
      case 'packs:import': {
        await this.facts.seeded();
        const result = await importPackText(this.db, message.text);
        if (result.ok) await this.changed(null, result.value.status);
        return result;
      }
      case 'packs:check':
        return this.check(message.id, message.timeoutMs);
      case 'packs:pause': {
        const row = await getPackRow(this.db, message.id);
        if (!row?.url) return { ok: false, error: 'Only packs added by address can be paused.' };
        const next = message.paused ? undefined : new Date(nextCheckTime(Date.now(), clampInterval(row.intervalMinutes))).toISOString();
        await updatePackRow(this.db, message.id, { paused: message.paused, nextCheckAt: next });
        await this.schedule(message.id);
        return { ok: true, value: null };
      }
      case 'packs:set-interval': {
        const row = await getPackRow(this.db, message.id);
        if (!row?.url) return { ok: false, error: 'Only packs added by address are checked for updates.' };
        const minutes = clampInterval(message.minutes);
        await updatePackRow(this.db, message.id, { intervalMinutes: minutes, nextCheckAt: new Date(nextCheckTime(Date.now(), minutes)).toISOString() });
        await this.schedule(message.id);
        return { ok: true, value: minutes };
      }
      case 'packs:remove': {
        const result = await removePack(this.db, message.id);
        if (!result.ok) return result;
        await browser.alarms.clear(alarmName(message.id));
        await this.changed(null, 'updated');
        return { ok: true, value: null };
      }
      case 'packs:export':
        return exportPackText(this.db, message.id);
    }
  }

  /** Checks one pack now (sharing a check already running), then reschedules its alarm. */
  private check(id: string, timeoutMs?: number): Promise<Result<CheckOutcome>> {
    let run = this.running.get(id);
    if (!run) {
      run = (async () => {
        const result = await checkPack(this.db, id, { timeoutMs });
        if (result.ok) await this.changed(id, result.value.status);
        else await this.schedule(id);
        return result;
      })().finally(() => this.running.delete(id));
      this.running.set(id, run);
    }
    return run;
  }

  private async onAlarm(id: string): Promise<void> {
    const row = await getPackRow(this.db, id);
    if (!row?.url) {
      await browser.alarms.clear(alarmName(id)); // a removed pack's leftover alarm
      return;
    }
    if (!row.paused) await this.check(id);
  }

  /** After an install or update: rebuild the index lazily and ask open tabs to annotate again. */
  private async changed(id: string | null, status: string): Promise<void> {
    if (id) await this.schedule(id);
    this.trusts = null; // a check that changed nothing may still have changed how a pack is signed
    if (status === 'unchanged' || status === 'not-modified') return;
    this.facts.invalidate();
    const tabs = await browser.tabs.query({}).catch(() => []);
    for (const tab of tabs) {
      // Tabs without the content script (new tab page, other extensions) answer with an error: fine.
      if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, { type: 'page:refresh' }).catch(() => undefined);
    }
  }

  /** (Re)creates the pack's alarm at its next check time, repeating every interval; none when paused. */
  private async schedule(id: string): Promise<void> {
    const row = await getPackRow(this.db, id);
    const name = alarmName(id);
    if (!row?.url || row.paused) {
      await browser.alarms.clear(name);
      return;
    }
    const interval = clampInterval(row.intervalMinutes);
    const when = row.nextCheckAt ? Date.parse(row.nextCheckAt) : nextCheckTime(Date.now(), interval);
    await browser.alarms.create(name, { when: Math.max(when, Date.now() + 1000), periodInMinutes: interval });
  }

  /** Alarms survive service-worker restarts but not always a browser restart or update: recreate missing ones. */
  private async ensureAlarms(): Promise<void> {
    const existing = new Set((await browser.alarms.getAll()).map((a) => a.name));
    for (const row of await listPacks(this.db)) {
      if (row.url && !row.paused && !existing.has(alarmName(row.id))) await this.schedule(row.id);
    }
  }
}
