import { browser } from 'wxt/browser';
import { decorateVerdicts, deliverDue, deliverOne, Outbox, toBundle, type DeliveryDeps, type PackEndpoint } from '../../data/corrections';
import type { BackgroundMessage, MatchRequest, Result } from '../../data/schema/messages';
import type { DealChoice } from '../../data/schema/correction-messages';
import type { Verdict } from '../../data/schema/verdict';
import { getPack, loadPacks, type FactmarkDB } from '../../data/store/store';

type CorrectionMessage = Extract<BackgroundMessage, { type: `corrections:${string}` }>;

/** The one alarm that wakes the outbox (survives the service worker sleeping). */
export const OUTBOX_ALARM = 'corrections:outbox';

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

  async handle(message: CorrectionMessage): Promise<Result<unknown>> {
    switch (message.type) {
      case 'corrections:submit': {
        const saved = await this.outbox.submit(message.target, message.input);
        this.pages = null;
        if (saved.ok) void this.deliver();
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

  /** Adds the reader's own corrections on this page to its verdicts. */
  async decorate(request: MatchRequest, verdicts: Verdict[]): Promise<Verdict[]> {
    this.pages ??= this.db.corrections
      .orderBy('page.url')
      .uniqueKeys()
      .then((urls) => new Set(urls.map(String)))
      .catch((error) => {
        this.pages = null; // ask again next time
        throw error;
      });
    if (!(await this.pages).has(request.url)) return verdicts;
    const mine = await this.outbox.forPage(request.url);
    return decorateVerdicts(
      verdicts,
      request.figures.map((q) => q.figure.text),
      mine,
    );
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
