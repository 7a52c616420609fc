import { Router } from 'express';
import type { Language } from '@weerbaar/shared';
import { escapeHtml, pageLanguageOf, plainPageHtml, sendPlainPage } from './plain-page.js';

/**
 * The short privacy notice the bot links to: exactly what the reporting point stores,
 * for how long, and what it does not store. Plain HTML without scripts or inline styles
 * (the service's Content-Security-Policy allows neither), Dutch first, English with ?lang=en
 * or an English browser.
 */
interface Section {
  title: string;
  items: string[];
}

const CONTENT: Record<Language, { title: string; intro: string; sections: Section[]; other: string }> = {
  nl: {
    title: 'Privacyverklaring meldpunt ondermijning',
    intro:
      'Het meldpunt ondermijning is van je eigen gemeente; de gemeente is verantwoordelijk voor wat hier staat. Dit is precies wat het meldpunt bewaart, en hoe lang.',
    sections: [
      {
        title: 'Je melding',
        items: [
          'Wat je invult: categorie, wat er gebeurde, waar, wanneer, wie of wat betrokken is, hoe je het opmerkte, of het over je MT-aanspreekpunt gaat, en je keuze voor met naam, vertrouwelijk of anoniem. De inhoud wordt versleuteld opgeslagen, met een eigen sleutel per melding.',
          'Hoe lang: tot 12 maanden nadat de melding is afgesloten (de gemeente kan een andere termijn instellen; het MT-aanspreekpunt kan één melding met een vastgelegde reden langer bewaren, bijvoorbeeld bij een lopende Bibob-procedure). Daarna wordt de melding gewist en de sleutel vernietigd; alleen het kenmerk, de gemeente, de categorie, de data en de uitkomst blijven over voor de statistiek.',
        ],
      },
      {
        title: 'Jij als melder',
        items: [
          'Met naam of vertrouwelijk: je naam, je accountnaam (UPN), je Entra-id en je afdeling, versleuteld bij de melding en samen met de melding gewist. Bij vertrouwelijk zien alleen de rollen die het beleid toestaat je identiteit, met een vastgelegde reden.',
          'Anoniem: niets wat naar jou wijst, ook je afdeling niet. Je krijgt een ontvangstcode; daarvan bewaren we alleen een onomkeerbare hash, tot de melding wordt gewist. Microsoft 365 bewaart wel het Teams-gesprek zelf, zoals elke chat; wil je volledig anoniem melden, gebruik dan het anonieme webformulier of Meld Misdaad Anoniem (0800-7000).',
        ],
      },
      {
        title: 'Het gesprek met de bot',
        items: [
          'Om je later berichten te kunnen sturen bewaart het meldpunt de verwijzing naar je Teams-gesprek, versleuteld en onder een pseudoniem in plaats van je id, zolang de app voor je is geïnstalleerd. Verwijder je de app, dan wordt de verwijzing gewist.',
          'Een melding die je nog aan het invullen bent, wordt versleuteld bewaard tot je hem verstuurt of "stop" typt, en anders tot 14 dagen na je laatste antwoord; dan wordt hij gewist. Er wordt nooit een half ingevulde melding doorgestuurd.',
        ],
      },
      {
        title: 'Wat we niet bewaren',
        items: [
          'De logboeken van de dienst bevatten geen berichttekst, geen namen of id\'s van melders en geen IP-adressen. Het auditlogboek legt vast wie wat deed met een melding, zonder inhoud en zonder de identiteit van de melder.',
          'Een melding gaat alleen naar je eigen gemeente, nooit naar een andere. Bij een melding met naam of vertrouwelijk neemt de bot foto\'s en documenten aan (JPEG, PNG, PDF, tot 10 MB, hooguit 5): zonder metadata van afbeeldingen, versleuteld bewaard en samen met de melding verwijderd. Bij een anonieme melding neemt de bot geen bijlagen aan.',
        ],
      },
      {
        title: 'De leermodule',
        items: [
          'Je antwoorden in de leermodule worden nergens bewaard, ook niet tijdelijk na afloop. Alleen als je gemeente dat heeft aangezet (na instemming van de ondernemingsraad) wordt vastgelegd dat en wanneer je de module hebt afgerond, zonder score; dat wordt na 24 maanden verwijderd. Je afdelingshoofd ziet dat voor de eigen afdeling; het MT-aanspreekpunt alleen percentages per afdeling, niet onder 5 personen.',
        ],
      },
    ],
    other: 'Vragen over je gegevens? Neem contact op met de functionaris gegevensbescherming van je gemeente. English version: add ?lang=en to this address.',
  },
  en: {
    title: 'Privacy notice of the subversive crime reporting point',
    intro:
      'The reporting point belongs to your own municipality, which is responsible for what is described here. This is exactly what the reporting point keeps, and for how long.',
    sections: [
      {
        title: 'Your report',
        items: [
          'What you fill in: category, what happened, where, when, who or what is involved, how you noticed it, whether it concerns your MT contact, and your choice of named, confidential or anonymous. The content is stored encrypted, with a key of its own for each report.',
          'How long: until 12 months after the report is closed (the municipality may set another term; the MT contact may keep one report longer with a recorded reason, for example during a Bibob procedure). Then the report is erased and its key destroyed; only the reference, municipality, category, dates and outcome remain, for statistics.',
        ],
      },
      {
        title: 'You as the reporter',
        items: [
          'Named or confidential: your name, account name (UPN), Entra id and department, encrypted with the report and erased with it. With confidential, only the roles the policy allows see your identity, with a recorded reason.',
          'Anonymous: nothing that points to you, not even your department. You get a receipt code; we keep only an irreversible hash of it, until the report is erased. Microsoft 365 does keep the Teams chat itself, like any chat; for full anonymity use the anonymous web form or Meld Misdaad Anoniem (0800-7000).',
        ],
      },
      {
        title: 'The conversation with the bot',
        items: [
          'To be able to send you messages later, the reporting point keeps the reference to your Teams chat, encrypted and under a pseudonym instead of your id, for as long as the app is installed for you. Remove the app and the reference is erased.',
          'A report you are still filling in is kept encrypted until you send it or type "stop", and otherwise until 14 days after your last answer; then it is erased. A half-finished report is never passed on.',
        ],
      },
      {
        title: 'What we do not keep',
        items: [
          'The service logs contain no message text, no names or ids of reporters and no IP addresses. The audit trail records who did what with a report, without content and without the reporter\'s identity.',
          'Reports go only to your own municipality. With a named or confidential report the bot accepts photos and documents (JPEG, PNG, PDF, up to 10 MB, at most 5): without image metadata, stored encrypted and deleted together with the report. With an anonymous report the bot accepts no attachments.',
        ],
      },
      {
        title: 'The learning module',
        items: [
          'Your answers in the learning module are not kept anywhere, not even for a while afterwards. Only when your municipality has switched it on (after the works council agreed) is it recorded that and when you completed the module, without a score; that record is deleted after 24 months. Your head of department sees this for their own department; the MT contact only percentages per department, not below 5 people.',
        ],
      },
    ],
    other: 'Questions about your data? Contact your municipality\'s data protection officer. Nederlandse versie: dit adres zonder ?lang=en.',
  },
};

export function privacyPageHtml(language: Language): string {
  const c = CONTENT[language];
  const sections = c.sections
    .map((s) => `<h2>${escapeHtml(s.title)}</h2>\n<ul>\n${s.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>`)
    .join('\n');
  return plainPageHtml(language, c.title, `<p>${escapeHtml(c.intro)}</p>\n${sections}\n<p>${escapeHtml(c.other)}</p>`);
}

export function privacyRoutes(): Router {
  const router = Router();
  router.get('/privacy', (req, res) => {
    const language = pageLanguageOf(req);
    sendPlainPage(res, language, privacyPageHtml(language));
  });
  return router;
}
