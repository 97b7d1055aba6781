import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { BackgroundMessage, parseMessage, type Result } from '../../data/schema/messages';
import { PAGE_STATE_TYPES, refusal, senderKind, TabRateLimiter, type SenderInfo } from '../../data/schema/message-policy';
import type { HighlightStyleRequest, PageStateReport } from '../../data/schema/page-state-messages';
import { openStore } from '../../data/store/store';
import { decodeAnnotate, packVerdicts } from '../../data/match';
import { FactService } from './facts';
import { measure } from './measure';
import { PackService } from './packs';
import { CorrectionService } from './corrections';
import { PageStateService } from './page-state';

export default defineBackground(() => {
  const db = openStore();
  const facts = new FactService(db);
  const packs = new PackService(db, facts);
  const corrections = new CorrectionService(db);
  browser.runtime.onInstalled.addListener(() => void facts.ready());
  packs.start();
  corrections.start();
  // Highlight styles and the toolbar badge, from each page's content script.
  const pageState = new PageStateService();
  pageState.start();

  // Lookups a tab may ask for: a long page sends a few dozen batches at once, a page that mutates
  // without end is held to a few per second.
  const lookups = new TabRateLimiter(30, 200);
  const origin = browser.runtime.getURL('/');

  /**
   * Starts reading what every lookup needs (the names table, which pages have corrections, the
   * packs' trust; each once per worker life) so none of it is read between a batch's matching and
   * its answer. A failure is tried again, and reported, by the lookup itself.
   */
  function prepareLookups(): void {
    facts.ready().catch(() => undefined);
    packs.prepare();
    corrections.prepare();
  }

  /**
   * Validates a message, checks that its sender may send it, and routes it; every answer is a
   * plain Result, never a thrown error.
   */
  async function handle(raw: unknown, sender: SenderInfo): Promise<Result<unknown>> {
    const start = performance.now();
    const parsed = parseMessage(BackgroundMessage, raw);
    measure('factmark:validate', start);
    if (!parsed.ok) return parsed;
    const message = parsed.value;
    const kind = senderKind(sender, browser.runtime.id, origin);
    const refused = refusal(message.type, kind);
    if (refused) return { ok: false, error: refused };
    if (PAGE_STATE_TYPES.has(message.type)) {
      if (kind !== 'content-script') return { ok: false, error: `"${message.type}" comes only from a page's content script.` };
      // A page is loading (its sheet is asked for at document_start): what its lookups need is
      // read now, while the page loads, not when its first lookup comes.
      if (message.type === 'highlights:style') prepareLookups();
      return await pageState.handle(message as HighlightStyleRequest | PageStateReport, sender);
    }
    if (kind === 'content-script' && !lookups.take(sender.tab!.id!)) return { ok: false, error: 'This page asked for too many lookups; Factmark will read it again shortly.' };
    try {
      if (message.type === 'annotate') {
        prepareLookups();
        const request = decodeAnnotate(message);
        if (!request.ok) return request;
        const value = await packs.withTrust(packVerdicts(await corrections.decorate(request.value, await facts.match(request.value))));
        measure('factmark:answer', start); // the whole lookup in the worker, for the pack-store bench's breakdown
        return { ok: true, value };
      }
      if (message.type.startsWith('packs:')) return await packs.handle(message as Extract<BackgroundMessage, { type: `packs:${string}` }>);
      return await corrections.handle(message as Extract<BackgroundMessage, { type: `corrections:${string}` }>, sender);
    } catch (error) {
      return { ok: false, error: `Factmark could not do that: ${(error as Error).message}` };
    }
  }

  browser.runtime.onMessage.addListener((message, sender, reply) => {
    void handle(message, sender).then(reply);
    return true; // answer asynchronously
  });
});
