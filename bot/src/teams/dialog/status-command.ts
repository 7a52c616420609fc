import { INPUT_LIMITS, type Language, type ReceiptCodes, type Signal, type SignalRepository, type SignalTimelineRepository } from '@weerbaar/shared';
import { TimelineReporterMessages } from '../../http/web-form/reporter-timeline.js';
import * as say from '../text/help-text.js';

export interface StatusCommandDeps {
  receiptCodes: ReceiptCodes;
  signals: Pick<SignalRepository, 'get'>;
  timeline: Pick<SignalTimelineRepository, 'list' | 'get' | 'append'>;
}

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

async function signalOf(deps: StatusCommandDeps, code: string): Promise<Signal | undefined> {
  const signalId = await deps.receiptCodes.verify(code);
  return signalId === undefined ? undefined : deps.signals.get(signalId);
}

/**
 * "status <code>": an anonymous reporter reads the status of their signal and the
 * messages the MT contact left for them. Nothing of the lookup is kept: the chat learns
 * the signal only for this one answer, so the conversation is never linked to it.
 */
export async function statusReply(deps: StatusCommandDeps, code: string | null, language: Language): Promise<string> {
  if (code === null) return say.statusNeedsCode(language);
  const signal = await signalOf(deps, code);
  if (!signal) return say.statusUnknownCode(language);
  const messages = await new TimelineReporterMessages(deps.timeline).messages(signal.id);
  return say.statusText(language, signal.reference, signal.status, messages);
}

/**
 * "antwoord <code> <text>": the anonymous reporter answers the MT contact. The answer
 * joins the signal's timeline (sealed under the signal's key); `nonce` (the activity)
 * makes a redelivered message one answer, not two.
 */
export async function replyToHandler(
  deps: StatusCommandDeps,
  command: { code: string; text: string },
  language: Language,
  now: Date,
  nonce: string,
): Promise<string> {
  const signal = await signalOf(deps, command.code);
  if (!signal) return say.statusUnknownCode(language);
  if (signal.status === 'closed') return say.replyClosed(language, signal.reference);
  const text = command.text.replace(/\r\n?/g, '\n').trim();
  if (text === '') return say.replyEmpty(language);
  if (text.length > INPUT_LIMITS.description.max) return say.replyTooLong(language, INPUT_LIMITS.description.max, text.length);
  if (CONTROL_CHARACTERS.test(text)) return say.replyInvalid(language);
  await new TimelineReporterMessages(deps.timeline).addReporterMessage(signal, text, now, `teams-reply:${nonce}`);
  return say.replySent(language, signal.reference);
}
