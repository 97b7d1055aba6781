/** The contributors' corrections: form checks, the outbox state machine, delivery and export. */
export { checkDraft, parseProposedValue, describeErrors, type DraftField, type DraftCheck } from './draft';
export { transition, type OutboxEvent, type Clock } from './machine';
export { retryDelay, pollDelay, BACKOFF } from './backoff';
export { Outbox, systemClock, type OutboxClock } from './outbox';
export { deliverDue, deliverOne, type DeliveryDeps, type PackEndpoint } from './deliver';
export { postCorrection, checkReview, type Delivery, type Fetch } from './client';
export { decorateVerdicts, summarize } from './decorate';
export { toBundle, toSubmission } from './bundle';
