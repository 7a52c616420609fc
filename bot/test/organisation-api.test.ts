import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, personOf, startTestInstance, type TestInstance } from './support/instance-harness.js';

const HENGELO = '0164';
const ENSCHEDE = '0153';

describe('organisation admin API (app admin)', () => {
  let instance: TestInstance;
  let admin: string;
  let employee: string;

  beforeAll(async () => {
    instance = await startTestInstance({ codes: [HENGELO] });
    admin = await instance.login(personOf(HENGELO, 'app-admin').upn);
    employee = await instance.login(personOf(HENGELO, 'employee').upn);
  });
  afterAll(async () => instance?.close());

  it('lists the seeded departments with their heads', async () => {
    const res = await api(instance.baseUrl, `/api/organisation/${HENGELO}/departments`, { token: employee });
    expect(res.status).toBe(200);
    const items = res.body.items as { Title: string; HeadUpn: string | null }[];
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.every((d) => d.HeadUpn)).toBe(true);
  });

  it('lets the app admin add a department and refuses an employee (403)', async () => {
    const head = personOf(HENGELO, 'department-head');
    const created = await api(instance.baseUrl, `/api/organisation/${HENGELO}/departments`, {
      method: 'POST',
      token: admin,
      body: { name: 'Wijkteams', headUpn: head.upn },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ Title: 'Wijkteams', MunicipalityCode: HENGELO });

    const refused = await api(instance.baseUrl, `/api/organisation/${HENGELO}/departments`, {
      method: 'POST',
      token: employee,
      body: { name: 'Schaduwafdeling' },
    });
    expect(refused.status).toBe(403);
  });

  it('updates with If-Match and answers 412 on a stale eTag, changing nothing', async () => {
    const created = await api(instance.baseUrl, `/api/organisation/${HENGELO}/departments`, { method: 'POST', token: admin, body: { name: 'Archief' } });
    const id = String(created.body.id);
    const etag = String(created.body.etag);
    const first = await api(instance.baseUrl, `/api/organisation/${HENGELO}/departments/${id}`, {
      method: 'PATCH',
      token: admin,
      body: { name: 'Archief en DIV' },
      headers: { 'if-match': `"${etag}"` },
    });
    expect(first.status).toBe(200);
    const stale = await api(instance.baseUrl, `/api/organisation/${HENGELO}/departments/${id}`, {
      method: 'PATCH',
      token: admin,
      body: { name: 'Overschreven' },
      headers: { 'if-match': `"${etag}"` },
    });
    expect(stale.status).toBe(412);
    const list = await api(instance.baseUrl, `/api/organisation/${HENGELO}/departments`, { token: admin });
    expect((list.body.items as { Title: string }[]).map((d) => d.Title)).toContain('Archief en DIV');
    expect((list.body.items as { Title: string }[]).map((d) => d.Title)).not.toContain('Overschreven');
  });

  it('requires If-Match on a change', async () => {
    const created = await api(instance.baseUrl, `/api/organisation/${HENGELO}/departments`, { method: 'POST', token: admin, body: { name: 'Post' } });
    const res = await api(instance.baseUrl, `/api/organisation/${HENGELO}/departments/${created.body.id}`, { method: 'DELETE', token: admin });
    expect(res.status).toBe(400);
    expect(res.body.error?.field).toBe('If-Match');
  });

  it('answers another municipality and an unknown id with the same 404', async () => {
    const other = await api(instance.baseUrl, `/api/organisation/${ENSCHEDE}/departments`, { token: admin });
    const unknown = await api(instance.baseUrl, `/api/organisation/${HENGELO}/departments/does-not-exist`, {
      method: 'DELETE',
      token: admin,
      headers: { 'if-match': '"x"' },
    });
    expect(other.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(other.body).toEqual(unknown.body);
  });

  it('refuses a head from another municipality, naming the field', async () => {
    const res = await api(instance.baseUrl, `/api/organisation/${HENGELO}/departments`, {
      method: 'POST',
      token: admin,
      body: { name: 'Grensafdeling', headUpn: personOf(ENSCHEDE, 'department-head').upn },
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.field).toBe('headUpn');
  });

  it('configures the MT contact and records absences; the role moves with it', async () => {
    const newContact = personOf(HENGELO, 'department-head', 1);
    const assigned = await api(instance.baseUrl, `/api/organisation/${HENGELO}/roles`, {
      method: 'POST',
      token: admin,
      body: { role: 'mt-contact', personUpn: newContact.upn },
    });
    expect(assigned.status).toBe(201);
    const absence = await api(instance.baseUrl, `/api/organisation/${HENGELO}/absences`, {
      method: 'POST',
      token: admin,
      body: { personUpn: newContact.upn, startsOn: '2026-12-01', endsOn: '2026-12-24', description: 'Verlof' },
    });
    expect(absence.status).toBe(201);
    const tokenOfNewContact = await instance.login(newContact.upn);
    const me = await api(instance.baseUrl, '/api/me', { token: tokenOfNewContact });
    expect(me.body.roles).toContain('mt-contact');
  });

  it('refuses an absence that ends before it starts', async () => {
    const res = await api(instance.baseUrl, `/api/organisation/${HENGELO}/absences`, {
      method: 'POST',
      token: admin,
      body: { personUpn: personOf(HENGELO, 'mt-contact').upn, startsOn: '2026-12-24', endsOn: '2026-12-01' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.field).toBe('endsOn');
  });
});
