import { useEffect, useState } from 'preact/hooks';
import { PackList } from '../../components/PackList';
import { PackSummary } from '../../data/schema/messages';
import { send } from './send';

/** Options page section "Fact packs". */
export function PacksSection() {
  const [packs, setPacks] = useState<PackSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    send({ type: 'packs:list' })
      .then((value) => setPacks(PackSummary.array().parse(value)))
      .catch((error: Error) => setProblem(error.message));
  }, []);

  return (
    <section aria-labelledby="packs-heading">
      <h2 id="packs-heading">Fact packs</h2>
      {problem ? <p class="error">{problem}</p> : packs ? <PackList packs={packs} /> : <p>Loading…</p>}
    </section>
  );
}
