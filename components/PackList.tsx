import type { PackListing } from '../data/schema/pack-messages';
import { UpdateSummary } from './UpdateSummary';
import { trustWords } from './pack-trust-words';

export interface PackListProps {
  packs: PackListing[];
  /** Id of the pack an action is running for. */
  busy?: string | null;
  onCheck?(id: string): void;
  onPause?(id: string, paused: boolean): void;
  onRemove?(id: string): void;
  onExport?(id: string): void;
  onInterval?(id: string, minutes: number): void;
}

const SIGNATURE_WORDS = {
  bundled: 'ships with Factmark',
  signed: 'signed by the pinned key',
  unsigned: 'unsigned',
  invalid: 'invalid: last download refused',
} as const;

const INTERVALS: [number, string][] = [
  [60, 'every hour'],
  [360, 'every 6 hours'],
  [1440, 'every day'],
  [10080, 'every week'],
];

/** A date-time for readers, in their locale; "never" when absent. */
function when(iso: string | undefined): string {
  return iso ? new Date(iso).toLocaleString() : 'never';
}

/** The installed fact packs with their subscription state and actions. */
export function PackList({ packs, busy, onCheck, onPause, onRemove, onExport, onInterval }: PackListProps) {
  if (packs.length === 0) return <p>No fact packs installed yet.</p>;
  return (
    <table class="packs">
      <thead>
        <tr>
          <th scope="col">Pack</th>
          <th scope="col">Publisher</th>
          <th scope="col">Version</th>
          <th scope="col">Facts</th>
          <th scope="col">Published</th>
          <th scope="col">Signature</th>
          <th scope="col">Updates</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {packs.map((p) => (
          <PackRow key={p.id} pack={p} busy={busy === p.id} {...{ onCheck, onPause, onRemove, onExport, onInterval }} />
        ))}
      </tbody>
    </table>
  );
}

function PackRow({ pack: p, busy, onCheck, onPause, onRemove, onExport, onInterval }: Omit<PackListProps, 'packs' | 'busy'> & { pack: PackListing; busy: boolean }) {
  const status = p.signature ?? (p.origin === 'bundled' ? 'bundled' : 'unsigned');
  const source = p.url ?? (p.origin === 'bundled' ? 'Bundled with Factmark' : 'Imported from a file');
  return (
    <>
      <tr data-pack-id={p.id} aria-busy={busy}>
        <td>
          <span class="title">{p.title}</span>
          <br />
          <small class="source">{source}</small>
          <br />
          <small class="trust" data-trust={p.trust?.kind ?? 'unknown'}>
            {trustWords(p.trust)}
          </small>
          {p.titleShared ? (
            <>
              <br />
              <strong class="same-title">Another installed pack has this title; tell them apart by their keys.</strong>
            </>
          ) : null}
        </td>
        <td class="publisher">{p.publisher}</td>
        <td class="version">{p.version}</td>
        <td class="fact-count">{p.factCount}</td>
        <td>{p.published.slice(0, 10)}</td>
        <td class={`signature ${status}`}>
          {SIGNATURE_WORDS[status]}
          {p.keyFingerprint ? (
            <>
              <br />
              <code class="fingerprint">{p.keyFingerprint}</code>
            </>
          ) : null}
        </td>
        <td class="schedule">
          {p.url ? (
            <>
              Last checked: <span class="last-checked">{when(p.lastCheckedAt)}</span>
              <br />
              Next check: <span class="next-check">{p.paused ? 'paused' : when(p.nextCheckAt)}</span>
              <br />
              <select aria-label={`How often to check ${p.title}`} value={String(p.intervalMinutes ?? 1440)} disabled={busy} onChange={(e) => onInterval?.(p.id, Number((e.target as HTMLSelectElement).value))}>
                {INTERVALS.map(([m, words]) => (
                  <option key={m} value={String(m)}>
                    {words}
                  </option>
                ))}
              </select>
            </>
          ) : (
            'not updated automatically'
          )}
        </td>
        <td class="actions">
          {p.url ? (
            <>
              <button type="button" class="check" disabled={busy} onClick={() => onCheck?.(p.id)}>
                Check now
              </button>
              <button type="button" class="pause" disabled={busy} onClick={() => onPause?.(p.id, !p.paused)}>
                {p.paused ? 'Resume' : 'Pause'}
              </button>
            </>
          ) : null}
          <button type="button" class="export" disabled={busy} onClick={() => onExport?.(p.id)}>
            Export
          </button>
          {p.origin !== 'bundled' ? (
            <button type="button" class="remove" disabled={busy} onClick={() => onRemove?.(p.id)}>
              Remove
            </button>
          ) : null}
        </td>
      </tr>
      {p.lastError || p.lastSummary ? (
        <tr class="pack-notes" data-notes-for={p.id}>
          <td colSpan={8}>
            {p.lastError ? (
              <p class="error last-error" role="status">
                Last check failed: {p.lastError} Version {p.version} stays installed.
              </p>
            ) : null}
            {p.lastSummary ? <UpdateSummary summary={p.lastSummary} /> : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}
