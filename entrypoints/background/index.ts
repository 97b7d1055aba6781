import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { BackgroundMessage, parseMessage, type Result } from '../../data/schema/messages';
import { FactService } from './facts';

export default defineBackground(() => {
  const facts = new FactService();
  browser.runtime.onInstalled.addListener(() => void facts.ready());
  browser.runtime.onMessage.addListener((message, _sender, reply) => {
    void handle(facts, message).then(reply);
    return true; // answer asynchronously
  });
});

/** Validates a message and routes it; every answer is a plain Result, never a thrown error. */
async function handle(facts: FactService, raw: unknown): Promise<Result<unknown>> {
  const parsed = parseMessage(BackgroundMessage, raw);
  if (!parsed.ok) return parsed;
  try {
    switch (parsed.value.type) {
      case 'annotate':
        return { ok: true, value: await facts.match(parsed.value) };
      case 'packs:list':
        return { ok: true, value: await facts.packs() };
    }
  } catch (error) {
    return { ok: false, error: `Factmark could not check this page: ${(error as Error).message}` };
  }
}
