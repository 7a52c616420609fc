import type { Language } from '@weerbaar/shared';
import { ATTACHMENT_LIMITS, allowedTypesText, type FileProblem } from '../attachments/download-files.js';

/** What the bot says about photos and documents. Dutch first; English for en-* clients. */
export function anonymousFilesRefused(language: Language): string {
  return language === 'nl'
    ? 'Bij een anonieme melding neem ik geen bijlagen aan en bewaar ik er niets van: een bestand dat je in Teams verstuurt, komt in je eigen OneDrive te staan en kan zo naar jou wijzen. ' +
        'Beschrijf in tekst wat erop staat, of meld met naam of vertrouwelijk als je het bestand wilt meesturen.'
    : 'With an anonymous report I take no attachments and keep nothing of them: a file you send in Teams is stored in your own OneDrive and could point to you. ' +
        'Describe in text what it shows, or report named or confidential if you want to include the file.';
}

export function filesKept(language: Language, added: number, held: number): string {
  return language === 'nl'
    ? `${added === 1 ? 'Bijlage' : `${added} bijlagen`} ontvangen (afbeeldingen zonder metadata zoals locatie en camera). Ze worden bij je melding bewaard zodra je die verstuurt; nu ${held} van maximaal ${ATTACHMENT_LIMITS.maxFilesPerSignal}.`
    : `${added === 1 ? 'Attachment' : `${added} attachments`} received (images without metadata such as location and camera). They are kept with your report once you send it; ${held} of at most ${ATTACHMENT_LIMITS.maxFilesPerSignal} now.`;
}

export function fileProblem(language: Language, problem: FileProblem): string {
  const megabytes = ATTACHMENT_LIMITS.maxBytes / (1024 * 1024);
  const types = allowedTypesText();
  switch (problem) {
    case 'too-large':
      return language === 'nl'
        ? `Een bestand is groter dan ${megabytes} MB; dat heb ik niet bewaard. Verklein het of stuur een deel.`
        : `A file is larger than ${megabytes} MB; I did not keep it. Make it smaller or send a part.`;
    case 'type-not-allowed':
      return language === 'nl'
        ? `Een bestand is van een soort die ik niet aanneem; ik heb het niet bewaard. Toegestaan zijn: ${types}.`
        : `A file is of a type I do not accept; I did not keep it. Allowed are: ${types}.`;
    case 'too-many':
      return language === 'nl'
        ? `Er kunnen hooguit ${ATTACHMENT_LIMITS.maxFilesPerSignal} bijlagen bij één melding; de rest heb ik niet bewaard.`
        : `At most ${ATTACHMENT_LIMITS.maxFilesPerSignal} attachments fit with one report; I did not keep the rest.`;
    case 'download-failed':
      return language === 'nl'
        ? 'Een bestand kon ik niet ophalen; het is niet bewaard. Probeer het nog eens, of beschrijf in tekst wat erop staat.'
        : 'I could not fetch a file; it was not kept. Please try again, or describe in text what it shows.';
  }
}

export function anonymousFilesDropped(language: Language): string {
  return language === 'nl'
    ? 'Je koos anoniem: de bijlagen die je eerder stuurde heb ik weggegooid en niet bij de melding bewaard.'
    : 'You chose anonymous: the attachments you sent earlier were discarded and not kept with the report.';
}

export function filesStoredWithSignal(language: Language, count: number): string {
  return language === 'nl'
    ? `${count === 1 ? 'De bijlage is' : `De ${count} bijlagen zijn`} versleuteld bij je melding bewaard.`
    : `${count === 1 ? 'The attachment is' : `The ${count} attachments are`} kept encrypted with your report.`;
}
