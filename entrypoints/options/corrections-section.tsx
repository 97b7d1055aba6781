import { useCallback, useEffect, useState } from 'preact/hooks';
import { CorrectionList } from '../../components/CorrectionList';
import { CorrectionRecord } from '../../data/schema/correction';
import { downloadJson } from './download';
import { send } from './send';

/** Options page section "My corrections": the outbox, with retry, withdraw and export. */
export function CorrectionsSection() {
  const [corrections, setCorrections] = useState<CorrectionRecord[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setCorrections(CorrectionRecord.array().parse(await send({ type: 'corrections:list' })));
    } catch (error) {
      setProblem((error as Error).message);
    }
  }, []);

  useEffect(() => {
    void reload();
    // The outbox changes in the background (alarm-driven posts and status checks): keep the list fresh.
    const timer = setInterval(() => void reload(), 3_000);
    return () => clearInterval(timer);
  }, [reload]);

  const act = (type: 'corrections:retry' | 'corrections:withdraw') => async (id: string) => {
    setBusy(id);
    setProblem(null);
    try {
      await send({ type, id });
    } catch (error) {
      setProblem((error as Error).message);
    }
    setBusy(null);
    await reload();
  };

  const exportBundle = async () => {
    try {
      const bundle = await send({ type: 'corrections:export' });
      downloadJson(`factmark-corrections-${new Date().toISOString().slice(0, 10)}.json`, JSON.stringify(bundle, null, 2));
    } catch (error) {
      setProblem((error as Error).message);
    }
  };

  return (
    <section aria-labelledby="corrections-heading">
      <h2 id="corrections-heading">My corrections</h2>
      {problem ? (
        <p class="error" role="alert">
          {problem}
        </p>
      ) : null}
      {corrections ? (
        <>
          <CorrectionList corrections={corrections} busy={busy} onRetry={act('corrections:retry')} onWithdraw={act('corrections:withdraw')} />
          <p>
            <button type="button" class="export" onClick={() => void exportBundle()} disabled={corrections.length === 0}>
              Export corrections (JSON bundle)
            </button>{' '}
            For packs without a corrections endpoint: send the file to the pack's publisher.
          </p>
        </>
      ) : (
        <p>Loading…</p>
      )}
    </section>
  );
}
