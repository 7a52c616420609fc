import {
  recipientLanguage,
  reporterAcknowledgedNotice,
  reporterMessageNotice,
  signalNoticeKey,
  type Directory,
  type Language,
  type Municipality,
  type Notifier,
  type OutgoingMessage,
  type ReporterChannel,
  type Signal,
  type SignalRepository,
  type SignalTimelineRepository,
} from '@weerbaar/shared';
import type { Logger } from '../logging.js';

export interface TeamsReporterChannelDeps {
  signals: Pick<SignalRepository, 'get'>;
  timeline: Pick<SignalTimelineRepository, 'get'>;
  notifier: Notifier;
  directory: Directory;
  municipalities: readonly Pick<Municipality, 'code' | 'tenantId'>[];
  logger: Logger;
}

/**
 * Reaches the reporter of a signal in Teams. A named or confidential reporter gets a
 * proactive message through the outbox (their object id comes from the sealed reporter
 * identity and never leaves this service); an anonymous reporter has no address at
 * all, so their messages simply wait in the timeline until they come back with the
 * receipt code.
 */
export class TeamsReporterChannel implements ReporterChannel {
  constructor(private readonly deps: TeamsReporterChannelDeps) {}

  async notifyAcknowledged(signalId: string): Promise<void> {
    const signal = await this.reachable(signalId);
    if (!signal?.reporter) return;
    await this.send(signal, signalNoticeKey(signal.id, 'reporter-acknowledged'), (language) => reporterAcknowledgedNotice(signal, language));
  }

  async deliverMessage(signalId: string, messageId: string): Promise<void> {
    const signal = await this.reachable(signalId);
    if (!signal?.reporter) return;
    const entry = await this.deps.timeline.get(signalId, messageId);
    if (!entry || entry.kind !== 'message-to-reporter' || entry.text === undefined) {
      this.deps.logger.warn({ signalId, messageId }, 'no message to the reporter under this id');
      return;
    }
    const text = entry.text;
    await this.send(signal, signalNoticeKey(signal.id, 'reporter-message', messageId), (language) => reporterMessageNotice(signal, language, text));
  }

  /** The signal when its reporter can be messaged in Teams; undefined for anonymous (the message waits). */
  private async reachable(signalId: string): Promise<Signal | undefined> {
    const signal = await this.deps.signals.get(signalId);
    if (!signal) {
      this.deps.logger.warn({ signalId }, 'reporter channel: unknown signal');
      return undefined;
    }
    if (signal.confidentiality === 'anonymous' || signal.reporter === null) return undefined;
    return signal;
  }

  private async send(
    signal: Signal,
    idempotencyKey: string,
    message: (language: Language) => OutgoingMessage,
  ): Promise<void> {
    const reporter = signal.reporter;
    const tenantId = this.deps.municipalities.find((m) => m.code === signal.municipalityCode)?.tenantId;
    if (!reporter || !tenantId) return;
    const person = await this.deps.directory.findByObjectId(reporter.objectId);
    const language = person ? recipientLanguage(person) : 'nl';
    await this.deps.notifier.notify({
      idempotencyKey,
      tenantId,
      municipalityCode: signal.municipalityCode,
      recipientObjectId: reporter.objectId,
      message: message(language),
    });
  }
}
