import { ROLE_LABELS, type Language, type Municipality, type Person, type RoleId } from '@weerbaar/shared';

export interface HomePageModel {
  municipalities: readonly Municipality[];
  people: readonly Person[];
  playgrounds: { label: string; url: string }[];
  workbenchUrl: string | null;
}

const KEY_ROLES: RoleId[] = ['mt-contact', 'mt-deputy', 'coordinator', 'secretary', 'app-admin', 'privacy-officer', 'department-head', 'employee'];

const T = {
  nl: {
    title: 'Weerbaar Twente: lokale ontwikkelomgeving',
    banner: 'LOKALE ONTWIKKELOMGEVING: fictieve gegevens, geen Microsoft 365',
    instances: 'Instanties per tenant',
    checking: 'Status wordt opgehaald…',
    identities: 'Identiteiten om te proberen',
    district: 'District (hub)',
    tools: 'Hulpmiddelen',
    workbench: 'Werkbank met de webonderdelen',
    other: 'English',
    otherHref: '/?lang=en',
    note: 'Aanmelden als iemand: POST /dev/login met {"upn": …} op de instantie van die persoon.',
  },
  en: {
    title: 'Weerbaar Twente: local development environment',
    banner: 'LOCAL DEVELOPMENT ENVIRONMENT: fictional data, no Microsoft 365',
    instances: 'Instances per tenant',
    checking: 'Fetching status…',
    identities: 'Identities to try',
    district: 'District (hub)',
    tools: 'Tools',
    workbench: 'Workbench with the web parts',
    other: 'Nederlands',
    otherHref: '/?lang=nl',
    note: 'To sign in as someone: POST /dev/login with {"upn": …} on that person\'s instance.',
  },
} as const;

/** The hub's home page in local mode. Static HTML; /static/home.js fills in live health. */
export function renderHomePage(model: HomePageModel, lang: Language): string {
  const t = T[lang];
  const byCode = new Map(model.municipalities.map((m) => [m.code, m]));
  const groups = [...byCode.values()].map((m) => {
    const people = model.people.filter((p) => p.municipalityCode === m.code);
    return `<details><summary>${esc(m.name)} (${esc(m.code)})</summary>${peopleTable(people, lang)}</details>`;
  });
  const district = model.people.filter((p) => p.municipalityCode === null);
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t.title)}</title><link rel="stylesheet" href="/static/home.css"></head>
<body>
<header><p class="local-banner" role="note">${esc(t.banner)}</p>
<h1>${esc(t.title)}</h1><p><a href="${t.otherHref}" lang="${lang === 'nl' ? 'en' : 'nl'}">${esc(t.other)}</a></p></header>
<main>
<section aria-labelledby="instances-title"><h2 id="instances-title">${esc(t.instances)}</h2>
<table id="instances" data-lang="${lang}"><caption class="visually-hidden">${esc(t.instances)}</caption>
<thead><tr><th scope="col">${lang === 'nl' ? 'Gemeenten' : 'Municipalities'}</th><th scope="col">URL</th><th scope="col">${lang === 'nl' ? 'Status' : 'Status'}</th></tr></thead>
<tbody><tr><td colspan="3">${esc(t.checking)}</td></tr></tbody></table></section>
<section aria-labelledby="tools-title"><h2 id="tools-title">${esc(t.tools)}</h2><ul>
${model.playgrounds.map((p) => `<li><a href="${esc(p.url)}">${esc(p.label)}</a></li>`).join('\n')}
${model.workbenchUrl ? `<li><a href="${esc(model.workbenchUrl)}">${esc(t.workbench)}</a></li>` : ''}
</ul><p>${esc(t.note)}</p></section>
<section aria-labelledby="people-title"><h2 id="people-title">${esc(t.identities)}</h2>
<details><summary>${esc(t.district)}</summary>${peopleTable(district, lang)}</details>
${groups.join('\n')}</section>
</main>
<script src="/static/home.js" defer></script>
</body></html>`;
}

function peopleTable(people: readonly Person[], lang: Language): string {
  const rows = people
    .filter((p) => p.roles.some((r) => KEY_ROLES.includes(r) || r === 'district-coordinator' || r === 'specialist' || r === 'assessor' || r === 'dvo'))
    .map((p) => `<tr><td>${esc(p.displayName)}</td><td><code>${esc(p.upn)}</code></td><td>${esc(p.roles.map((r) => ROLE_LABELS[r][lang]).join(', '))}</td></tr>`);
  const head = lang === 'nl' ? ['Naam', 'UPN', 'Rollen'] : ['Name', 'UPN', 'Roles'];
  return `<table><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

export function esc(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
