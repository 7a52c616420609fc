import type { Person } from '../domain/organisation.js';
import type { RoleId } from '../domain/roles.js';
import type { DeliveryOutcome, OutgoingMessage } from './service-store.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface IdGenerator {
  newId(): string;
}

/** Who holds which role, who is absent, locale and start date. Seed locally, Graph + lists in production. */
export interface Directory {
  findByObjectId(objectId: string): Promise<Person | undefined>;
  findByUpn(upn: string): Promise<Person | undefined>;
  /** People holding `role` in a municipality (configured assignments first, then seed/Graph roles). */
  holdersOf(municipalityCode: string, role: RoleId): Promise<Person[]>;
  isAbsent(upn: string, at: Date): Promise<boolean>;
  peopleOf(municipalityCode: string): Promise<Person[]>;
}

/** Domain services ask for proactive messages through this port; the outbox delivers them. */
export interface Notifier {
  notify(request: NotificationRequest): Promise<{ queued: boolean }>;
}

export interface NotificationRequest {
  idempotencyKey: string;
  tenantId: string;
  municipalityCode: string;
  recipientObjectId: string;
  message: OutgoingMessage;
  /** Do not send before this time (quiet hours, working days). */
  notBefore?: Date;
}

/**
 * Sends one proactive message. The Teams adapter maps HTTP answers to outcomes:
 * 2xx sent, 429 throttled (Retry-After), 403/404 recipient-gone, 5xx transient failure.
 */
export interface MessageTransport {
  send(
    tenantId: string,
    recipientObjectId: string,
    conversationId: string | null,
    message: OutgoingMessage,
  ): Promise<DeliveryOutcome>;
}

/**
 * Envelope encryption: one data key per record (signal), wrapped by a master key.
 * Destroying a key shreds every copy of what it sealed, backups included.
 */
export interface KeyStore {
  seal(keyId: string, plaintext: string): Promise<Uint8Array>;
  open(keyId: string, sealed: Uint8Array): Promise<string>;
  destroy(keyId: string): Promise<void>;
  has(keyId: string): Promise<boolean>;
}

/**
 * Reaches the reporter of a signal without the handler ever learning who it is: a named
 * or confidential reporter in Teams (through the outbox); an anonymous reporter's
 * messages wait until they come back with their receipt code.
 */
export interface ReporterChannel {
  notifyAcknowledged(signalId: string): Promise<void>;
  deliverMessage(signalId: string, messageId: string): Promise<void>;
}
