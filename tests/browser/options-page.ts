import type { ExtensionBrowser } from '../../scripts/lib/extension-browser';
import type { Page } from '../../scripts/lib/harness-page';

/** Opens the options page with its pack list shown, accepting the confirmations a reader would. */
export async function openPackOptions(browser: ExtensionBrowser): Promise<Page> {
  const options = await browser.context.newPage();
  options.on('dialog', (dialog) => void dialog.accept());
  await options.goto(browser.extensionUrl('/options.html'));
  await options.waitForSelector('table.packs');
  return options;
}
