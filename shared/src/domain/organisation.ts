import type { RoleId } from './roles.js';

export type Locale = 'nl-NL' | 'en-US';
export type Language = 'nl' | 'en';

export function languageOf(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

/** One of the fourteen Twente municipalities, as in shared/seed/municipalities.json. */
export interface Municipality {
  /** CBS code, four digits, e.g. "0164" for Hengelo. */
  code: string;
  name: string;
  /** Entra tenant id of the municipality's Microsoft 365 tenant (fictional in the seed). */
  tenantId: string;
  /** Local mode: this tenant's instance listens on PORT + localPortOffset. */
  localPortOffset: number;
  /** Short prefix used in signal references, e.g. "HGL". */
  referencePrefix: string;
}

/** A person as the directory knows them. */
export interface Person {
  upn: string;
  displayName: string;
  /** Entra object id. */
  objectId: string;
  /** Employer municipality; null for district-wide people (coordinator, specialist, assessor). */
  municipalityCode: string | null;
  /** Extra municipalities this person serves, e.g. one privacy officer for a shared civil service. */
  alsoServes?: string[];
  department: string | null;
  roles: RoleId[];
  locale: Locale;
  /** ISO date (yyyy-mm-dd) the person started; drives onboarding invitations. */
  startDate: string;
}

/** Who is asking: what the access policy needs to know of a caller. */
export interface Actor {
  objectId: string;
  upn: string;
  roles: readonly RoleId[];
  /** The municipalities this actor acts for; empty for district-only actors. */
  municipalityCodes: readonly string[];
  department: string | null;
}

export function actorFromPerson(person: Person): Actor {
  return {
    objectId: person.objectId,
    upn: person.upn,
    roles: person.roles,
    municipalityCodes: person.municipalityCode
      ? [person.municipalityCode, ...(person.alsoServes ?? [])]
      : [],
    department: person.department,
  };
}
