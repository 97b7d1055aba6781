import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { GECKO_ID } from './scripts/lib/gecko-id';
import { preactWithoutInnerHtml } from './scripts/lib/preact-without-inner-html';

// See ARCHITECTURE.md for why each choice was made.
export default defineConfig({
  imports: false,
  // FACTMARK_NO_MINIFY=1 keeps names readable for CPU profiles (scripts/bench/_profile-content.ts).
  vite: () => ({ plugins: [preact(), preactWithoutInnerHtml()], build: process.env.FACTMARK_NO_MINIFY ? { minify: false } : {} }),
  // The source zip addons.mozilla.org asks for: what `npm ci && npm run build:firefox` needs (no tests, server or listing).
  zip: { excludeSources: ['tests/**', 'server/**', 'scripts/bench/**', 'store/**', 'artifacts/**', 'stats.html'] },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Factmark',
    description: 'Checks the deal figures in news articles against verified facts, on your device.',
    // scripting: the underlines' styles go in as a user-origin sheet the page cannot override (ARCHITECTURE.md, 'The page cannot touch the verdict').
    permissions: ['storage', 'alarms', 'scripting'],
    // The pages the content script already runs on: scripting.insertCSS needs host access to the tab (no wider than the content script's matches).
    host_permissions: ['http://*/*', 'https://*/*'],
    // public/icon/<size>.png (npm run icons, from assets/icon.svg) are the extension's icons; the toolbar's too.
    [manifestVersion === 2 ? 'browser_action' : 'action']: { default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 140 is the first Firefox with built-in data collection consent.
              strict_min_version: '140.0',
              // Nothing is sent unless the reader submits a correction: then its page address
              // and title (browsing activity) and the figure as written (website content) go to
              // the pack's corrections endpoint.
              data_collection_permissions: { required: ['browsingActivity', 'websiteContent'] },
            },
            // 142 is the first Firefox for Android with it.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
