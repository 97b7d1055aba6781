import type { CorrectionRecord, CorrectionStatus } from '../data/schema/correction';

export interface CorrectionListProps {
  corrections: CorrectionRecord[];
  /** Id of the correction an action is running for, if any. */
  busy: string | null;
  onRetry: (id: string) => void;
  onWithdraw: (id: string) => void;
}

/** How each status reads in the list. */
const STATUS_WORDS: Record<CorrectionStatus, string> = {
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent, awaiting review',
  accepted: 'Accepted',
  rejected: 'Rejected',
  failed: 'Not delivered',
  withdrawn: 'Withdrawn',
};

/** "My corrections": every correction with its status, where it came from, and what can be done with it. */
export function CorrectionList({ corrections, busy, onRetry, onWithdraw }: CorrectionListProps) {
  if (corrections.length === 0) return <p class="empty">You have not suggested any corrections yet. Hover a figure in an article and choose “Suggest a correction”.</p>;
  return (
    <ul class="corrections">
      {corrections.map((c) => (
        <li key={c.id} data-correction-id={c.id} data-status={c.status} class="correction">
          <p class="headline">
            <span class={`status ${c.status}`}>{STATUS_WORDS[c.status]}</span> <q>{c.figureText}</q> → <strong class="proposed">{c.proposed.display}</strong>
          </p>
          <p class="measures">
            {c.kind === 'dispute' ? 'Dispute' : 'New fact'}: {c.measures}
          </p>
          <p class="origin">
            From{' '}
            <a href={c.page.url} target="_blank" rel="noopener noreferrer">
              {c.page.title || c.page.url}
            </a>{' '}
            on <time dateTime={c.createdAt}>{c.createdAt.slice(0, 10)}</time> · evidence:{' '}
            <a href={c.evidence.url} target="_blank" rel="noopener noreferrer">
              {hostOf(c.evidence.url)}
            </a>
          </p>
          {c.reason ? <p class="reason">Reason: {c.reason}</p> : c.lastError ? <p class="last-error">{c.lastError}</p> : null}
          <p class="actions">
            {c.status === 'queued' || c.status === 'failed' ? (
              <>
                <button type="button" class="retry" disabled={busy === c.id} onClick={() => onRetry(c.id)}>
                  Retry now
                </button>{' '}
                <button type="button" class="withdraw" disabled={busy === c.id} onClick={() => onWithdraw(c.id)}>
                  Withdraw
                </button>
              </>
            ) : c.status === 'sent' ? (
              <button type="button" class="check" disabled={busy === c.id} onClick={() => onRetry(c.id)}>
                Check status now
              </button>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
