import { defineList } from './define-list.js';

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

export const ORGANISATION_LISTS = {
  departments: departmentsList,
  roleAssignments: roleAssignmentsList,
  absences: absencesList,
} as const;

export type OrganisationLists = typeof ORGANISATION_LISTS;
export type OrganisationListName = keyof OrganisationLists;
