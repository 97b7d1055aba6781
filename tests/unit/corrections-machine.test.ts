import { describe, expect, it } from 'vitest';
import { BACKOFF, pollDelay, retryDelay, transition, type OutboxEvent } from '../../data/corrections';
import type { CorrectionRecord, CorrectionStatus } from '../../data/schema/correction';

const T0 = Date.parse('2026-03-01T12:00:00Z');
const clock = { now: () => T0, random: () => 0.5 };

function record(status: CorrectionStatus, extra: Partial<CorrectionRecord> = {}): CorrectionRecord {
  return {
    id: '6f1c2c52-3f1e-4a36-9d7e-0b8b5f1f7a10',
    kind: 'dispute',
    packId: 'factmark-default',
    factId: 'amazon-openai-2026.investment-initial',
    dealId: 'amazon-openai-2026',
    figureText: '$15 billion',
    page: { url: 'http://127.0.0.1/demo', title: 'Demo' },
    proposed: { text: '$16.5bn', kind: 'money', value: 16.5e9, unit: 'USD', display: '$16.5 billion (USD)' },
    measures: 'initial investment',
    evidence: { url: 'https://example.com/source' },
    createdAt: new Date(T0).toISOString(),
    updatedAt: new Date(T0).toISOString(),
    status,
    attempts: 0,
    ...extra,
  };
}

function step(r: CorrectionRecord, event: OutboxEvent): CorrectionRecord {
  const next = transition(r, event, clock);
  if (!next.ok) throw new Error(next.error);
  return next.value;
}

describe('outbox state machine', () => {
  it('queued -> sending -> sent -> accepted, scheduling a status check once sent', () => {
    const sending = step(record('queued', { nextAttemptAt: T0 }), { type: 'claim' });
    expect(sending).toMatchObject({ status: 'sending' });
    expect(sending.nextAttemptAt).toBeUndefined();
    const sent = step(sending, { type: 'delivered', remoteId: 'r-1' });
    expect(sent).toMatchObject({ status: 'sent', remoteId: 'r-1', attempts: 0, nextAttemptAt: T0 + BACKOFF.pollBaseMs });
    const pending = step(sent, { type: 'review', status: 'pending' });
    expect(pending).toMatchObject({ status: 'sent', attempts: 1, nextAttemptAt: T0 + pollDelay(1) });
    const accepted = step(pending, { type: 'review', status: 'accepted' });
    expect(accepted.status).toBe('accepted');
    expect(accepted.nextAttemptAt).toBeUndefined();
  });

  it('a rejection keeps the reviewer\'s reason', () => {
    expect(step(record('sent'), { type: 'review', status: 'rejected', reason: 'The source says $15 billion.' })).toMatchObject({
      status: 'rejected',
      reason: 'The source says $15 billion.',
    });
  });

  it('a failed post goes back to the queue with attempts counted and a later due time', () => {
    const back = step(step(record('queued'), { type: 'claim' }), { type: 'retry-later', error: 'offline' });
    expect(back).toMatchObject({ status: 'queued', attempts: 1, lastError: 'offline', nextAttemptAt: T0 + retryDelay(1, () => 0.5) });
  });

  it('a refusal (4xx) stops with the server\'s reason until retried by hand', () => {
    const failed = step(record('sending'), { type: 'refused', reason: 'The endpoint refused it (400): unknown fact' });
    expect(failed).toMatchObject({ status: 'failed', reason: 'The endpoint refused it (400): unknown fact' });
    expect(failed.nextAttemptAt).toBeUndefined();
    const again = step(failed, { type: 'retry-now' });
    expect(again).toMatchObject({ status: 'queued', nextAttemptAt: T0 });
    expect(again.reason).toBeUndefined();
  });

  it.each<[CorrectionStatus, boolean]>([
    ['queued', true],
    ['failed', true],
    ['sending', false],
    ['sent', false],
    ['accepted', false],
    ['rejected', false],
    ['withdrawn', false],
  ])('withdraw from %s allowed: %s', (status, allowed) => {
    const result = transition(record(status), { type: 'withdraw' }, clock);
    expect(result.ok).toBe(allowed);
    if (!result.ok) expect(result.error).toBe(`This correction is ${status} and can no longer be withdrawn.`);
    else expect(result.value.status).toBe('withdrawn');
  });

  it('refuses events that do not apply, and never changes the record then', () => {
    const r = record('accepted');
    expect(transition(r, { type: 'claim' }, clock).ok).toBe(false);
    expect(transition(r, { type: 'delivered', remoteId: 'x' }, clock).ok).toBe(false);
    expect(transition(record('queued'), { type: 'review', status: 'accepted' }, clock).ok).toBe(false);
    expect(r.status).toBe('accepted');
  });

  it('recovers a post cut off by the worker stopping, due at once', () => {
    expect(step(record('sending'), { type: 'recover' })).toMatchObject({ status: 'queued', nextAttemptAt: T0 });
  });

  it('keeps a correction for a pack without endpoint queued and unscheduled', () => {
    const kept = step(record('queued', { nextAttemptAt: T0 }), { type: 'no-endpoint', error: 'no endpoint' });
    expect(kept).toMatchObject({ status: 'queued', lastError: 'no endpoint' });
    expect(kept.nextAttemptAt).toBeUndefined();
  });

  it('a failed status check keeps the correction sent and asks again later', () => {
    const later = step(record('sent', { remoteId: 'r' }), { type: 'check-failed', error: 'down' });
    expect(later.status).toBe('sent');
    expect(later.nextAttemptAt).toBeGreaterThan(T0);
  });
});

describe('backoff', () => {
  it('doubles from the base with equal jitter, never below half, capped', () => {
    expect(retryDelay(1, () => 0)).toBe(BACKOFF.retryBaseMs / 2);
    expect(retryDelay(1, () => 1)).toBe(BACKOFF.retryBaseMs);
    expect(retryDelay(3, () => 1)).toBe(BACKOFF.retryBaseMs * 4);
    expect(retryDelay(50, () => 1)).toBe(BACKOFF.retryCapMs);
    expect(retryDelay(1000, () => 0.999)).toBeLessThanOrEqual(BACKOFF.retryCapMs);
    const spread = new Set(Array.from({ length: 20 }, (_, i) => retryDelay(4, () => i / 20)));
    expect(spread.size).toBe(20);
  });

  it('polls sent corrections less and less often, capped', () => {
    expect(pollDelay(0)).toBe(BACKOFF.pollBaseMs);
    expect(pollDelay(1)).toBe(2 * BACKOFF.pollBaseMs);
    expect(pollDelay(100)).toBe(BACKOFF.pollCapMs);
  });
});
