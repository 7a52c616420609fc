import type { Municipality } from '../domain/organisation.js';
import type { Directory, Notifier } from '../ports/runtime.js';
import type { DeliveryOutcome, OutboxMessage, OutboxStatus, SignalRepository } from '../ports/service-store.js';
import { NOTICE_KINDS, recipientLanguage, signalIdOfNoticeKey, undeliverableNotice } from './signal-notifications.js';
import type { RoutedRecipient, SignalRouting } from './signal-routing.js';

export interface UndeliverableLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

export interface UndeliverableNoticesDeps {
  routing: SignalRouting;
  signals: SignalRepository;
  directory: Directory;
  notifier: Notifier;
  municipalities: readonly Pick<Municipality, 'code' | 'tenantId'>[];
  logger: UndeliverableLogger;
}

/** Marks a replacement in its key, so a replacement that fails too is not passed on again. */
const REPLACEMENT_MARK = ':via:';

/**
 * Never a silent drop: when Teams cannot deliver a notice about a signal to a handler
 * (403/404, no conversation, attempts exhausted), the deputy (or the next in line) gets
 * it instead, and the app admin is told who could not be reached, without the content.
 * Runs as the outbox worker's final-outcome hook; every message it queues has its own
 * idempotency key, so running it twice for one failure changes nothing.
 */
export class UndeliverableNotices {
  constructor(private readonly deps: UndeliverableNoticesDeps) {}

  async handle(message: OutboxMessage, outcome: DeliveryOutcome, status: OutboxStatus): Promise<void> {
    if (status !== 'recipient-gone' && status !== 'failed') return;
    const kind = message.payload.kind;
    const details = { messageId: message.id, kind, outcome: outcome.kind };
    if (kind === NOTICE_KINDS.undeliverable) {
      this.deps.logger.warn(details, 'could not tell the app admin about an undeliverable message');
      return;
    }
    if (kind.startsWith('reporter.')) {
      // Who the reporter is stays out of reach of the app admin; the handler sees the status in the dashboard.
      this.deps.logger.warn(details, 'message to a reporter could not be delivered');
      return;
    }
    const purposeKey = stripRecipient(message.idempotencyKey, message.recipientObjectId);
    const alreadyReplacement = purposeKey.includes(REPLACEMENT_MARK);
    const replacements = alreadyReplacement ? [] : await this.replace(message, purposeKey);
    await this.tellAppAdmins(message, purposeKey, replacements);
    this.deps.logger.warn({ ...details, replacements: replacements.length }, 'undeliverable notice passed on');
  }

  private async replace(message: OutboxMessage, purposeKey: string): Promise<RoutedRecipient[]> {
    const signalId = signalIdOfNoticeKey(purposeKey);
    const signal = signalId === undefined ? undefined : await this.deps.signals.get(signalId);
    if (!signal) return [];
    const replacements = await this.deps.routing.replacementsFor(signal, message.recipientObjectId);
    for (const { person } of replacements) {
      const language = recipientLanguage(person);
      const why =
        language === 'nl'
          ? 'Je ontvangt dit bericht omdat de oorspronkelijke ontvanger in Teams niet bereikbaar is.'
          : 'You receive this message because the original recipient cannot be reached in Teams.';
      await this.deps.notifier.notify({
        idempotencyKey: `${purposeKey}${REPLACEMENT_MARK}${message.recipientObjectId}`,
        tenantId: message.tenantId,
        municipalityCode: message.municipalityCode,
        recipientObjectId: person.objectId,
        message: { ...message.payload, text: `${message.payload.text}\n\n${why}`, replaceActivityId: undefined },
      });
    }
    return replacements;
  }

  private async tellAppAdmins(message: OutboxMessage, purposeKey: string, replacements: readonly RoutedRecipient[]): Promise<void> {
    const admins = await this.deps.routing.appAdmins(message.municipalityCode);
    const unreachable = await this.deps.directory.findByObjectId(message.recipientObjectId);
    const tenantId = this.deps.municipalities.find((m) => m.code === message.municipalityCode)?.tenantId ?? message.tenantId;
    if (admins.length === 0) {
      this.deps.logger.warn({ messageId: message.id }, 'no app admin to tell about an undeliverable message');
    }
    for (const admin of admins) {
      if (admin.objectId === message.recipientObjectId) continue;
      await this.deps.notifier.notify({
        idempotencyKey: `${purposeKey}:undeliverable:${message.recipientObjectId}`,
        tenantId,
        municipalityCode: message.municipalityCode,
        recipientObjectId: admin.objectId,
        message: undeliverableNotice(unreachable, replacements.map((r) => r.person), recipientLanguage(admin)),
      });
    }
  }
}

/** The purpose key of a message: its idempotency key without the recipient suffix the notifier added. */
function stripRecipient(key: string, recipientObjectId: string): string {
  const suffix = `:${recipientObjectId}`;
  return key.endsWith(suffix) ? key.slice(0, -suffix.length) : key;
}
