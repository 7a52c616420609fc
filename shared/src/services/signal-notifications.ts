import { categoryById } from '../domain/categories.js';
import { legalDeadlines } from '../domain/legal-clocks.js';
import { languageOf, type Language, type Person } from '../domain/organisation.js';
import type { Signal } from '../domain/signal.js';
import type { OutgoingMessage } from '../ports/service-store.js';
import type { RecipientReason } from './signal-routing.js';

/**
 * The proactive messages about a signal. They carry the reference, the category and a
 * link to the dashboard, and NEVER the content: a Teams notification is copied to
 * phones, lock screens and the Microsoft 365 audit, places the signal must not reach.
 */
export type SignalNoticePurpose =
  | 'new'
  | 'reminder-acknowledge'
  | 'alert-acknowledge'
  | 'reminder-feedback'
  | 'reporter-acknowledged'
  | 'reporter-message';

/** Message kinds (for outcomes, metrics and the undeliverable hook); never content. */
export const NOTICE_KINDS = {
  new: 'signal.new',
  'reminder-acknowledge': 'signal.reminder.acknowledge',
  'alert-acknowledge': 'signal.alert.acknowledge',
  'reminder-feedback': 'signal.reminder.feedback',
  'reporter-acknowledged': 'reporter.acknowledged',
  'reporter-message': 'reporter.message',
  undeliverable: 'admin.undeliverable',
} as const;

/** Purpose key of a notice; the outbox notifier appends the recipient (one message per person). */
export function signalNoticeKey(signalId: string, purpose: SignalNoticePurpose, detail?: string): string {
  return detail === undefined ? `signal:${signalId}:${purpose}` : `signal:${signalId}:${purpose}:${detail}`;
}

/** The signal id inside a notice key (`signal:<id>:...`), or undefined for other messages. */
export function signalIdOfNoticeKey(key: string): string | undefined {
  const match = /^signal:([^:]+):/.exec(key);
  return match?.[1];
}

export function recipientLanguage(person: Pick<Person, 'locale'>): Language {
  return languageOf(person.locale);
}

function label(signal: Pick<Signal, 'category' | 'reference'>, language: Language): string {
  return `${signal.reference} (${categoryById(signal.category).label[language]})`;
}

const WHY: Partial<Record<RecipientReason, Record<Language, string>>> = {
  'deputy-contact-absent': {
    nl: 'Je ontvangt dit als plaatsvervanger, omdat het MT-aanspreekpunt afwezig is.',
    en: 'You receive this as the deputy, because the MT contact is absent.',
  },
  'deputy-concerns-contact': {
    nl: 'De melder geeft aan dat dit signaal over het MT-aanspreekpunt gaat; daarom ontvang jij het.',
    en: 'The reporter says this signal concerns the MT contact; that is why you receive it.',
  },
  'secretary-concerns-contact': {
    nl: 'De melder geeft aan dat dit signaal over het MT-aanspreekpunt gaat; daarom ontvang jij het.',
    en: 'The reporter says this signal concerns the MT contact; that is why you receive it.',
  },
  'coordinator-no-deputy': {
    nl: 'Je ontvangt dit omdat het MT-aanspreekpunt afwezig is en er geen plaatsvervanger is.',
    en: 'You receive this because the MT contact is absent and there is no deputy.',
  },
  'app-admin-no-recipient': {
    nl: 'Je ontvangt dit als functioneel beheerder: er is geen MT-aanspreekpunt of plaatsvervanger ingesteld. Stel die in, zodat het signaal kan worden opgepakt.',
    en: 'You receive this as application administrator: no MT contact or deputy is configured. Please configure one so the signal can be handled.',
  },
};

export interface NoticeContext {
  /** Link to the signal dashboard (the SharePoint page in production, `/workbench` locally). */
  dashboardUrl: string;
}

export function newSignalNotice(signal: Signal, language: Language, reason: RecipientReason, context: NoticeContext): OutgoingMessage {
  const { acknowledgeBy } = legalDeadlines(signal);
  const why = WHY[reason]?.[language];
  const text =
    language === 'nl'
      ? `Nieuw signaal van ondermijning: ${label(signal, 'nl')}. Bekijk het en bevestig de ontvangst in het signaaldashboard: ${context.dashboardUrl} (uiterlijk ${acknowledgeBy}).`
      : `New signal of subversive crime: ${label(signal, 'en')}. Review it and acknowledge receipt in the signal dashboard: ${context.dashboardUrl} (by ${acknowledgeBy}).`;
  return { text: why ? `${text}\n\n${why}` : text, kind: NOTICE_KINDS.new };
}

