import type { Result } from '../schema/messages';
import type { CorrectionRecord, CorrectionStatus, ReviewStatus } from '../schema/correction';
import { pollDelay, retryDelay } from './backoff';

/**
 * Everything that can happen to a correction in the outbox.
 * - `claim`: a post is about to start (queued -> sending).
 * - `delivered`: the endpoint acknowledged it (sending -> sent; first status check scheduled).
 * - `retry-later`: offline, endpoint down, slow, 5xx, 429 or a garbled answer (sending -> queued, backoff).
 * - `refused`: a 4xx or a redirect: the request itself is wrong, retrying will not help (sending -> failed).
 * - `no-endpoint`: the pack has no endpoint; kept queued, unscheduled, for export.
 * - `review`: a status check answered (sent -> sent / accepted / rejected).
 * - `check-failed`: a status check did not get through (sent stays sent, backoff).
 * - `withdraw`: the contributor took it back (queued or failed -> withdrawn).
 * - `retry-now`: the contributor asked for a post or a status check now.
 * - `recover`: the service worker died during a post (sending -> queued, due now; the idempotency key
 *   makes a second post of the same correction harmless).
 */
export type OutboxEvent =
  | { type: 'claim' }
  | { type: 'delivered'; remoteId: string }
  | { type: 'retry-later'; error: string }
  | { type: 'refused'; reason: string }
  | { type: 'no-endpoint'; error: string }
  | ({ type: 'review' } & ReviewStatus)
  | { type: 'check-failed'; error: string }
  | { type: 'withdraw' }
  | { type: 'retry-now' }
  | { type: 'recover' };

/** Which statuses each event may start from. */
const FROM: Record<OutboxEvent['type'], readonly CorrectionStatus[]> = {
  claim: ['queued'],
  delivered: ['sending'],
  'retry-later': ['sending'],
  refused: ['sending'],
  'no-endpoint': ['queued'],
  review: ['sent'],
  'check-failed': ['sent'],
  withdraw: ['queued', 'failed'],
  'retry-now': ['queued', 'failed', 'sent'],
  recover: ['sending'],
};

const WORDS: Partial<Record<OutboxEvent['type'], string>> = {
  withdraw: 'withdrawn',
  'retry-now': 'retried',
};

/** The clock and dice a transition uses; tests pass fixed ones. */
export interface Clock {
  now(): number;
  random(): number;
}

/** Returns `record` with everything but the listed keys; used to clear scheduling and errors. */
function without(record: CorrectionRecord, ...keys: (keyof CorrectionRecord)[]): CorrectionRecord {
  const copy = { ...record };
  for (const key of keys) delete copy[key];
  return copy;
}

/**
 * The outbox state machine: the record after `event`, or an error naming why the event does not
 * apply (for example withdrawing a correction that was already sent). Pure: never touches storage.
 */
export function transition(record: CorrectionRecord, event: OutboxEvent, clock: Clock): Result<CorrectionRecord> {
  if (!FROM[event.type].includes(record.status)) {
    const verb = WORDS[event.type];
    return {
      ok: false,
      error: verb ? `This correction is ${record.status} and can no longer be ${verb}.` : `Cannot apply "${event.type}" to a ${record.status} correction.`,
    };
  }
  const now = clock.now();
  const base = { ...record, updatedAt: new Date(now).toISOString() };
  switch (event.type) {
    case 'claim':
      return ok({ ...without(base, 'nextAttemptAt'), status: 'sending' });
    case 'delivered':
      return ok({ ...without(base, 'lastError', 'reason'), status: 'sent', remoteId: event.remoteId, attempts: 0, nextAttemptAt: now + pollDelay(0) });
    case 'retry-later': {
      const attempts = record.attempts + 1;
      return ok({ ...base, status: 'queued', attempts, lastError: event.error, nextAttemptAt: now + retryDelay(attempts, clock.random) });
    }
    case 'refused':
      return ok({ ...without(base, 'nextAttemptAt'), status: 'failed', attempts: record.attempts + 1, reason: event.reason, lastError: event.reason });
    case 'no-endpoint':
      return ok({ ...without(base, 'nextAttemptAt'), status: 'queued', lastError: event.error });
    case 'review':
      if (event.status === 'pending') {
        const checks = record.attempts + 1;
        return ok({ ...without(base, 'lastError'), attempts: checks, nextAttemptAt: now + pollDelay(checks) });
      }
      return ok({
        ...without(base, 'nextAttemptAt', 'lastError', 'reason'),
        status: event.status,
        ...(event.reason ? { reason: event.reason } : {}),
      });
    case 'check-failed': {
      const checks = record.attempts + 1;
      return ok({ ...base, attempts: checks, lastError: event.error, nextAttemptAt: now + Math.max(pollDelay(checks), retryDelay(checks, clock.random)) });
    }
    case 'withdraw':
      return ok({ ...without(base, 'nextAttemptAt'), status: 'withdrawn' });
    case 'retry-now':
      return ok({ ...without(base, 'reason'), status: record.status === 'sent' ? 'sent' : 'queued', nextAttemptAt: now });
    case 'recover':
      return ok({ ...base, status: 'queued', nextAttemptAt: now });
  }
}

function ok(record: CorrectionRecord): Result<CorrectionRecord> {
  return { ok: true, value: record };
}
