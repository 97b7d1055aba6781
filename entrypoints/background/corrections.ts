import { browser } from 'wxt/browser';
import { decorateVerdicts, deliverDue, deliverOne, Outbox, toBundle, type DeliveryDeps, type PackEndpoint } from '../../data/corrections';
import type { BackgroundMessage, MatchRequest, Result } from '../../data/schema/messages';
import type { CorrectionDraft, DealChoice } from '../../data/schema/correction-messages';
import type { SenderInfo } from '../../data/schema/message-policy';
import type { Verdict } from '../../data/schema/verdict';
import { getPack, loadPacks, type FactmarkDB } from '../../data/store/store';

type CorrectionMessage = Extract<BackgroundMessage, { type: `corrections:${string}` }>;

/** The one alarm that wakes the outbox (survives the service worker sleeping). */
export const OUTBOX_ALARM = 'corrections:outbox';
/** Drafts kept for correction windows at once; an older one's window can still send, it only loses its prefill. */
const MAX_DRAFTS = 20;

/** A draft the card handed over, with the tab (and frame) to read again once it is saved. */
interface HeldDraft {
  draft: CorrectionDraft;
  tabId: number;
  frameId: number;
  windowId?: number;
}

/**
 * The contributors' corrections outbox: saves corrections, posts them to their pack's endpoint
 * and polls their review on an alarm, and answers the options page and the card.
 */
export class CorrectionService {
  private readonly outbox: Outbox;
  /** Delivery passes run one after another, never two at once. */
  private running: Promise<unknown> = Promise.resolve();
  /**
   * Pages that have any of the reader's corrections. Most pages have none, and asking IndexedDB on
   * every annotation pass cost more than the whole rest of a small lookup.
   */
  private pages: Promise<Set<string>> | null = null;
  /** Drafts by id, oldest first: each opened a correction window that asks for its own. */
  private readonly drafts = new Map<string, HeldDraft>();

  constructor(private readonly db: FactmarkDB) {
    this.outbox = new Outbox(db);
  }

