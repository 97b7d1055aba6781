import { browser } from 'wxt/browser';
import type { PageStateReport } from '../../data/schema/page-state-messages';
import { badgeFor, type FrameState } from '../../data/text/badge-text';

/**
 * The toolbar badge per tab: how many figures on the page differ from the record, a "!" when the
 * page interferes with the underlines, "off" when the reader switched the site off. The page
 * cannot reach the toolbar, so this is the place for the verdict it cannot fake or hide. Kept per
 * frame (frames report separately), cleared when the tab loads a new page or closes.
 */
export class Badge {
  private readonly tabs = new Map<number, Map<number, FrameState>>();
  // MV2 (Firefox) calls it browserAction.
  private readonly action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

  start(): void {
    browser.tabs.onUpdated.addListener((tabId, change) => {
      // The tab went to another address (its content script reports again, also after a
      // same-document navigation). Not every 'loading': a frame loading late sets that too.
      if (change.url !== undefined) this.forget(tabId);
    });
    browser.tabs.onRemoved.addListener((tabId) => this.tabs.delete(tabId));
  }

  /** Takes one frame's report and redraws its tab's badge. */
  async report(report: PageStateReport, tabId: number, frameId: number): Promise<void> {
    let frames = this.tabs.get(tabId);
    if (!frames) this.tabs.set(tabId, (frames = new Map()));
    frames.set(frameId, { enabled: report.enabled, mismatches: report.mismatches, interference: report.interference });
    // A tab holds a bounded number of frames that report (each sends only when it has something to say).
    if (frames.size > 100) frames.delete(frames.keys().next().value!);
    await this.draw(tabId, frames);
  }

  /** What the badge shows for a tab now (the popup and tests read it). */
  async shown(tabId: number): Promise<{ text: string; title: string }> {
    return { text: await this.action.getBadgeText({ tabId }), title: await this.action.getTitle({ tabId }) };
  }

  private forget(tabId: number): void {
    if (!this.tabs.delete(tabId)) return;
    void this.draw(tabId, new Map());
  }

  private async draw(tabId: number, frames: ReadonlyMap<number, FrameState>): Promise<void> {
    const { text, title, colour } = badgeFor(frames);
    try {
      await this.action.setBadgeBackgroundColor({ tabId, color: colour });
      await this.action.setBadgeText({ tabId, text });
      await this.action.setTitle({ tabId, title });
    } catch {
      // The tab closed meanwhile.
    }
  }
}
