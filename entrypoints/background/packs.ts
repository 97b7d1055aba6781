import type { BackgroundMessage, Result } from '../../data/schema/messages';
import { listPacks, type FactmarkDB } from '../../data/store/store';
import type { FactService } from './facts';

type PackMessage = Extract<BackgroundMessage, { type: `packs:${string}` }>;

/** Fact packs: listing now; subscriptions and sync to come. */
export class PackService {
  constructor(
    private readonly db: FactmarkDB,
    private readonly facts: FactService,
  ) {}

  /** Registers alarms and listeners; called once when the service worker starts. */
  start(): void {}

  async handle(message: PackMessage): Promise<Result<unknown>> {
    switch (message.type) {
      case 'packs:list':
        await this.facts.ready();
        return { ok: true, value: await listPacks(this.db) };
    }
  }
}
