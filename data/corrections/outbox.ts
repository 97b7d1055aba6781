import { getPack, type FactmarkDB } from '../store/store';
import type { Result } from '../schema/messages';
import { CORRECTION_LIMITS, CorrectionRecord, type CorrectionInput, type CorrectionTarget } from '../schema/correction';
import { checkDraft, describeErrors } from './draft';
import { transition, type Clock, type OutboxEvent } from './machine';

/** A clock that can also mint ids. */
export interface OutboxClock extends Clock {
  uuid(): string;
}

/** The real clock. */
export const systemClock: OutboxClock = { now: () => Date.now(), random: () => Math.random(), uuid: () => crypto.randomUUID() };

const DAY_MS = 24 * 60 * 60_000;

/**
 * The corrections outbox in the store: saving, listing and moving corrections through the state
 * machine, each change in its own short transaction. Nothing here touches the network.
 */
export class Outbox {
  constructor(
    private readonly db: FactmarkDB,
    private readonly clock: OutboxClock = systemClock,
  ) {}

  /**
   * Checks and saves a new correction, queued and due now. The target is checked against the
   * installed pack (the fact or deal must exist; the value's unit must fit the fact's) and the
   * per-day limit is enforced here, where no page can get round it.
   */
  async submit(target: CorrectionTarget, input: CorrectionInput): Promise<Result<CorrectionRecord>> {
    const pack = await getPack(this.db, target.packId);
    if (!pack) return { ok: false, error: `The fact pack "${target.packId}" is not installed.` };
    let dealId = target.dealId;
    let factUnit: string | undefined;
    if (target.kind === 'dispute') {
      const fact = target.factId ? pack.facts.find((f) => f.id === target.factId) : undefined;
      if (!fact) return { ok: false, error: `The pack "${pack.title}" has no fact "${target.factId ?? ''}" to dispute.` };
      dealId = fact.deal;
      factUnit = fact.quantity.unit;
    } else if (!dealId || !pack.deals.some((d) => d.id === dealId)) {
      return { ok: false, error: `Choose the deal this new fact belongs to.` };
    }
    const checked = checkDraft(input, { factUnit });
    if (!checked.ok) return { ok: false, error: describeErrors(checked.errors) };

    const now = this.clock.now();
    const recent = await this.db.corrections.where('createdAt').aboveOrEqual(new Date(now - DAY_MS).toISOString()).count();
    if (recent >= CORRECTION_LIMITS.perDay) {
      return { ok: false, error: `You have filed ${recent} corrections in the last 24 hours, the most Factmark sends in a day. Please try again tomorrow.` };
    }
    const at = new Date(now).toISOString();
    const record = CorrectionRecord.parse({
      id: this.clock.uuid(),
      kind: target.kind,
      packId: pack.id,
      ...(dealId ? { dealId } : {}),
      ...(target.kind === 'dispute' ? { factId: target.factId } : {}),
      figureText: target.figureText,
      page: target.page,
      ...checked.value,
      createdAt: at,
      updatedAt: at,
      status: 'queued',
      attempts: 0,
      nextAttemptAt: now,
    });
    await this.db.corrections.add(record);
    return { ok: true, value: record };
  }

  /** Every correction, newest first. */
  list(): Promise<CorrectionRecord[]> {
    return this.db.corrections.orderBy('createdAt').reverse().toArray();
  }

  /** The corrections made on one page. */
  forPage(url: string): Promise<CorrectionRecord[]> {
    return this.db.corrections.where('page.url').equals(url).toArray();
  }

  /** Applies one event to one correction in a read-write transaction; the error says why it did not apply. */
  async apply(id: string, event: OutboxEvent): Promise<Result<CorrectionRecord>> {
    return this.db.transaction('rw', this.db.corrections, async (): Promise<Result<CorrectionRecord>> => {
      const record = await this.db.corrections.get(id);
      if (!record) return { ok: false, error: 'No such correction.' };
      const next = transition(record, event, this.clock);
      if (next.ok) await this.db.corrections.put(next.value);
      return next;
    });
  }

  /** Corrections whose post or status check is due by `now`, earliest first. */
  async due(now = this.clock.now()): Promise<CorrectionRecord[]> {
    const rows = await this.db.corrections.where('nextAttemptAt').belowOrEqual(now).sortBy('nextAttemptAt');
    return rows.filter((r) => r.status === 'queued' || r.status === 'sent');
  }

  /** When the next post or status check is due (epoch ms), if any. */
  async nextDue(): Promise<number | undefined> {
    const first = await this.db.corrections.orderBy('nextAttemptAt').first();
    return first?.nextAttemptAt;
  }

  /** Puts corrections whose post was cut off (the worker stopped mid-request) back in the queue. */
  async recoverInterrupted(): Promise<number> {
    const stuck = await this.db.corrections.where('status').equals('sending').primaryKeys();
    for (const id of stuck) await this.apply(id, { type: 'recover' });
    return stuck.length;
  }
}
