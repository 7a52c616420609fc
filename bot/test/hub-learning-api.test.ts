import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubLearningBandsDto, TwenteLearningOutcomeDto } from '@weerbaar/shared';
import { api, personOf, seed } from './support/instance-harness.js';
import { expectNamesNoMunicipality } from './support/names-no-municipality.js';
import { BORNE, DINKELLAND, HENGELO, TUBBERGEN, craftInstanceToken, districtPerson, startHubTopology, type HubTopology } from './support/hub-harness.js';

/**
 * The learning module's figures at the district hub: each instance reports one band per
 * municipality it serves (at start and when the figures change), district roles see the
 * band per municipality, the Twente-wide view only count bands, and nobody a person.
 */
describe('learning bands at the hub', () => {
  let t: HubTopology;
  const token: Record<string, string> = {};
  const hub = (route: string, who?: string, init: { method?: string; body?: unknown } = {}) => api(t.hub.baseUrl, route, { ...init, token: who ? token[who] : undefined });
  const bandsOf = async (): Promise<HubLearningBandsDto> => (await hub('/api/hub/learning/municipalities', 'coordinator')).body as unknown as HubLearningBandsDto;
  const rowOf = async (code: string) => (await bandsOf()).municipalities.find((m) => m.municipalityCode === code);
  const report = async (instanceCodes: readonly string[], code: string, body: unknown) =>
    api(t.hub.baseUrl, `/api/hub/learning/municipalities/${code}/band`, { method: 'PUT', token: await craftInstanceToken(t.dataDir, instanceCodes), body });

  async function eventually<T>(read: () => Promise<T>, holds: (value: T) => boolean): Promise<T> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const value = await read();
      if (holds(value) || Date.now() > deadline) return value;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  beforeAll(async () => {
    t = await startHubTopology();
    for (const role of ['district-coordinator', 'specialist', 'assessor', 'dvo'] as const) {
      token[role === 'district-coordinator' ? 'coordinator' : role] = await t.hub.login(districtPerson(role).upn);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('hears from every instance at start: recording is off, so there is no band; silent municipalities show as not reported', async () => {
    const served = [BORNE, HENGELO, DINKELLAND, TUBBERGEN];
    const bands = await eventually(bandsOf, (b) => served.every((code) => b.municipalities.find((m) => m.municipalityCode === code)?.recording === false));
    expect(bands.municipalities).toHaveLength(seed.municipalities.length);
    for (const code of served) expect(bands.municipalities.find((m) => m.municipalityCode === code)).toMatchObject({ recording: false, band: null, stale: false });
    expect(bands.municipalities.find((m) => m.name === 'Almelo')).toMatchObject({ recording: null, band: null, asOf: null });
  });

  it('gets the band soon after the app admin switches recording on, without a person in it', async () => {
    const admin = await t.hengelo.login(personOf(HENGELO, 'app-admin').upn);
    const switched = await api(t.hengelo.baseUrl, `/api/organisation/${HENGELO}/settings/learning-recording`, {
      method: 'PUT',
      token: admin,
      body: { enabled: true, basis: 'Instemming OR 12 maart 2026, kenmerk OR-2026-07' },
    });
    expect(switched.status).toBe(200);
    // Nobody completed the module yet: 0% of Hengelo's staff.
    const row = await eventually(() => rowOf(HENGELO), (r) => r?.recording === true);
    expect(row).toMatchObject({ municipalityCode: HENGELO, name: 'Hengelo', recording: true, band: 'minder-dan-25', stale: false });
    expect(row?.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const text = JSON.stringify(await bandsOf());
    for (const person of seed.people) expect(text).not.toContain(person.upn);
  });

  it('shows the Twente-wide view only count bands, naming no municipality', async () => {
    for (const who of ['dvo', 'coordinator', 'specialist']) {
      const res = await hub('/api/hub/learning/outcome', who);
      expect(res.status, who).toBe(200);
      const outcome = res.body as unknown as TwenteLearningOutcomeDto;
      expect(outcome.thresholds.map((th) => th.atLeastPercent)).toEqual([25, 50, 75]);
      expect(outcome.reporting.band).toBe('geen-of-bijna-geen');
      expectNamesNoMunicipality(outcome, seed.municipalities);
    }
  });

  it.each([
    { who: 'DVO member', caller: 'dvo', status: 403 },
    { who: 'assessor', caller: 'assessor', status: 403 },
    { who: 'nobody signed in', caller: undefined, status: 401 },
  ])('refuses the band per municipality to the $who ($status)', async ({ caller, status }) => {
    expect((await hub('/api/hub/learning/municipalities', caller)).status).toBe(status);
  });

  it('refuses an instance credential on the district routes, and a person token on the instance route', async () => {
    const instanceToken = await craftInstanceToken(t.dataDir, [BORNE]);
    expect((await api(t.hub.baseUrl, '/api/hub/learning/outcome', { token: instanceToken })).status).toBe(401);
    const asPerson = await hub(`/api/hub/learning/municipalities/${BORNE}/band`, 'coordinator', { method: 'PUT', body: { recording: true, band: '75-of-meer', asOf: '2027-01-01' } });
    expect(asPerson.status).toBe(401);
    expect((await rowOf(BORNE))?.recording).toBe(false);
  });

  it("refuses a band for another municipality than the instance serves, and changes nothing", async () => {
    const before = await rowOf(HENGELO);
    const res = await report([BORNE], HENGELO, { recording: true, band: '75-of-meer', asOf: '2027-01-01' });
    expect(res.status).toBe(403);
    expect(await rowOf(HENGELO)).toEqual(before);
    // Dinkelland's instance serves Tubbergen too, so it may report both.
    expect((await report([DINKELLAND, TUBBERGEN], TUBBERGEN, { recording: false, band: null, asOf: '2027-01-01' })).status).toBe(200);
  });

  it.each([
    { what: 'an unknown band', body: { recording: true, band: 'veel', asOf: '2027-01-01' }, field: 'band' },
    { what: 'a list of people', body: { recording: true, band: '75-of-meer', asOf: '2027-01-01', people: ['olga.hofstede@hengelo.example'] }, field: 'people' },
    { what: 'a count', body: { recording: true, band: '75-of-meer', asOf: '2027-01-01', completed: 12 }, field: 'completed' },
    { what: 'no date', body: { recording: true, band: '75-of-meer' }, field: 'asOf' },
    { what: 'a wrong type', body: { recording: 'ja', band: null, asOf: '2027-01-01' }, field: 'recording' },
  ])('refuses a report with $what (400, naming the field) and keeps the last good one', async ({ body, field }) => {
    const before = await rowOf(BORNE);
    const res = await report([BORNE], BORNE, body);
    expect(res.status).toBe(400);
    expect(String(res.body.error?.field ?? res.body.error?.message)).toContain(field);
    expect(await rowOf(BORNE)).toEqual(before);
  });

  it('keeps no band for a municipality that says recording is off', async () => {
    expect((await report([BORNE], BORNE, { recording: false, band: '75-of-meer', asOf: '2027-01-01' })).status).toBe(200);
    expect(await rowOf(BORNE)).toMatchObject({ recording: false, band: null });
  });
});
