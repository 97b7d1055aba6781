import type { UpdateSummary as Summary } from '../data/schema/pack-messages';

/** What an update changed: counts, then facts added, changed (old → new value) and removed. */
export function UpdateSummary({ summary }: { summary: Summary }) {
  const { addedCount, changedCount, removedCount } = summary;
  const from = summary.fromVersion === null ? 'Installed' : `Updated from version ${summary.fromVersion}`;
  const listed = summary.added.length + summary.changed.length + summary.removed.length;
  const more = addedCount + changedCount + removedCount - listed;
  return (
    <div class="update-summary">
      <p class="counts">
        {from} to version {summary.toVersion}: {addedCount} added, {changedCount} changed, {removedCount} removed.
      </p>
      {listed > 0 ? (
        <ul>
          {summary.changed.map((f) => (
            <li key={`c:${f.id}`} class="changed">
              Changed: {f.label}: {f.from} → {f.to}
            </li>
          ))}
          {summary.added.map((f) => (
            <li key={`a:${f.id}`} class="added">
              Added: {f.label}: {f.value}
            </li>
          ))}
          {summary.removed.map((f) => (
            <li key={`r:${f.id}`} class="removed">
              Removed: {f.label}: {f.value}
            </li>
          ))}
          {more > 0 ? <li>and {more} more</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
