import { createHmac } from 'node:crypto';

/**
 * Keyed pseudonyms for identifiers that must be findable but not readable at rest
 * (dialog state keys, activity keys that contain a Teams conversation id). HMAC with a
 * key of its own per purpose, kept wrapped by the master key (DataKeyMaintenance): equal
 * inputs give equal pseudonyms, also after a master-key rotation, and without the master
 * key nobody can test a guess ("is this the chat of Jan?").
 */
export type Pseudonymise = (value: string) => string;

export const PSEUDONYM_PURPOSES = ['conversation-references', 'dialog-state', 'activity-conversations'] as const;
export type PseudonymPurpose = (typeof PSEUDONYM_PURPOSES)[number];
export type Pseudonymisers = Readonly<Record<PseudonymPurpose, Pseudonymise>>;

export function pseudonymiserWithKey(key: Uint8Array): Pseudonymise {
  const own = Buffer.from(key);
  return (value) => createHmac('sha256', own).update(value).digest('base64url');
}

/** One pseudonymiser per purpose, from the store's pseudonym keys. */
export async function loadPseudonymisers(keys: { pseudonymKey(purpose: string): Promise<Uint8Array> }): Promise<Pseudonymisers> {
  const entries = await Promise.all(PSEUDONYM_PURPOSES.map(async (purpose) => [purpose, pseudonymiserWithKey(await keys.pseudonymKey(purpose))] as const));
  return Object.fromEntries(entries) as Record<PseudonymPurpose, Pseudonymise>;
}