export function acknowledgementReminder(signal: Signal, language: Language, context: NoticeContext): OutgoingMessage {
  const { acknowledgeBy } = legalDeadlines(signal);
  const text =
    language === 'nl'
      ? `Herinnering: de ontvangst van signaal ${label(signal, 'nl')} is na drie werkdagen nog niet bevestigd. De wettelijke termijn loopt tot en met ${acknowledgeBy}. Signaaldashboard: ${context.dashboardUrl}`
      : `Reminder: receipt of signal ${label(signal, 'en')} is still unacknowledged after three working days. The legal term runs until ${acknowledgeBy} inclusive. Signal dashboard: ${context.dashboardUrl}`;
  return { text, kind: NOTICE_KINDS['reminder-acknowledge'] };
}

export function acknowledgementAlert(signal: Signal, language: Language, context: NoticeContext): OutgoingMessage {
  const { acknowledgeBy } = legalDeadlines(signal);
  const text =
    language === 'nl'
      ? `Let op: de ontvangst van signaal ${label(signal, 'nl')} is na vijf werkdagen nog niet bevestigd. De wettelijke termijn van zeven dagen loopt af op ${acknowledgeBy}; zorg dat iemand de ontvangst bevestigt. Signaaldashboard: ${context.dashboardUrl}`
      : `Attention: receipt of signal ${label(signal, 'en')} is still unacknowledged after five working days. The seven-day legal term ends on ${acknowledgeBy}; please make sure someone acknowledges it. Signal dashboard: ${context.dashboardUrl}`;
  return { text, kind: NOTICE_KINDS['alert-acknowledge'] };
}

export function feedbackReminder(signal: Signal, language: Language, context: NoticeContext): OutgoingMessage {
  const { feedbackBy } = legalDeadlines(signal);
  const text =
    language === 'nl'
      ? `Herinnering: de melder van signaal ${label(signal, 'nl')} moet uiterlijk ${feedbackBy} horen wat er met de melding is gedaan (over ongeveer twee weken). Signaaldashboard: ${context.dashboardUrl}`
      : `Reminder: the reporter of signal ${label(signal, 'en')} must hear what was done with it by ${feedbackBy} (in about two weeks). Signal dashboard: ${context.dashboardUrl}`;
  return { text, kind: NOTICE_KINDS['reminder-feedback'] };
}

/** To a named or confidential reporter, in Teams. */
export function reporterAcknowledgedNotice(signal: Pick<Signal, 'reference'>, language: Language): OutgoingMessage {
  const text =
    language === 'nl'
      ? `Je melding ${signal.reference} is in behandeling: het MT-aanspreekpunt heeft de ontvangst bevestigd. Je hoort uiterlijk binnen drie maanden wat ermee is gedaan.`
      : `Your report ${signal.reference} is being handled: the MT contact has acknowledged receipt. You will hear what was done with it within three months at the latest.`;
  return { text, kind: NOTICE_KINDS['reporter-acknowledged'] };
}

/** A message from the handler to a named or confidential reporter (the text is meant for them). */
export function reporterMessageNotice(signal: Pick<Signal, 'reference'>, language: Language, message: string): OutgoingMessage {
  const intro =
    language === 'nl'
      ? `Bericht van het MT-aanspreekpunt over je melding ${signal.reference}:`
      : `Message from the MT contact about your report ${signal.reference}:`;
  return { text: `${intro}\n\n${message}`, kind: NOTICE_KINDS['reporter-message'] };
}

/** Why a proactive message could not be delivered, for the app admin: who was unreachable, never what it was about. */
export function undeliverableNotice(
  unreachable: Pick<Person, 'displayName'> | undefined,
  replacements: readonly Pick<Person, 'displayName'>[],
  language: Language,
): OutgoingMessage {
  const who = unreachable?.displayName ?? (language === 'nl' ? 'een ontvanger' : 'a recipient');
  const rerouted = replacements.map((p) => p.displayName).join(', ');
  const text =
    language === 'nl'
      ? `Een bericht van het meldpunt ondermijning kon in Teams niet worden afgeleverd bij ${who}: de app is voor die persoon niet (meer) geïnstalleerd of het gesprek bestaat niet meer. ` +
        (rerouted ? `Het bericht is in plaats daarvan naar ${rerouted} gestuurd. ` : 'Er was niemand anders om het naar door te sturen. ') +
        'Controleer of de app voor deze persoon is geïnstalleerd en of de rollen kloppen.'
      : `A message from the subversive crime reporting point could not be delivered in Teams to ${who}: the app is not (or no longer) installed for that person, or the conversation no longer exists. ` +
        (rerouted ? `It was sent to ${rerouted} instead. ` : 'There was no one else to pass it to. ') +
        'Please check that the app is installed for this person and that the roles are right.';
  return { text, kind: NOTICE_KINDS.undeliverable };
}
