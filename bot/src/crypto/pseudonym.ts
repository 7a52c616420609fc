import { createHmac } from 'node:crypto';

/**
 * Keyed pseudonyms for identifiers that must be findable but not readable at rest
 * (dialog state keys, activity keys that contain a Teams conversation id). HMAC with a
 * key derived from the master key: equal inputs give equal pseudonyms, and without the
 * master key nobody can test a guess ("is this the chat of Jan?").
 */
export type Pseudonymise = (value: string) => string;

export function pseudonymiser(masterKey: Uint8Array, purpose: string): Pseudonymise {
  const key = createHmac('sha256', masterKey).update(`weerbaar-twente/pseudonym/${purpose}`).digest();
  return (value) => createHmac('sha256', key).update(value).digest('base64url');
}
