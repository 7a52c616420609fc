import {
  CATEGORIES,
  CONFIDENTIALITY_LABELS,
  CONFIDENTIALITY_MODES,
  categoryById,
  type Language,
} from '@weerbaar/shared';
import type { IntakeDraft, IntakeStep } from '../dialog/intake-state.js';

/** What the bot says during an intake. Dutch first; English for Teams clients set to en-*. */
export function welcome(language: Language, privacyUrl: string): string {
  return language === 'nl'
    ? 'Hallo! Ik ben het meldpunt ondermijning van je gemeente: zie je in je werk iets wat niet klopt en kan wijzen op criminele invloed, meld het hier in een minuut, met naam, vertrouwelijk of anoniem. ' +
        `Typ "melden" om te beginnen of "help" voor voorbeelden; wat we bewaren en hoe lang lees je in de privacyverklaring: ${privacyUrl}`
    : "Hello! I am your municipality's reporting point for subversive crime: if you notice something at work that is not right and may point to criminal influence, report it here in a minute, named, confidential or anonymous. " +
        `Type "report" to start or "help" for examples; what we keep and for how long is in the privacy notice: ${privacyUrl}`;
}

export function cardIntro(language: Language, privacyUrl: string): string {
  return language === 'nl'
    ? `Fijn dat je iets wilt melden. Vul het formulier hieronder in, of typ gewoon je antwoorden: dan vraag ik wat nog ontbreekt, één vraag tegelijk. Typ "stop" om te stoppen. Privacyverklaring: ${privacyUrl}`
    : `Thank you for reporting. Fill in the form below, or simply type your answers: I will then ask for what is missing, one question at a time. Type "stop" to stop. Privacy notice: ${privacyUrl}`;
}

export function descriptionTaken(language: Language): string {
  return language === 'nl'
    ? 'Ik heb wat je schreef alvast als omschrijving genomen.'
    : 'I have taken what you wrote as the description.';
}

export function switchedToTyping(language: Language): string {
  return language === 'nl'
    ? 'Prima, dan doen we het hier in de chat, één vraag tegelijk. Typ "formulier" om terug te gaan naar het formulier.'
    : 'Fine, let us do it here in the chat, one question at a time. Type "form" to go back to the form.';
}

export function question(step: IntakeStep, language: Language, draft: IntakeDraft): string {
  const nl = language === 'nl';
  switch (step) {
    case 'category':
      return (
        (nl ? 'Waar gaat het over? Typ het nummer of de naam:\n\n' : 'What is it about? Type the number or the name:\n\n') +
        CATEGORIES.map((c, i) => `${i + 1}. **${c.label[language]}**: ${c.hint[language]}`).join('\n')
      );
    case 'description':
      return nl
        ? 'Wat is er gebeurd? Beschrijf wat je zag of hoorde, zo feitelijk mogelijk (minstens 10 tekens).'
        : 'What happened? Describe what you saw or heard, as factually as you can (at least 10 characters).';
    case 'location':
      return nl ? 'Waar was het? (adres, gebouw, bedrijf of gebied)' : 'Where was it? (address, building, business or area)';
    case 'when':
      return nl
        ? 'Wanneer was het? Typ een datum (bijvoorbeeld 2-3-2026, "vandaag" of "gisteren") of een periode (bijvoorbeeld "sinds maart").'
        : 'When was it? Type a date (for example 2026-03-02, "today" or "yesterday") or a period (for example "since March").';
    case 'involved':
      return nl
        ? 'Wie of wat is erbij betrokken (personen, bedrijven, voertuigen)? Typ "nee" om over te slaan.'
        : 'Who or what is involved (people, businesses, vehicles)? Type "no" to skip.';
    case 'noticedHow':
      return nl
        ? 'Hoe heb je het opgemerkt (bijvoorbeeld aan de balie, bij een controle, in een dossier)? Typ "nee" om over te slaan.'
        : 'How did you notice it (for example at the counter, during an inspection, in a file)? Type "no" to skip.';
    case 'concernsMtContact':
      return nl
        ? 'Gaat dit signaal over je MT-aanspreekpunt ondermijning zelf? Typ "ja" of "nee". (Bij "ja" gaat het naar de plaatsvervanger en de gemeentesecretaris.)'
        : 'Does this signal concern your MT contact for subversive crime themselves? Type "yes" or "no". (With "yes" it goes to the deputy and the municipal secretary.)';
    case 'confidentiality':
      return (
        (nl ? 'Hoe wil je melden? Typ 1, 2 of 3:\n\n' : 'How do you want to report? Type 1, 2 or 3:\n\n') +
        CONFIDENTIALITY_MODES.map(
          (mode, i) => `${i + 1}. **${CONFIDENTIALITY_LABELS[mode].label[language]}**: ${CONFIDENTIALITY_LABELS[mode].explanation[language]}`,
        ).join('\n')
      );
    case 'confirm':
      return summary(draft, language);
  }
}

