import type { NotificationRequest, Notifier, Clock } from '../../ports/runtime.js';
import type { OutboxRepository } from '../../ports/service-store.js';

/**
 * Makes an idempotency key unique per recipient. Callers may pass a purpose key
 * ("signal:<id>:notify") or one that already ends in the recipient
 * ("signal:<id>:notify:<objectId>"); either way two recipients of the same purpose get
 * two messages, and repeating a notification for one recipient gets none.
 */
export function recipientScopedKey(purposeKey: string, recipientObjectId: string): string {
  const suffix = `:${recipientObjectId}`;
  return purposeKey.endsWith(suffix) ? purposeKey : `${purposeKey}${suffix}`;
}

/**
 * The `Notifier` domain services use: it only writes to the outbox, in the caller's flow,
 * so a notification is never lost between "decided" and "sent" and never sent twice.
 * The outbox worker delivers it later.
 */
export class OutboxNotifier implements Notifier {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
  ) {}

  async notify(request: NotificationRequest): Promise<{ queued: boolean }> {
    const notBefore = request.notBefore ?? this.clock.now();
    const { created } = await this.outbox.enqueue({
      idempotencyKey: recipientScopedKey(request.idempotencyKey, request.recipientObjectId),
      tenantId: request.tenantId,
      municipalityCode: request.municipalityCode,
      recipientObjectId: request.recipientObjectId,
      // Resolved at send time: a conversation reference may appear after enqueueing.
      conversationId: null,
      payload: request.message,
      notBefore: notBefore.toISOString(),
    });
    return { queued: created };
  }
}
