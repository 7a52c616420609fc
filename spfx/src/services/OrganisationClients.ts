import { JsonApi, type Transport } from './ApiTransport';

/* eslint-disable @rushstack/no-new-null -- these types describe the instance API's JSON, where null is on the
   wire: the API answers null for an unset value, and a change must send null to clear one (undefined is dropped). */

/** Who is signed in, as the instance's `GET /api/me` tells it. */
export interface SignedInPerson {
  readonly displayName: string;
  readonly roles: readonly string[];
  readonly municipalityCode: string | null;
}

/** A department as the organisation admin API returns it (SharePoint field names, plus its eTag). */
export interface OrganisationDepartment {
  readonly id: string;
  readonly etag: string;
  readonly Title: string;
  readonly MunicipalityCode: string;
  readonly HeadUpn: string | null;
  readonly DeputyHeadUpn: string | null;
}

export interface NewDepartment {
  readonly name: string;
  readonly headUpn?: string;
  readonly deputyHeadUpn?: string;
}

/** A change: a field left out stays; `null` clears the head or deputy head. */
export interface DepartmentChange {
  readonly name?: string;
  readonly headUpn?: string | null;
  readonly deputyHeadUpn?: string | null;
}

/* eslint-enable @rushstack/no-new-null */

/**
 * The organisation admin API of the app admin (functioneel beheerder): the departments of a
 * municipality with head and deputy head. Changes carry the eTag the department was read with; an
 * answer 412 (SignalsApiError.isConflict) means someone else changed it meanwhile.
 */
export interface OrganisationClient {
  me(): Promise<SignedInPerson>;
  departments(municipalityCode: string): Promise<readonly OrganisationDepartment[]>;
  addDepartment(municipalityCode: string, department: NewDepartment): Promise<OrganisationDepartment>;
  changeDepartment(municipalityCode: string, department: Pick<OrganisationDepartment, 'id' | 'etag'>, change: DepartmentChange): Promise<OrganisationDepartment>;
  removeDepartment(municipalityCode: string, department: Pick<OrganisationDepartment, 'id' | 'etag'>): Promise<void>;
}

/** Over any Transport: fetch with a local token in the workbench, AadHttpClient in SharePoint and Teams. */
export class HttpOrganisationClient implements OrganisationClient {
  private readonly api: JsonApi;

  public constructor(transport: Transport, language: string) {
    this.api = new JsonApi(transport, language);
  }

  public me(): Promise<SignedInPerson> {
    return this.api.json<SignedInPerson>('GET', '/api/me');
  }

  public async departments(municipalityCode: string): Promise<readonly OrganisationDepartment[]> {
    const answer = await this.api.json<{ items: OrganisationDepartment[] }>('GET', departmentsPath(municipalityCode));
    return answer.items;
  }

  public addDepartment(municipalityCode: string, department: NewDepartment): Promise<OrganisationDepartment> {
    return this.api.json<OrganisationDepartment>('POST', departmentsPath(municipalityCode), department);
  }

  public changeDepartment(
    municipalityCode: string,
    department: Pick<OrganisationDepartment, 'id' | 'etag'>,
    change: DepartmentChange
  ): Promise<OrganisationDepartment> {
    return this.api.json<OrganisationDepartment>('PATCH', departmentPath(municipalityCode, department.id), change, ifMatch(department.etag));
  }

  public async removeDepartment(municipalityCode: string, department: Pick<OrganisationDepartment, 'id' | 'etag'>): Promise<void> {
    // 204 without a body: read it as text, not JSON.
    await this.api.text('DELETE', departmentPath(municipalityCode, department.id), 'application/json', undefined, ifMatch(department.etag));
  }
}

function departmentsPath(municipalityCode: string): string {
  return '/api/organisation/' + encodeURIComponent(municipalityCode) + '/departments';
}

function departmentPath(municipalityCode: string, id: string): string {
  return departmentsPath(municipalityCode) + '/' + encodeURIComponent(id);
}

function ifMatch(etag: string): Record<string, string> {
  return { 'If-Match': '"' + etag + '"' };
}
