import { defineList } from './define-list.js';
import { checklistHistoryList, checklistList } from './checklist-lists.js';
import { learningCompletionsList, municipalitySettingsList } from './learning-lists.js';

/**
 * The organisation lists of a municipality site. Every list carries MunicipalityCode
 * (indexed) because one instance, and so one site, may serve two municipalities.
 */
export const departmentsList = defineList({
  name: 'departments',
  title: 'WT_Afdelingen',
  description: 'Afdelingen met afdelingshoofd en plaatsvervanger (Weerbaar Twente)',
  fields: {
    Title: { type: 'text', required: true, maxLength: 255, displayName: 'Afdeling' },
    MunicipalityCode: { type: 'text', required: true, indexed: true, maxLength: 4, displayName: 'Gemeente (CBS-code)' },
    HeadUpn: { type: 'text', indexed: true, maxLength: 255, displayName: 'Afdelingshoofd (UPN)' },
    DeputyHeadUpn: { type: 'text', indexed: true, maxLength: 255, displayName: 'Plaatsvervangend afdelingshoofd (UPN)' },
    AddedOn: { type: 'dateTime', required: true, displayName: 'Toegevoegd op' },
    Active: { type: 'boolean', required: true, indexed: true, displayName: 'Actief' },
  },
});

/** Who holds the organisation roles the app admin configures (MT contact, deputy, coordinator...). */
export const roleAssignmentsList = defineList({
  name: 'roleAssignments',
  title: 'WT_Rollen',
  description: 'Toegewezen rollen: MT-aanspreekpunt, plaatsvervanger, regisseur (Weerbaar Twente)',
  fields: {
    Title: { type: 'text', required: true, maxLength: 255, displayName: 'Omschrijving' },
    MunicipalityCode: { type: 'text', required: true, indexed: true, maxLength: 4, displayName: 'Gemeente (CBS-code)' },
    Role: {
      type: 'choice',
      required: true,
      indexed: true,
      choices: ['mt-contact', 'mt-deputy', 'coordinator', 'secretary', 'app-admin', 'privacy-officer'],
      displayName: 'Rol',
    },
    PersonUpn: { type: 'text', required: true, indexed: true, maxLength: 255, displayName: 'Persoon (UPN)' },
  },
});

export const absencesList = defineList({
  name: 'absences',
  title: 'WT_Afwezigheid',
  description: 'Afwezigheidsperiodes, zodat meldingen naar de plaatsvervanger gaan (Weerbaar Twente)',
  fields: {
    Title: { type: 'text', required: true, maxLength: 255, displayName: 'Omschrijving' },
    MunicipalityCode: { type: 'text', required: true, indexed: true, maxLength: 4, displayName: 'Gemeente (CBS-code)' },
    PersonUpn: { type: 'text', required: true, indexed: true, maxLength: 255, displayName: 'Persoon (UPN)' },
    StartsOn: { type: 'dateTime', required: true, displayName: 'Van' },
    EndsOn: { type: 'dateTime', required: true, displayName: 'Tot en met' },
  },
});

/**
 * Requirement 1a: when a department planned or discussed ondermijning on its agenda. Kept
 * in the municipality's own site, so the MT contact and the auditor can read it there.
 * SubmissionKey makes a retried submission findable (the list promises no atomicity, so
 * the service keeps its exactly-once ledger elsewhere and looks here only to recover).
 */
export const agendaRegistrationsList = defineList({
  name: 'agendaRegistrations',
  title: 'WT_Agendaregistraties',
  description: 'Wanneer een afdeling ondermijning heeft ingepland of besproken (Weerbaar Twente, eis 1a)',
  fields: {
    Title: { type: 'text', required: true, maxLength: 255, displayName: 'Omschrijving' },
    MunicipalityCode: { type: 'text', required: true, indexed: true, maxLength: 4, displayName: 'Gemeente (CBS-code)' },
    DepartmentId: { type: 'text', required: true, indexed: true, maxLength: 64, displayName: 'Afdeling (id)' },
    Kind: { type: 'choice', required: true, choices: ['gepland', 'besproken'], displayName: 'Soort' },
    Date: { type: 'dateTime', required: true, displayName: 'Datum' },
    Notes: { type: 'note', maxLength: 500, displayName: 'Korte notitie' },
    Attendees: { type: 'number', displayName: 'Aantal aanwezigen' },
    RecordedBy: { type: 'text', required: true, maxLength: 255, displayName: 'Geregistreerd door (UPN)' },
    Source: { type: 'choice', required: true, choices: ['kaart', 'webonderdeel'], displayName: 'Bron' },
    SubmissionKey: { type: 'text', required: true, indexed: true, maxLength: 255, displayName: 'Inzendsleutel' },
  },
});

export const ORGANISATION_LISTS = {
  departments: departmentsList,
  roleAssignments: roleAssignmentsList,
  absences: absencesList,
  agendaRegistrations: agendaRegistrationsList,
  checklist: checklistList,
  checklistHistory: checklistHistoryList,
  learningCompletions: learningCompletionsList,
  municipalitySettings: municipalitySettingsList,
} as const;

export type OrganisationLists = typeof ORGANISATION_LISTS;
export type OrganisationListName = keyof OrganisationLists;
