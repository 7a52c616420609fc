import { dutchDateOf, listAll, type Clock, type Directory, type Locale, type OrganisationStore, type Person, type RoleId } from '@weerbaar/shared';
import { createGraphAppAuth, graphAppCredentialsFromEnv } from '../auth/graph-app-auth.js';
import { createGraphConnection, type GraphConnection } from '../stores/graph/graph-client.js';

/** The user properties the directory reads (User.Read.All); nothing else leaves Graph. */
const USER_SELECT = 'id,userPrincipalName,displayName,preferredLanguage,department,employeeHireDate';

interface GraphUser {
  id: string;
  userPrincipalName: string;
  displayName?: string | null;
  preferredLanguage?: string | null;
  department?: string | null;
  employeeHireDate?: string | null;
}

interface GraphPage {
  value?: GraphUser[];
  '@odata.nextLink'?: string;
}

export interface GraphDirectoryOptions {
  graph: GraphConnection;
  organisation: OrganisationStore;
  clock: Clock;
  /** Which municipality a user works for, by their UPN; null: not one this instance serves. */
  municipalityOfUpn: (upn: string) => string | null;
  /** How long the list of all users is reused (peopleOf, holdersOf); default 15 minutes. */
  cacheMillis?: number;
}

/**
 * The directory in production: people (and their managers) from Microsoft Graph with the app's own
 * token, the organisation roles and absences from the organisation store, as the app admin keeps them.
 * A person is an employee; the head (or deputy head) of a department in the store also holds
 * `department-head` for that department; roles the app admin assigned are added, as in SeededDirectory.
 */
export class GraphDirectory implements Directory {
  private allUsers: { at: number; users: Promise<GraphUser[]> } | undefined;

  constructor(private readonly options: GraphDirectoryOptions) {}

  async findByObjectId(objectId: string): Promise<Person | undefined> {
    return this.personOf(await this.user(objectId));
  }

  async findByUpn(upn: string): Promise<Person | undefined> {
    return this.personOf(await this.user(upn));
  }

  /** The person's manager in Graph (`/users/{id}/manager`), if they have one. */
  async managerOf(objectIdOrUpn: string): Promise<Person | undefined> {
    return this.personOf(await this.get<GraphUser>(`/users/${encodeURIComponent(objectIdOrUpn)}/manager?$select=${USER_SELECT}`));
  }

  async holdersOf(municipalityCode: string, role: RoleId): Promise<Person[]> {
    const people = await this.peopleOf(municipalityCode);
    return people.filter((p) => p.roles.includes(role));
  }

  async isAbsent(upn: string, at: Date): Promise<boolean> {
    const absences = await listAll(this.options.organisation, 'absences', { filter: { PersonUpn: upn.toLowerCase() } });
    // Absences are whole Dutch calendar days (yyyy-mm-dd), the last day included.
    const today = dutchDateOf(at);
    return absences.some((a) => a.fields.StartsOn <= today && today <= a.fields.EndsOn);
  }

  async peopleOf(municipalityCode: string): Promise<Person[]> {
    const users = (await this.users()).filter((u) => this.options.municipalityOfUpn(u.userPrincipalName) === municipalityCode);
    const context = await this.organisationContext(municipalityCode);
    return users.map((u) => this.toPerson(u, municipalityCode, context));
  }

  /** Every user of the tenant, following `@odata.nextLink`; reused for `cacheMillis`. */
  private users(): Promise<GraphUser[]> {
    const now = this.options.clock.now().getTime();
    if (!this.allUsers || now - this.allUsers.at > (this.options.cacheMillis ?? 15 * 60_000)) {
      const users = this.fetchAllUsers();
      // A failed fetch is not cached: the next call asks Graph again.
      users.catch(() => (this.allUsers = undefined));
      this.allUsers = { at: now, users };
    }
    return this.allUsers.users;
  }

  private async fetchAllUsers(): Promise<GraphUser[]> {
    const users: GraphUser[] = [];
    let next: string | undefined = `/users?$select=${USER_SELECT}`;
    while (next) {
      const page: GraphPage = await this.options.graph.client.api(next).get();
      users.push(...(page.value ?? []));
      next = page['@odata.nextLink'];
    }
    return users;
  }

  private async user(objectIdOrUpn: string): Promise<GraphUser | undefined> {
    return this.get<GraphUser>(`/users/${encodeURIComponent(objectIdOrUpn)}?$select=${USER_SELECT}`);
  }