function summary(draft: IntakeDraft, language: Language): string {
  const nl = language === 'nl';
  const none = nl ? '(niet ingevuld)' : '(not given)';
  const lines = [
    `${nl ? 'Categorie' : 'Category'}: ${draft.category ? categoryById(draft.category).label[language] : none}`,
    `${nl ? 'Wat' : 'What'}: ${draft.description ?? none}`,
    `${nl ? 'Waar' : 'Where'}: ${draft.location ?? none}`,
    `${nl ? 'Wanneer' : 'When'}: ${draft.occurredOn ?? draft.period ?? none}`,
    `${nl ? 'Betrokken' : 'Involved'}: ${draft.involved ?? none}`,
    `${nl ? 'Opgemerkt' : 'Noticed'}: ${draft.noticedHow ?? none}`,
    `${nl ? 'Over mijn MT-aanspreekpunt' : 'About my MT contact'}: ${draft.concernsMtContact ? (nl ? 'ja' : 'yes') : nl ? 'nee' : 'no'}`,
    `${nl ? 'Melden als' : 'Report as'}: ${draft.confidentiality ? CONFIDENTIALITY_LABELS[draft.confidentiality].label[language] : none}`,
  ];
  const ask = nl
    ? 'Typ "versturen" om te melden, "formulier" om iets aan te passen of "stop" om te stoppen.'
    : 'Type "send" to report, "form" to change something or "stop" to stop.';
  return `${nl ? 'Klopt dit?' : 'Is this right?'}\n\n${lines.join('\n')}\n\n${ask}`;
}

export function didNotUnderstand(step: IntakeStep, language: Language): string {
  const nl = language === 'nl';
  switch (step) {
    case 'category':
      return nl ? '"Categorie": dat herken ik niet als categorie. Typ een nummer van 1 tot en met 8.' : '"Category": I do not recognise that category. Type a number from 1 to 8.';
    case 'concernsMtContact':
      return nl ? '"Gaat over mijn MT-aanspreekpunt": typ "ja" of "nee".' : '"Concerns my MT contact": type "yes" or "no".';
    case 'confidentiality':
      return nl ? '"Vertrouwelijkheid": typ 1 (met naam), 2 (vertrouwelijk) of 3 (anoniem).' : '"Confidentiality": type 1 (named), 2 (confidential) or 3 (anonymous).';
    case 'confirm':
      return nl ? 'Typ "versturen", "formulier" of "stop".' : 'Type "send", "form" or "stop".';
    default:
      return nl ? 'Dat begreep ik niet.' : 'I did not understand that.';
  }
}

export function stopped(language: Language, hadIntake: boolean): string {
  if (!hadIntake) return language === 'nl' ? 'Er was geen melding in behandeling. Typ "melden" om te beginnen.' : 'There was no report in progress. Type "report" to start.';
  return language === 'nl'
    ? 'Gestopt. Er is niets verstuurd en wat je had ingevuld is gewist. Typ "melden" om opnieuw te beginnen.'
    : 'Stopped. Nothing was sent and what you entered has been deleted. Type "report" to start again.';
}

export function alreadyInProgress(language: Language): string {
  return language === 'nl' ? 'Je bent al bezig met een melding; we gaan verder waar je was.' : 'You already have a report in progress; let us continue where you were.';
}

export function problemsIntro(language: Language): string {
  return language === 'nl'
    ? 'Je melding is nog niet verstuurd. Wat je invulde is bewaard; pas dit aan:'
    : 'Your report has not been sent yet. What you entered is kept; please change this:';
}

export function formExpired(language: Language): string {
  return language === 'nl' ? 'Dit formulier is niet (meer) geldig. Hier is een nieuw formulier met wat je invulde.' : 'This form is not (or no longer) valid. Here is a new form with what you entered.';
}

export function submitted(language: Language, reference: string, receiptCode: string | undefined): string {
  const nl = language === 'nl';
  const base = nl
    ? `Dank je wel. Je melding is ontvangen onder kenmerk **${reference}**. Het MT-aanspreekpunt ondermijning krijgt bericht (zonder de inhoud) en bevestigt de ontvangst binnen 7 dagen; binnen 3 maanden hoor je wat ermee is gedaan.`
    : `Thank you. Your report was received under reference **${reference}**. The MT contact for subversive crime is notified (without the content) and acknowledges receipt within 7 days; within 3 months you will hear what was done with it.`;
  if (receiptCode === undefined) return base;
  const code = nl
    ? `\n\nJe ontvangstcode: **${receiptCode}**\n\nBewaar deze code goed, bijvoorbeeld op papier: hij wordt maar één keer getoond en wij kunnen hem niet terughalen. Met "status ${'<'}code${'>'}" lees je hier (of op het anonieme webformulier) antwoorden en vragen van het MT-aanspreekpunt. Let op: Microsoft 365 bewaart dit gesprek zoals elke Teams-chat.`
    : `\n\nYour receipt code: **${receiptCode}**\n\nKeep this code safe, for example on paper: it is shown only once and we cannot retrieve it. With "status ${'<'}code${'>'}" you read answers and questions from the MT contact here (or on the anonymous web form). Note: Microsoft 365 keeps this conversation like any Teams chat.`;
  return base + code;
}

export function alreadyReceived(language: Language, reference: string, anonymous: boolean): string {
  const nl = language === 'nl';
  const base = nl
    ? `Deze melding was al ontvangen onder kenmerk **${reference}**; er is niets dubbel verstuurd.`
    : `This report was already received under reference **${reference}**; nothing was sent twice.`;
  if (!anonymous) return base;
  return base + (nl ? ' De ontvangstcode is alleen de eerste keer getoond.' : ' The receipt code was shown only the first time.');
}
