import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ContentMessage } from '../../data/schema/page-messages';
import { parseMessage } from '../../data/schema/result';
import { isArticleFrame } from './frames';
import { PageAnnotator } from './page-annotator';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: true,
  // WXT would otherwise post a 'wxt:content-script-started' message every page can read: a fingerprint.
  noScriptStartedPostMessage: true,
  main() {
    if (!isArticleFrame(window)) return;
    const annotator = new PageAnnotator(document);
    browser.runtime.onMessage.addListener((message, _sender, reply) => {
      const parsed = parseMessage(ContentMessage, message);
      if (!parsed.ok) return reply(parsed) as undefined;
      // Only the top frame answers the popup, so it gets one list per tab.
      if (window !== window.top) return undefined;
      void annotator.answer(parsed.value).then(reply);
      return true;
    });
    void annotator.start();
  },
});
