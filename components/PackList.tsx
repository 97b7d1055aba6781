import type { PackSummary } from '../data/schema/messages';

/** The installed fact packs. */
export function PackList({ packs }: { packs: PackSummary[] }) {
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
        </tr>
      </thead>
      <tbody>
        {packs.map((p) => (
          <tr key={p.id} data-pack-id={p.id}>
            <td>{p.title}</td>
            <td>{p.publisher}</td>
            <td>{p.version}</td>
            <td>{p.factCount}</td>
            <td>{p.published.slice(0, 10)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
