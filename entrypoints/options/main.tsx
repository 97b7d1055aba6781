import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readSettings, type Settings } from '../../data/schema/settings';
import { PacksSection } from './packs-section';
import { CorrectionsSection } from './corrections-section';

/** Options page section "Reading": what gets underlined, and where Factmark is off. */
function ReadingSection() {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => void readSettings(browser.storage.local).then(setSettings), []);

  const setShowUnverified = async (showUnverified: boolean) => {
    await browser.storage.local.set({ showUnverified });
    setSettings(await readSettings(browser.storage.local));
  };

  return (
    <section aria-labelledby="reading-heading">
      <h2 id="reading-heading">Reading</h2>
      {settings ? (
        <label>
          <input type="checkbox" checked={settings.showUnverified} onChange={(e) => void setShowUnverified((e.target as HTMLInputElement).checked)} /> Underline
          figures that no fact pack covers (unverified)
        </label>
      ) : null}
      {settings?.disabledSites.length ? <p>Switched off on: {settings.disabledSites.join(', ')}</p> : null}
    </section>
  );
}

function Options() {
  return (
    <>
      <h1>Factmark</h1>
      <ReadingSection />
      <PacksSection />
      <CorrectionsSection />
    </>
  );
}

render(<Options />, document.getElementById('app')!);
