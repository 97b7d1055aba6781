import { defineContentScript } from 'wxt/utils/define-content-script';
import { styleEarly } from './content/early-styles';

/**
 * The highlight sheet goes in at document_start, before the page is parsed, so inserting it
 * restyles an empty document instead of the whole page during the first pass
 * (entrypoints/content/early-styles.ts). The annotator itself still starts at document_idle.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  // WXT would otherwise post a 'wxt:content-script-started' message every page can read: a fingerprint.
  noScriptStartedPostMessage: true,
  main() {
    styleEarly(window);
  },
});
