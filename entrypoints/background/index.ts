import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { BackgroundMessage, parseMessage, type Result } from '../../data/schema/messages';
import { openStore } from '../../data/store/store';
import { decodeAnnotate, packVerdicts } from '../../data/match';
import { FactService } from './facts';
import { PackService } from './packs';
import { CorrectionService } from './corrections';

export default defineBackground(() => {
  const db = openStore();
  const facts = new FactService(db);
  const packs = new PackService(db, facts);
  const corrections = new CorrectionService(db);
  browser.runtime.onInstalled.addListener(() => void facts.ready());
  packs.start();
  corrections.start();

  /** Validates a message and routes it; every answer is a plain Result, never a thrown error. */
  async function handle(raw: unknown): Promise<Result<unknown>> {
    const start = performance.now();
    const parsed = parseMessage(BackgroundMessage, raw);
    performance.measure('factmark:validate', { start, end: performance.now() });
    if (!parsed.ok) return parsed;
    const message = parsed.value;
    try {
      if (message.type === 'annotate') {
        const request = decodeAnnotate(message);
        if (!request.ok) return request;
        return { ok: true, value: packVerdicts(await corrections.decorate(request.value, await facts.match(request.value))) };
      }
      if (message.type.startsWith('packs:')) return await packs.handle(message as Extract<BackgroundMessage, { type: `packs:${string}` }>);
      return await corrections.handle(message as Extract<BackgroundMessage, { type: `corrections:${string}` }>);
    } catch (error) {
      return { ok: false, error: `Factmark could not do that: ${(error as Error).message}` };
    }
  }

  browser.runtime.onMessage.addListener((message, _sender, reply) => {
    void handle(message).then(reply);
    return true; // answer asynchronously
  });
});
