import { CATEGORIES, EMERGENCY_ADVICE, SIGNAL_STATUS_LABELS, type Language, type SignalStatus } from '@weerbaar/shared';

/** "help" / "wat is ondermijning": recognition examples per category, 112 and Meld Misdaad Anoniem. */
export function helpText(language: Language): string {
  const nl = language === 'nl';
  const intro = nl
    ? '**Wat is ondermijning?** Criminelen die misbruik maken van de gemeente: van vergunningen, panden, subsidies of medewerkers. Je hoeft het niet zeker te weten; meld wat je opvalt. Voorbeelden die je in je werk kunt tegenkomen:'
    : '**What is subversive crime?** Criminals abusing the municipality: its permits, buildings, subsidies or staff. You do not need to be sure; report what strikes you. Examples you may come across at work:';
  const categories = CATEGORIES.map(
    (c) => `**${c.label[language]}**\n${c.examples.map((example) => `- ${example[language]}`).join('\n')}`,
  ).join('\n\n');
  const emergency = nl
    ? `**Direct gevaar?** Bel ${EMERGENCY_ADVICE.emergencyNumber}. Dit meldpunt is geen alarmnummer.\n\n**Volledig anoniem, buiten de gemeente om?** Bel Meld Misdaad Anoniem: ${EMERGENCY_ADVICE.meldMisdaadAnoniemNumber}.`
    : `**Immediate danger?** Call ${EMERGENCY_ADVICE.emergencyNumber}. This reporting point is not an emergency line.\n\n**Fully anonymous, outside the municipality?** Call Meld Misdaad Anoniem (Report Crime Anonymously): ${EMERGENCY_ADVICE.meldMisdaadAnoniemNumber}.`;
  const commands = nl
    ? 'Typ "melden" om een signaal te melden, "status <ontvangstcode>" om berichten te lezen, "antwoord <ontvangstcode> <tekst>" om te antwoorden, of "stop" om een melding af te breken.'
    : 'Type "report" to report a signal, "status <receipt code>" to read messages, "reply <receipt code> <text>" to answer, or "stop" to cancel a report.';
  return `${intro}\n\n${categories}\n\n${emergency}\n\n${commands}`;
}

export function foreignTenant(language: Language): string {
  return language === 'nl'
    ? 'Dit meldpunt hoort bij een andere organisatie, dus ik kan je melding hier niet aannemen. Gebruik het meldpunt van je eigen gemeente, of Meld Misdaad Anoniem (0800-7000).'
    : "This reporting point belongs to another organisation, so I cannot take your report here. Please use your own municipality's reporting point, or Meld Misdaad Anoniem (0800-7000).";
}

export function statusNeedsCode(language: Language): string {
  return language === 'nl'
    ? 'Typ "status" gevolgd door je ontvangstcode, bijvoorbeeld: status ABCD-EFGH-…'
    : 'Type "status" followed by your receipt code, for example: status ABCD-EFGH-…';
}

export function statusUnknownCode(language: Language): string {
  return language === 'nl'
    ? 'Deze ontvangstcode ken ik niet. Controleer of je hem goed hebt overgenomen (streepjes en hoofdletters maken niet uit).'
    : 'I do not know this receipt code. Please check that you copied it correctly (dashes and capitals do not matter).';
}

export interface ReporterMessageView {
  at: string;
  from: 'handler' | 'reporter';
  text: string;
}

export function statusText(language: Language, reference: string, status: SignalStatus, messages: readonly ReporterMessageView[] | null): string {
  const nl = language === 'nl';
  const head = nl
    ? `Melding **${reference}**: ${SIGNAL_STATUS_LABELS[status].nl}.`
    : `Report **${reference}**: ${SIGNAL_STATUS_LABELS[status].en}.`;
  if (messages === null || messages.length === 0) {
    return `${head}\n\n${nl ? 'Er zijn nog geen berichten voor je.' : 'There are no messages for you yet.'}`;
  }
  const who = (m: ReporterMessageView) => (m.from === 'reporter' ? (nl ? 'jij' : 'you') : nl ? 'MT-aanspreekpunt' : 'MT contact');
  const list = messages.map((m) => `**${m.at.slice(0, 10)}, ${who(m)}**: ${m.text}`).join('\n\n');
  const how = nl ? 'Antwoorden? Typ: antwoord <code> <je antwoord>' : 'To answer, type: reply <code> <your answer>';
  return `${head}\n\n${nl ? 'Berichten:' : 'Messages:'}\n\n${list}\n\n${how}`;
}

export function privacyLink(language: Language, privacyUrl: string): string {
  return language === 'nl' ? `Wat we bewaren en hoe lang: ${privacyUrl}` : `What we keep and for how long: ${privacyUrl}`;
}

export function replyEmpty(language: Language): string {
  return language === 'nl'
    ? 'Typ je antwoord achter de code, bijvoorbeeld: antwoord ABCD-EFGH-… Het was op de hoek van de straat.'
    : 'Type your answer after the code, for example: reply ABCD-EFGH-… It was on the corner of the street.';
}

export function replyTooLong(language: Language, max: number, length: number): string {
  return language === 'nl'
    ? `Je antwoord is te lang: maximaal ${max} tekens (nu ${length}). Stuur het in delen.`
    : `Your answer is too long: at most ${max} characters (now ${length}). Please send it in parts.`;
}

export function replyInvalid(language: Language): string {
  return language === 'nl' ? 'Je antwoord bevat tekens die niet zijn toegestaan.' : 'Your answer contains characters that are not allowed.';
}

export function replyClosed(language: Language, reference: string): string {
  return language === 'nl'
    ? `Melding **${reference}** is afgesloten; er kunnen geen antwoorden meer bij. Heb je iets nieuws, meld het dan als nieuwe melding.`
    : `Report **${reference}** is closed; no more answers can be added. If you have something new, please make a new report.`;
}

export function replySent(language: Language, reference: string): string {
  return language === 'nl'
    ? `Je antwoord is bij melding **${reference}** gezet; het MT-aanspreekpunt ziet het in het signaaldashboard.`
    : `Your answer was added to report **${reference}**; the MT contact sees it in the signal dashboard.`;
}
