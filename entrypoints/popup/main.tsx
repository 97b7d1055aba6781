import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FigureList } from '../../components/FigureList';
import { SiteSwitch } from '../../components/SiteSwitch';
import { PageFigures, type ContentMessage } from '../../data/schema/page-messages';
import { setSiteEnabled } from '../../data/schema/settings';

/** The tab the popup is about: the active tab of the last focused normal window. */
async function currentTabId(): Promise<number | undefined> {
  const win = await browser.windows.getLastFocused({ windowTypes: ['normal'] });
  const [tab] = await browser.tabs.query({ active: true, windowId: win.id });
  return tab?.id;
}

async function ask(tabId: number, message: ContentMessage): Promise<unknown> {
  const answer = (await browser.tabs.sendMessage(tabId, message)) as { ok: boolean; value?: unknown; error?: string };
  if (!answer?.ok) throw new Error(answer?.error ?? 'no answer');
  return answer.value;
}

function Popup() {
  const [tabId, setTabId] = useState<number>();
  const [page, setPage] = useState<PageFigures | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const refresh = async (id: number) => {
    try {
      setPage(PageFigures.parse(await ask(id, { type: 'page:figures' })));
      setProblem(null);
    } catch {
      setProblem('Factmark cannot read this page (browser pages and the web store are off limits).');
    }
  };

  useEffect(() => {
    void currentTabId().then((id) => {
      setTabId(id);
      if (id !== undefined) void refresh(id);
      else setProblem('No page to check.');
    });
  }, []);

  const toggle = async (enabled: boolean) => {
    if (!page || tabId === undefined) return;
    await setSiteEnabled(browser.storage.local, page.host, enabled);
    await refresh(tabId); // the page reads the settings again before it answers
  };

  const reveal = (index: number) => {
    if (tabId !== undefined) void ask(tabId, { type: 'page:reveal', index }).catch(() => undefined);
  };

  return (
    <>
      <h1>Factmark</h1>
      {problem ? <p class="status">{problem}</p> : null}
      {page ? (
        <>
          <SiteSwitch host={page.host} enabled={page.enabled} onChange={toggle} />
          {/* The popup is the page's trusted account: the list is the content script's own, whatever the page did to the underlines. */}
          {page.enabled && page.interference?.some((k) => !k.startsWith('card-')) ? (
            <p class="interference" role="alert">
              This page is interfering with Factmark's underlines. The list below is what Factmark found.
            </p>
          ) : null}
          {page.enabled && page.interference?.some((k) => k.startsWith('card-')) ? (
            <p class="interference card-interference" role="alert">
              This page hid or covered Factmark's card. The list below is what Factmark found.
            </p>
          ) : null}
          {page.enabled ? <FigureList figures={page.figures} onSelect={reveal} /> : <p class="status">Switched off on this site.</p>}
        </>
      ) : null}
      <footer>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
          Settings and fact packs
        </a>
      </footer>
    </>
  );
}

render(<Popup />, document.getElementById('app')!);
