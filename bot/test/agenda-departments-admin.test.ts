import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchTransport } from '../../spfx/src/services/ApiTransport.js';
import { HttpAgendaClient } from '../../spfx/src/services/AgendaClients.js';
import { HttpOrganisationClient } from '../../spfx/src/services/OrganisationClients.js';
import { SignalsApiError } from '../../spfx/src/services/SignalsApiError.js';
import { personOf, startTestInstance, type TestInstance } from './support/instance-harness.js';

const HENGELO = '0164';

/** The Afdelingsagenda web part's organisation client (fetch, as in the workbench) against a real instance. */
describe('Afdelingen beheren in the agenda web part (app admin)', () => {
  let instance: TestInstance;
  let admin: HttpOrganisationClient;
  let mtContact: HttpOrganisationClient;
  let mtAgenda: HttpAgendaClient;

  beforeAll(async () => {
    instance = await startTestInstance({ codes: [HENGELO] });
    const clientFor = async (role: string) => new FetchTransport(instance.baseUrl, await instance.login(personOf(HENGELO, role).upn));
    admin = new HttpOrganisationClient(await clientFor('app-admin'), 'nl-NL');
    const mtTransport = await clientFor('mt-contact');
    mtContact = new HttpOrganisationClient(mtTransport, 'nl-NL');
    mtAgenda = new HttpAgendaClient(mtTransport, 'nl-NL');
  });
  afterAll(async () => instance?.close());

  it('tells the web part who is the app admin of which municipality', async () => {
    const me = await admin.me();
    expect(me.roles).toContain('app-admin');
    expect(me.municipalityCode).toBe(HENGELO);
    expect((await mtContact.me()).roles).not.toContain('app-admin');
  });

  it('adds a department with a head, changes the head, removes it; the agenda follows each step', async () => {
    const firstHead = personOf(HENGELO, 'department-head', 0).upn.toLowerCase();
    const secondHead = personOf(HENGELO, 'employee', 0).upn.toLowerCase();

    const added = await admin.addDepartment(HENGELO, { name: 'Wijkzaken', headUpn: firstHead });
    expect(added).toMatchObject({ Title: 'Wijkzaken', HeadUpn: firstHead, MunicipalityCode: HENGELO });
    let row = (await mtAgenda.overview()).departments.find((d) => d.name === 'Wijkzaken');
    expect(row?.headUpn?.toLowerCase()).toBe(firstHead);

    const changed = await admin.changeDepartment(HENGELO, added, { headUpn: secondHead });
    expect(changed.HeadUpn).toBe(secondHead);
    row = (await mtAgenda.overview()).departments.find((d) => d.name === 'Wijkzaken');
    expect(row?.headUpn?.toLowerCase()).toBe(secondHead);

    // The web part still holds the first eTag: a second change on it is someone else's conflict.
    const stale = await admin.changeDepartment(HENGELO, added, { headUpn: null }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(SignalsApiError);
    expect((stale as SignalsApiError).isConflict).toBe(true);

    await admin.removeDepartment(HENGELO, changed);
    expect((await admin.departments(HENGELO)).map((d) => d.Title)).not.toContain('Wijkzaken');
    expect((await mtAgenda.overview()).departments.map((d) => d.name)).not.toContain('Wijkzaken');
  });

  it('refuses the MT contact (403) and changes nothing', async () => {
    const refused = await mtContact.addDepartment(HENGELO, { name: 'Schaduwafdeling' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SignalsApiError);
    expect((refused as SignalsApiError).status).toBe(403);
    const [existing] = await admin.departments(HENGELO);
    const removal = await mtContact.removeDepartment(HENGELO, existing!).catch((e: unknown) => e);
    expect((removal as SignalsApiError).status).toBe(403);
    expect((await admin.departments(HENGELO)).map((d) => d.Title)).not.toContain('Schaduwafdeling');
    expect((await admin.departments(HENGELO)).map((d) => d.id)).toContain(existing!.id);
  });
});
