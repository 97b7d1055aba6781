import type { CorrectionRecord } from '../schema/correction';
import { toSubmission } from './bundle';
import { checkReview, postCorrection, type Delivery, type Fetch } from './client';
import type { OutboxEvent } from './machine';
import type { Outbox } from './outbox';

/** Where a pack's corrections go, if anywhere. */
export interface PackEndpoint {
  title: string;
  version: number;
  endpoint?: string;
}

/** What delivery needs from the outside world. */
export interface DeliveryDeps {
  outbox: Outbox;
  endpointOf(packId: string): Promise<PackEndpoint | undefined>;
  fetch: Fetch;
  timeoutMs?: number;
}

/** Posts or checks every due correction, one at a time; answers how many were handled. */
export async function deliverDue(deps: DeliveryDeps, now?: number): Promise<number> {
  const due = await deps.outbox.due(now);
  for (const record of due) await deliverOne(deps, record);
  return due.length;
}

/** Posts one queued correction, or checks the review of one sent correction. */
export async function deliverOne(deps: DeliveryDeps, record: CorrectionRecord): Promise<void> {
  const { outbox } = deps;
  const pack = await deps.endpointOf(record.packId);
  if (record.status === 'sent') {
    if (!pack?.endpoint || !record.remoteId) return void (await outbox.apply(record.id, { type: 'check-failed', error: 'The pack no longer names a corrections endpoint to ask.' }));
    const answer = await checkReview(pack.endpoint, record.remoteId, deps.fetch, deps.timeoutMs);
    await outbox.apply(record.id, reviewEvent(answer));
    return;
  }
  if (record.status !== 'queued') return;
  if (!pack?.endpoint) {
    const error = pack
      ? `"${pack.title}" has no corrections endpoint: export your corrections (My corrections, in the options) and send the file to its publisher.`
      : `The pack "${record.packId}" is no longer installed; export your corrections to keep a copy.`;
    await outbox.apply(record.id, { type: 'no-endpoint', error });
    return;
  }
  const claimed = await outbox.apply(record.id, { type: 'claim' });
  if (!claimed.ok) return; // withdrawn or taken meanwhile
  const answer = await postCorrection(pack.endpoint, toSubmission(claimed.value, pack.version), deps.fetch, deps.timeoutMs);
  await outbox.apply(record.id, postEvent(answer));
}

function postEvent(answer: Delivery): OutboxEvent {
  switch (answer.kind) {
    case 'delivered':
      return { type: 'delivered', remoteId: answer.remoteId };
    case 'refused':
      return { type: 'refused', reason: answer.reason };
    case 'retry':
      return { type: 'retry-later', error: answer.error };
    case 'review':
      return { type: 'retry-later', error: 'The endpoint answered a post with a review status instead of a receipt; will try again later.' };
  }
}

function reviewEvent(answer: Delivery): OutboxEvent {
  switch (answer.kind) {
    case 'review':
      return { type: 'review', status: answer.status.status, ...(answer.status.reason ? { reason: answer.status.reason } : {}) };
    case 'retry':
      return { type: 'check-failed', error: answer.error };
    case 'refused':
      // The correction was delivered; a refused status check must not lose it. Keep asking, slowly.
      return { type: 'check-failed', error: answer.reason };
    case 'delivered':
      return { type: 'check-failed', error: 'The endpoint answered a status check with a receipt; will ask again later.' };
  }
}
