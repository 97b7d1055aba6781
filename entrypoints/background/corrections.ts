import type { BackgroundMessage, Result } from '../../data/schema/messages';
import type { FactmarkDB } from '../../data/store/store';

type CorrectionMessage = Extract<BackgroundMessage, { type: `corrections:${string}` }>;

/** The contributors' corrections outbox (to come). */
export class CorrectionService {
  constructor(private readonly db: FactmarkDB) {}

  /** Registers alarms and listeners; called once when the service worker starts. */
  start(): void {}

  async handle(message: CorrectionMessage): Promise<Result<unknown>> {
    switch (message.type) {
      case 'corrections:list':
        return { ok: true, value: await this.db.corrections.orderBy('createdAt').reverse().toArray() };
    }
  }
}