  private async get<T>(path: string): Promise<T | undefined> {
    try {
      return (await this.options.graph.client.api(path).get()) as T;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  private async personOf(user: GraphUser | undefined): Promise<Person | undefined> {
    if (!user) return undefined;
    const code = this.options.municipalityOfUpn(user.userPrincipalName);
    if (!code) return undefined;
    return this.toPerson(user, code, await this.organisationContext(code));
  }

  private async organisationContext(code: string): Promise<OrganisationContext> {
    const [departments, assignments] = await Promise.all([
      listAll(this.options.organisation, 'departments', { filter: { MunicipalityCode: code } }),
      listAll(this.options.organisation, 'roleAssignments', { filter: { MunicipalityCode: code } }),
    ]);
    const headOf = new Map<string, string>();
    for (const d of departments) {
      if (!d.fields.Active) continue;
      for (const upn of [d.fields.HeadUpn, d.fields.DeputyHeadUpn]) if (upn) headOf.set(upn.toLowerCase(), d.fields.Title);
    }
    const roles = new Map<string, RoleId[]>();
    for (const a of assignments) {
      const upn = a.fields.PersonUpn.toLowerCase();
      roles.set(upn, [...(roles.get(upn) ?? []), a.fields.Role as RoleId]);
    }
    return { headOf, roles };
  }

  private toPerson(user: GraphUser, code: string, context: OrganisationContext): Person {
    const upn = user.userPrincipalName.toLowerCase();
    const headed = context.headOf.get(upn);
    const roles: RoleId[] = ['employee', ...(headed ? (['department-head'] as const) : []), ...(context.roles.get(upn) ?? [])];
    return {
      upn: user.userPrincipalName,
      displayName: user.displayName ?? user.userPrincipalName,
      objectId: user.id,
      municipalityCode: code,
      department: headed ?? user.department ?? null,
      roles: [...new Set(roles)],
      locale: localeOf(user.preferredLanguage),
      startDate: user.employeeHireDate ? user.employeeHireDate.slice(0, 10) : '1970-01-01',
    };
  }
}

interface OrganisationContext {
  /** UPN (lower case) to the title of the department they head or deputise for. */
  headOf: Map<string, string>;
  /** UPN (lower case) to the roles the app admin assigned. */
  roles: Map<string, RoleId[]>;
}

function localeOf(preferredLanguage: string | null | undefined): Locale {
  return preferredLanguage?.toLowerCase().startsWith('en') ? 'en-US' : 'nl-NL';
}

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : undefined;
}

/**
 * Which municipality a UPN belongs to: by its domain (`GRAPH_DIRECTORY_DOMAINS`, JSON such as
 * `{"hengelo.nl":"0164"}`) when several municipalities share the tenant; otherwise the one the instance serves.
 */
export function municipalityByDomain(servedCodes: readonly string[], domainsJson: string | undefined): (upn: string) => string | null {
  const domains = new Map<string, string>();
  if (domainsJson) {
    const parsed: unknown = JSON.parse(domainsJson);
    if (typeof parsed !== 'object' || parsed === null) throw new Error('GRAPH_DIRECTORY_DOMAINS: expected a JSON object of domain to CBS code');
    for (const [domain, code] of Object.entries(parsed)) if (typeof code === 'string') domains.set(domain.toLowerCase(), code);
  }
  return (upn) => {
    const domain = upn.slice(upn.lastIndexOf('@') + 1).toLowerCase();
    const code = domains.size > 0 ? domains.get(domain) : servedCodes.length === 1 ? servedCodes[0] : undefined;
    return code && servedCodes.includes(code) ? code : null;
  };
}

/**
 * The production directory when the app registration is configured (GRAPH_TENANT_ID, GRAPH_CLIENT_ID and
 * GRAPH_CERTIFICATE_PATH or GRAPH_CLIENT_SECRET); null otherwise, and the seeded directory stays.
 */
export function graphDirectoryFromEnv(
  env: NodeJS.ProcessEnv,
  deps: { servedCodes: readonly string[]; organisation: OrganisationStore; clock: Clock },
): GraphDirectory | null {
  if (!env.GRAPH_TENANT_ID || !env.GRAPH_CLIENT_ID || !(env.GRAPH_CERTIFICATE_PATH || env.GRAPH_CLIENT_SECRET)) return null;
  const auth = createGraphAppAuth(graphAppCredentialsFromEnv(env));
  return new GraphDirectory({
    graph: createGraphConnection({ authProvider: auth.authProvider() }),
    organisation: deps.organisation,
    clock: deps.clock,
    municipalityOfUpn: municipalityByDomain(deps.servedCodes, env.GRAPH_DIRECTORY_DOMAINS),
  });
}
