import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PackList } from '../../components/PackList';
import { PackSummary } from '../../data/schema/messages';
import { readSettings, type Settings } from '../../data/schema/settings';

function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [packs, setPacks] = useState<PackSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void readSettings(browser.storage.local).then(setSettings);
    void browser.runtime.sendMessage({ type: 'packs:list' }).then((answer: { ok: boolean; value?: unknown; error?: string }) => {
      if (answer?.ok) setPacks(PackSummary.array().parse(answer.value));
      else setProblem(answer?.error ?? 'The extension did not answer.');
    });
  }, []);

  const setShowUnverified = async (showUnverified: boolean) => {
    await browser.storage.local.set({ showUnverified });
    setSettings(await readSettings(browser.storage.local));
  };

  return (
    <>
      <h1>Factmark</h1>
      <h2>Reading</h2>
      {settings ? (
        <label>
          <input type="checkbox" checked={settings.showUnverified} onChange={(e) => void setShowUnverified((e.target as HTMLInputElement).checked)} /> Underline
          figures that no fact pack covers (unverified)
        </label>
      ) : null}
      {settings?.disabledSites.length ? <p>Switched off on: {settings.disabledSites.join(', ')}</p> : null}
      <h2>Fact packs</h2>
      {problem ? <p class="error">{problem}</p> : packs ? <PackList packs={packs} /> : <p>Loading…</p>}
    </>
  );
}

render(<Options />, document.getElementById('app')!);
