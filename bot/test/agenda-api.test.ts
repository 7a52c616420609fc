import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestInstance, type TestInstance } from './support/instance-harness.js';
import { hengeloPerson } from './support/agenda-world.js';

/**
 * The agenda API of the Afdelingsagenda web part: who sees which departments, who may
 * register a discussion, idempotent registration, input checks and requirement 1a.
 */
const HENGELO = '0164';
const ALL = ['Bestuur en Bedrijfsvoering', 'Financiën', 'Openbare Orde en Veiligheid', 'Sociaal Domein', 'Vergunningen'];
const people = {
  mtContact: hengeloPerson('Marieke Nijhuis'),
  appAdmin: hengeloPerson('Daan Bakker'),
  head: hengeloPerson('Henk Stegeman'), // head of Vergunningen
  deputy: hengeloPerson('Jan Jansen'), // the seed makes him deputy head of Vergunningen
  employee: hengeloPerson('Karin Groot Wassink'), // Vergunningen, no agenda role
  secretary: hengeloPerson('Carla Morsink'),
};
type Who = keyof typeof people;

describe('the agenda API', () => {
  let instance: TestInstance;
  const tokens = {} as Record<Who, string>;
  const ids = new Map<string, string>();

  const get = (who: Who, route = '/api/agenda') => api(instance.baseUrl, route, { token: tokens[who] });
  const register = (who: Who, department: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    api(instance.baseUrl, `/api/agenda/${ids.get(department) ?? department}/registrations`, { method: 'POST', token: tokens[who], body, headers });
  const names = (body: Record<string, unknown>) => (body['departments'] as { name: string }[]).map((d) => d.name);

  beforeAll(async () => {
    instance = await startTestInstance({ codes: [HENGELO] });
    const clock = await api(instance.baseUrl, '/dev/clock', { method: 'POST', body: { now: '2027-03-01T09:00:00+01:00' } });
    expect(clock.status).toBe(200);
    for (const [who, person] of Object.entries(people)) tokens[who as Who] = await instance.login(person.upn);
    const overview = await get('mtContact');
    for (const d of overview.body['departments'] as { name: string; departmentId: string }[]) ids.set(d.name, d.departmentId);
  }, 60_000);
  afterAll(async () => {
    await instance?.close();
  });

  it.each([
    { who: 'mtContact', status: 200, sees: ALL },
    { who: 'appAdmin', status: 200, sees: ALL },
    { who: 'head', status: 200, sees: ['Vergunningen'] },
    { who: 'deputy', status: 200, sees: ['Vergunningen'] },
    { who: 'employee', status: 403, sees: [] },
    { who: 'secretary', status: 403, sees: [] },
  ] as const)('GET /api/agenda as $who: $status, sees $sees', async ({ who, status, sees }) => {
    const res = await get(who);
    expect(res.status).toBe(status);
    if (status === 200) {
      expect(names(res.body)).toEqual(sees);
      for (const d of res.body['departments'] as Record<string, unknown>[]) {
        // The seed added the departments on 15 January two years before the clock: long overdue.
        expect(d).toMatchObject({ state: 'te-laat', lastDiscussedOn: null, canRecord: true, nudgesSent: 0 });
      }
    }
  });

  it.each([
    { who: 'employee', department: 'Vergunningen', status: 403 },
    { who: 'secretary', department: 'Vergunningen', status: 403 },
    { who: 'head', department: 'Financiën', status: 403 },
    { who: 'deputy', department: 'Sociaal Domein', status: 403 },
    { who: 'mtContact', department: '999999', status: 404 },
  ] as const)('POST a registration as $who for $department: $status', async ({ who, department, status }) => {
    const res = await register(who, department, { kind: 'besproken', date: '2027-02-15' });
    expect(res.status).toBe(status);
  });

  it.each([
    { body: { kind: 'besproken', date: '2027-03-02' }, field: 'date' },
    { body: { kind: 'besproken', date: '2026-02-27' }, field: 'date' },
    { body: { kind: 'gepland', date: '2027-02-27' }, field: 'date' },
    { body: { kind: 'besproken', date: '2027-02-15', attendees: 0 }, field: 'attendees' },
    { body: { kind: 'besproken', date: '2027-02-15', notes: 'x'.repeat(501) }, field: 'notes' },
    { body: { kind: 'vergaderd', date: '2027-02-15' }, field: 'kind' },
  ])('refuses $body.kind on $body.date with the field named ($field)', async ({ body, field }) => {
    const res = await register('head', 'Vergunningen', body);
    expect(res.status).toBe(400);
    expect(res.body.error?.field).toBe(field);
  });

  it('records once per idempotency key, updates the view and requirement 1a', async () => {
    const before = await get('mtContact', '/api/agenda/requirement-1a');
    expect(before.body['items']).toEqual([
      expect.objectContaining({ requirementId: '1a', municipalityCode: HENGELO, status: 'niet-voldaan', activeDepartments: 5, discussedWithinYear: 0 }),
    ]);
    const body = { kind: 'besproken', date: '2027-02-15', notes: 'Casus vastgoed besproken', attendees: 11 };
    const first = await register('head', 'Vergunningen', body, { 'Idempotency-Key': 'webpart-2027-02-15-vergunningen' });
    const second = await register('head', 'Vergunningen', body, { 'Idempotency-Key': 'webpart-2027-02-15-vergunningen' });
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(first.body).toMatchObject({
      created: true,
      registration: { kind: 'besproken', date: '2027-02-15', attendees: 11, notes: 'Casus vastgoed besproken', source: 'webonderdeel' },
      department: { name: 'Vergunningen', lastDiscussedOn: '2027-02-15', dueDate: '2028-02-15', state: 'op-tijd' },
    });
    expect(second.body).toMatchObject({ created: false, registration: { id: (first.body['registration'] as { id: string }).id } });
    expect((await get('mtContact', '/api/agenda/requirement-1a')).body['items']).toEqual([expect.objectContaining({ status: 'deels', discussedWithinYear: 1 })]);

    for (const name of ALL.filter((n) => n !== 'Vergunningen')) expect((await register('mtContact', name, { kind: 'besproken', date: '2027-02-20' })).status).toBe(201);
    expect((await get('mtContact', '/api/agenda/requirement-1a')).body['items']).toEqual([expect.objectContaining({ status: 'voldaan', discussedWithinYear: 5 })]);
    expect((await get('secretary', '/api/agenda/requirement-1a')).status).toBe(200);
    expect((await get('employee', '/api/agenda/requirement-1a')).status).toBe(403);
    expect((await get('head')).body['departments']).toEqual([expect.objectContaining({ name: 'Vergunningen', state: 'op-tijd', lastDiscussedOn: '2027-02-15' })]);
  });
});
