import { browser } from 'wxt/browser';
import type { BackgroundMessage } from '../../data/schema/messages';

/** Sends a message to the background and unwraps its Result; errors become thrown Errors with its words. */
export async function send<T = unknown>(message: BackgroundMessage): Promise<T> {
  const answer = (await browser.runtime.sendMessage(message)) as { ok: boolean; value?: T; error?: string } | undefined;
  if (!answer) throw new Error('The extension did not answer.');
  if (!answer.ok) throw new Error(answer.error ?? 'Unknown error');
  return answer.value as T;
}
