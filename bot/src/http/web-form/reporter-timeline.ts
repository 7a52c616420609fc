import { createHash } from 'node:crypto';
import { TIMELINE_REPORTER_ACTOR, type Signal, type SignalTimelineRepository } from '@weerbaar/shared';
import type { ReporterTimeline } from './status-routes.js';
import type { ReporterMessage } from './status-page.js';

/**
 * The reporter's view of a signal's timeline: only the messages to and from the
 * reporter, never internal notes, names of staff or hand-over details.
 */
export class TimelineReporterMessages implements ReporterTimeline {
  constructor(private readonly timeline: Pick<SignalTimelineRepository, 'append' | 'list' | 'get'>) {}

  async messages(signalId: string): Promise<ReporterMessage[]> {
    const entries = await this.timeline.list(signalId);
    const messages: ReporterMessage[] = [];
    for (const entry of entries) {
      if (entry.text === undefined) continue;
      if (entry.kind === 'message-to-reporter') messages.push({ at: entry.at, from: 'handler', text: entry.text });
      if (entry.kind === 'message-from-reporter') messages.push({ at: entry.at, from: 'reporter', text: entry.text });
    }
    return messages;
  }

  /**
   * The entry id is derived from the signal and the form's nonce, so the same answer
   * posted twice (a double click, a reload) is one entry: the second append finds it,
   * or loses the race on the primary key and then finds it.
   */
  async addReporterMessage(signal: Signal, text: string, at: Date, idempotencyKey: string): Promise<void> {
    const id = entryIdFor(signal.id, idempotencyKey);
    if (await this.timeline.get(signal.id, id)) return;
    try {
      await this.timeline.append([{ id, signalId: signal.id, at: at.toISOString(), kind: 'message-from-reporter', actor: TIMELINE_REPORTER_ACTOR, text }]);
    } catch (error) {
      if (await this.timeline.get(signal.id, id)) return;
      throw error;
    }
  }
}

/** A UUID-shaped id from a hash: stable for one (signal, nonce), revealing neither. */
function entryIdFor(signalId: string, idempotencyKey: string): string {
  const hex = createHash('sha256').update(`${signalId}\n${idempotencyKey}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
