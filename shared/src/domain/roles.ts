/** Role ids are a contract: seed files, tokens, the policy and acceptance checks rely on them. */
export const ROLE_IDS = [
  'employee',
  'department-head',
  'mt-contact',
  'mt-deputy',
  'coordinator',
  'secretary',
  'app-admin',
  'privacy-officer',
  'district-coordinator',
  'specialist',
  'assessor',
  'dvo',
] as const;

export type RoleId = (typeof ROLE_IDS)[number];

/** Roles that act for the whole district (Twente), at the hub, not for one municipality. */
export const DISTRICT_ROLES: readonly RoleId[] = ['district-coordinator', 'specialist', 'assessor', 'dvo'];

export const ROLE_LABELS: Record<RoleId, { nl: string; en: string }> = {
  employee: { nl: 'Medewerker', en: 'Employee' },
  'department-head': { nl: 'Afdelingshoofd', en: 'Head of department' },
  'mt-contact': { nl: 'MT-aanspreekpunt ondermijning', en: 'MT contact person for subversive crime' },
  'mt-deputy': { nl: 'Plaatsvervangend MT-aanspreekpunt', en: 'Deputy MT contact person' },
  coordinator: { nl: 'Regisseur ondermijning', en: 'Subversive crime coordinator' },
  secretary: { nl: 'Gemeentesecretaris', en: 'Municipal secretary' },
  'app-admin': { nl: 'Functioneel beheerder', en: 'Application administrator' },
  'privacy-officer': { nl: 'Functionaris gegevensbescherming', en: 'Data protection officer' },
  'district-coordinator': { nl: 'Districtelijk coördinator ondermijning', en: 'District coordinator' },
  specialist: { nl: 'Uitvoeringsspecialist basis op orde', en: 'Basis op orde specialist' },
  assessor: { nl: 'Onafhankelijke beoordelaar', en: 'Independent assessor' },
  dvo: { nl: 'Lid districtelijk veiligheidsoverleg (DVO)', en: 'Member of the district safety meeting (DVO)' },
};

export function isRoleId(value: unknown): value is RoleId {
  return typeof value === 'string' && (ROLE_IDS as readonly string[]).includes(value);
}
