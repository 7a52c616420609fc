import { dutchDateOf, listAll, type Directory, type OrganisationStore, type Person, type RoleId } from '@weerbaar/shared';

/**
 * The directory in local mode: people come from shared/seed/people.json (in production
 * from Microsoft Graph), while the organisation roles and absences the app admin
 * configures come from the organisation store, and take precedence over the seed.
 */
export class SeededDirectory implements Directory {
  private readonly byObjectId = new Map<string, Person>();
  private readonly byUpn = new Map<string, Person>();

  constructor(
    people: readonly Person[],
    private readonly organisation: OrganisationStore,
  ) {
    for (const person of people) {
      this.byObjectId.set(person.objectId, person);
      this.byUpn.set(person.upn.toLowerCase(), person);
    }
  }

  async findByObjectId(objectId: string): Promise<Person | undefined> {
    return this.withConfiguredRoles(this.byObjectId.get(objectId));
  }

  async findByUpn(upn: string): Promise<Person | undefined> {
    return this.withConfiguredRoles(this.byUpn.get(upn.toLowerCase()));
  }

  async holdersOf(municipalityCode: string, role: RoleId): Promise<Person[]> {
    const configured = await this.configuredHolders(municipalityCode, role);
    if (configured.length > 0) return configured;
    return [...this.byObjectId.values()].filter(
      (p) => servesMunicipality(p, municipalityCode) && p.roles.includes(role),
    );
  }

  async isAbsent(upn: string, at: Date): Promise<boolean> {
    const person = this.byUpn.get(upn.toLowerCase());
    if (!person?.municipalityCode) return false;
    const absences = await listAll(this.organisation, 'absences', {
      filter: { PersonUpn: person.upn.toLowerCase() },
    });
    // Absences are whole Dutch calendar days (yyyy-mm-dd), the last day included.
    const today = dutchDateOf(at);
    return absences.some((a) => a.fields.StartsOn <= today && today <= a.fields.EndsOn);
  }

  async peopleOf(municipalityCode: string): Promise<Person[]> {
    return [...this.byObjectId.values()].filter((p) => servesMunicipality(p, municipalityCode));
  }

  private async configuredHolders(municipalityCode: string, role: RoleId): Promise<Person[]> {
    if (!isConfigurableRole(role)) return [];
    const rows = await listAll(this.organisation, 'roleAssignments', {
      filter: { MunicipalityCode: municipalityCode, Role: role },
    });
    return rows
      .map((row) => this.byUpn.get(row.fields.PersonUpn.toLowerCase()))
      .filter((p): p is Person => p !== undefined);
  }

  /**
   * Applies the organisation roles configured for the person's municipality: a configured
   * role replaces the seed's holders of that role (a former MT contact loses access).
   */
  private async withConfiguredRoles(person: Person | undefined): Promise<Person | undefined> {
    if (!person?.municipalityCode) return person;
    const rows = await listAll(this.organisation, 'roleAssignments', {
      filter: { MunicipalityCode: person.municipalityCode },
    });
    if (rows.length === 0) return person;
    const configuredRoles = new Set(rows.map((r) => r.fields.Role as RoleId));
    const mine = rows
      .filter((r) => r.fields.PersonUpn.toLowerCase() === person.upn.toLowerCase())
      .map((r) => r.fields.Role as RoleId);
    const kept = person.roles.filter((r) => !configuredRoles.has(r));
    return { ...person, roles: [...new Set([...kept, ...mine])] };
  }
}

const CONFIGURABLE_ROLES: readonly RoleId[] = ['mt-contact', 'mt-deputy', 'coordinator', 'secretary', 'app-admin', 'privacy-officer'];

function isConfigurableRole(role: RoleId): boolean {
  return CONFIGURABLE_ROLES.includes(role);
}

function servesMunicipality(person: Person, code: string): boolean {
  return person.municipalityCode === code || (person.alsoServes ?? []).includes(code);
}
