import type { Storage, StoreItems } from 'botbuilder';
import type { DialogStateRepository } from '@weerbaar/shared';
import type { Pseudonymise } from '../crypto/pseudonym.js';

/**
 * botbuilder's `Storage` over the service store's dialog state: values are sealed at rest
 * by the repository, eTags are enforced (a stale write throws ConcurrencyError, so two
 * turns racing on one conversation never silently overwrite each other), and keys are
 * pseudonymised, because botbuilder's keys contain the Teams conversation id.
 */
/** Prefix of the bot's dialog state keys, so the expiry job touches nothing else. */
export const BOT_STATE_KEY_PREFIX = 'bot-state:';

export class ServiceStoreStorage implements Storage {
  private readonly keyOf: Pseudonymise;

  constructor(
    private readonly repository: DialogStateRepository,
    pseudonym: Pseudonymise,
  ) {
    this.keyOf = (key) => `${BOT_STATE_KEY_PREFIX}${pseudonym(key)}`;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const stored = await this.repository.read(keys.map(this.keyOf));
    const items: StoreItems = {};
    for (const key of keys) {
      const found = stored[this.keyOf(key)];
      if (found === undefined) continue;
      const value = typeof found.value === 'object' && found.value !== null ? found.value : {};
      items[key] = { ...value, eTag: found.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...value } = (item ?? {}) as Record<string, unknown>;
      const expected = typeof eTag === 'string' ? eTag : undefined;
      const etag = await this.repository.write(this.keyOf(key), value, expected);
      // Later saves in the same turn compare against what is stored now.
      if (item && typeof item === 'object') (item as Record<string, unknown>).eTag = etag;
    }
  }

  async delete(keys: string[]): Promise<void> {
    await this.repository.delete(keys.map(this.keyOf));
  }
}