  /**
   * Registers the alarm listener. On every wake, posts left half-sent when the worker stopped go back
   * to the queue and are delivered; on browser start and install, a delivery pass re-arms the
   * alarm in case the browser cleared it. Otherwise the alarm alone wakes delivery.
   */
  start(): void {
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === OUTBOX_ALARM) void this.deliver();
    });
    browser.runtime.onStartup.addListener(() => void this.deliver());
    browser.runtime.onInstalled.addListener(() => void this.deliver());
    void this.serial(() => this.outbox.recoverInterrupted()).then((recovered) => {
      if (recovered > 0) void this.deliver();
    });
  }

  /** Answers a corrections message; `sender` is the content script's tab for `corrections:draft`. */
  async handle(message: CorrectionMessage, sender: SenderInfo & { frameId?: number } = {}): Promise<Result<unknown>> {
    switch (message.type) {
      case 'corrections:draft':
        return this.openWindow(message, sender);
      case 'corrections:draft-get': {
        const held = this.drafts.get(message.id);
        return held ? { ok: true, value: held.draft } : { ok: false, error: 'This correction window has expired; open it again from the card.' };
      }
      case 'corrections:submit': {
        const saved = await this.outbox.submit(message.target, message.input);
        this.pages = null;
        if (saved.ok) {
          void this.deliver();
          if (message.draftId) this.refreshTab(message.draftId);
        }
        return saved;
      }
      case 'corrections:list':
        return { ok: true, value: await this.outbox.list() };
      case 'corrections:deals':
        return { ok: true, value: await this.deals() };
      case 'corrections:withdraw':
        return this.outbox.apply(message.id, { type: 'withdraw' });
      case 'corrections:retry': {
        const due = await this.outbox.apply(message.id, { type: 'retry-now' });
        if (!due.ok) return due;
        // Answer after this one attempt, so the options page shows its outcome at once.
        await this.serial(() => deliverOne(this.deps(), due.value));
        await this.schedule();
        const record = await this.db.corrections.get(message.id);
        return { ok: true, value: record };
      }
      case 'corrections:export':
        return { ok: true, value: toBundle(await this.outbox.list(), new Date(), `Factmark ${browser.runtime.getManifest().version}`) };
    }
  }

  /**
   * Keeps the card's draft and opens the correction window for it: a small extension window the
   * page can neither read nor script, which asks for the draft by the id in its address. The
   * page's address is the sender's (the frame the card was in), not what the page says.
   */
  private async openWindow(message: Extract<CorrectionMessage, { type: 'corrections:draft' }>, sender: SenderInfo & { frameId?: number }): Promise<Result<{ id: string }>> {
    const tabId = sender.tab?.id;
    if (tabId === undefined || !sender.url) return { ok: false, error: 'A correction can only be drafted from a page.' };
    // One correction window per tab: a new draft replaces the last one's window.
    for (const [id, held] of this.drafts) {
      if (held.tabId !== tabId) continue;
      this.drafts.delete(id);
      if (held.windowId !== undefined) void browser.windows?.remove(held.windowId).catch(() => undefined);
    }
    const id = crypto.randomUUID();
    const draft: CorrectionDraft = { id, figureText: message.figureText, page: { url: sender.url.split('#')[0]!.slice(0, 2_000), title: message.title }, fact: message.fact };
    const held: HeldDraft = { draft, tabId, frameId: sender.frameId ?? 0 };
    this.drafts.set(id, held);
    if (this.drafts.size > MAX_DRAFTS) this.drafts.delete(this.drafts.keys().next().value!);
    const url = browser.runtime.getURL(`/correct.html#${id}`);
    // Firefox for Android has no windows: a tab of its own does the same.
    if (browser.windows) held.windowId = (await browser.windows.create({ url, type: 'popup', width: 460, height: 720 }))?.id;
    else await browser.tabs.create({ url });
    return { ok: true, value: { id } };
  }

  /** Reads the draft's page again, so its card shows the correction just saved (annotate answers carry it). */
  private refreshTab(draftId: string): void {
    const held = this.drafts.get(draftId);
    if (!held) return;
    browser.tabs.sendMessage(held.tabId, { type: 'page:refresh' }, { frameId: held.frameId }).catch(() => undefined);
  }

  /** Adds the reader's own corrections on this page to its verdicts. */
  async decorate(request: MatchRequest, verdicts: Verdict[]): Promise<Verdict[]> {
    if (!(await this.correctedPages()).has(request.url)) return verdicts;
    const mine = await this.outbox.forPage(request.url);
    return decorateVerdicts(
      verdicts,
      request.figures.map((q) => q.figure.text),
      mine,
    );
  }

  /** The addresses of the pages the reader has corrections on, read once (and after each change). */
  private correctedPages(): Promise<Set<string>> {
    this.pages ??= this.db.corrections
      .orderBy('page.url')
      .uniqueKeys()
      .then((urls) => new Set(urls.map(String)))
      .catch((error) => {
        this.pages = null; // ask again next time
        throw error;
      });
    return this.pages;
  }

  /** Reads which pages have corrections ahead of a page's first answer (see PackService.prepare). */
  prepare(): void {
    this.correctedPages().catch(() => undefined); // decorate asks again and reports a failure
  }

  /** Posts and checks everything due, then sets the alarm for the next due time. */
  private deliver(): Promise<unknown> {
    return this.serial(async () => {
      await deliverDue(this.deps());
      await this.schedule();
    }).catch((error) => console.warn(`Factmark corrections: ${(error as Error).message}`));
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.running.then(work, work);
    this.running = next.catch(() => undefined);
    return next;
  }

  private async schedule(): Promise<void> {
    const when = await this.outbox.nextDue();
    if (when === undefined) await browser.alarms.clear(OUTBOX_ALARM);
    else browser.alarms.create(OUTBOX_ALARM, { when: Math.max(when, Date.now() + 1_000) });
  }

  /** What one delivery pass needs; each pack document is read once per pass, however many corrections name it. */
  private deps(): DeliveryDeps {
    const endpoints = new Map<string, Promise<PackEndpoint | undefined>>();
    const read = async (packId: string): Promise<PackEndpoint | undefined> => {
      const pack = await getPack(this.db, packId);
      return pack && { title: pack.title, version: pack.version, endpoint: pack.correctionsEndpoint };
    };
    return {
      outbox: this.outbox,
      fetch: (url, init) => fetch(url, init),
      endpointOf: (packId) => {
        let endpoint = endpoints.get(packId);
        if (!endpoint) endpoints.set(packId, (endpoint = read(packId)));
        return endpoint;
      },
    };
  }

  private async deals(): Promise<DealChoice[]> {
    const packs = await loadPacks(this.db);
    return packs.flatMap((pack) =>
      pack.deals.map((deal) => ({ packId: pack.id, packTitle: pack.title, dealId: deal.id, dealTitle: deal.title, hasEndpoint: !!pack.correctionsEndpoint })),
    );
  }
}
