import type { PackPreview as Preview } from '../data/schema/pack-messages';

export interface PackPreviewProps {
  preview: Preview;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** What the reader is about to trust, before subscribing: title, publisher, key fingerprint, facts. */
export function PackPreview({ preview, busy, onConfirm, onCancel }: PackPreviewProps) {
  return (
    <div class="pack-preview" role="group" aria-label="Pack to add">
      <dl>
        <dt>Title</dt>
        <dd class="title">{preview.title}</dd>
        <dt>Publisher</dt>
        <dd class="publisher">{preview.publisher}</dd>
        <dt>Version</dt>
        <dd>
          {preview.version}, published {preview.published.slice(0, 10)}
        </dd>
        <dt>Facts</dt>
        <dd class="fact-count">{preview.factCount}</dd>
        <dt>Publisher key</dt>
        <dd class="fingerprint">
          {preview.fingerprint ? <code>{preview.fingerprint}</code> : 'Unsigned: updates cannot be checked against a publisher key.'}
        </dd>
      </dl>
      {preview.fingerprint ? <p>Only updates signed with this key will be accepted from now on.</p> : null}
      <button type="button" class="confirm" disabled={busy} onClick={onConfirm}>
        Subscribe
      </button>{' '}
      <button type="button" class="cancel" disabled={busy} onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
