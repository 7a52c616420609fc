import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from './support/instance-harness.js';
import { expectNamesNoMunicipality, textWithoutIds } from './support/names-no-municipality.js';
import { api, personOf, type TestInstance } from './support/instance-harness.js';
import {
  BORNE,
  DINKELLAND,
  HENGELO,
  TUBBERGEN,
  allStatuses,
  craftInstanceToken,
  districtPerson,
  startHubTopology,
  type HubTopology,
} from './support/hub-harness.js';

type Body = Record<string, unknown>;

/**
 * The measurement rounds through the hub's API and the instances' API: who sees what, the
 * freeze at closing, the Twente-wide outcome (bands only) and the comparison of two rounds.
 */
describe('measurement rounds at the hub', () => {
  let t: HubTopology;
  const token: Record<string, string> = {};
  const hub = (route: string, who: string, init: { method?: string; body?: unknown } = {}) => api(t.hub.baseUrl, route, { ...init, token: token[who] });
  const open = async (type: 'zelfscan' | 'eindmeting', title: string) => {
    const res = await hub('/api/hub/rounds', 'coordinator', { method: 'POST', body: { type, title, periodStart: '2027-01-04', periodEnd: '2027-01-29' } });
    expect(res.status).toBe(201);
    return String(res.body.id);
  };
  const record = (roundId: string, code: string, statuses: Body) =>
    hub(`/api/hub/rounds/${roundId}/municipalities/${code}`, 'assessor', { method: 'PUT', body: { statuses } });
  const submitVia = (instance: TestInstance, who: string, roundId: string, statuses: Body) =>
    api(instance.baseUrl, `/api/rounds/${roundId}/submission`, { method: 'POST', token: token[who], body: { statuses } });

  let selfScan: string;
  let finalOpen: string;

  beforeAll(async () => {
    t = await startHubTopology();
    for (const role of ['district-coordinator', 'specialist', 'assessor', 'dvo'] as const) {
      token[role === 'district-coordinator' ? 'coordinator' : role] = await t.hub.login(districtPerson(role).upn);
    }
    token.secretary = await t.borne.login(personOf(BORNE, 'secretary').upn);
    token.mtContact = await t.borne.login(personOf(BORNE, 'mt-contact').upn);
    token.employee = await t.borne.login(personOf(BORNE, 'employee').upn);
    token.dinkellandSecretary = await t.noaberkracht.login(personOf(DINKELLAND, 'secretary').upn);

    selfScan = await open('zelfscan', 'Zelfscan 2027');
    expect((await submitVia(t.borne, 'secretary', selfScan, allStatuses('deels'))).status).toBe(201);
    expect((await submitVia(t.noaberkracht, 'dinkellandSecretary', selfScan, allStatuses('voldaan'))).status).toBe(201);
    finalOpen = await open('eindmeting', 'Eindmeting 2027');
    expect((await record(finalOpen, BORNE, allStatuses('voldaan'))).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lets only the district coordinator and the specialist open a round', async () => {
    const body = { type: 'zelfscan', title: 'Extra zelfscan', periodStart: '2027-02-01', periodEnd: '2027-02-10' };
    expect((await hub('/api/hub/rounds', 'specialist', { method: 'POST', body })).status).toBe(201);
    for (const who of ['assessor', 'dvo']) expect((await hub('/api/hub/rounds', who, { method: 'POST', body })).status, who).toBe(403);
    const bad = await hub('/api/hub/rounds', 'coordinator', { method: 'POST', body: { ...body, type: 'tussenmeting' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.field).toBe('type');
  });

  describe('the visibility matrix', () => {
    const secretaryResults = () => api(t.borne.baseUrl, '/api/rounds/results', { token: token.secretary });
    it.each([
      { who: 'secretary (own municipality, through her instance)', see: () => secretaryResults(), status: 200 },
      { who: 'secretary asking for another municipality', see: () => api(t.borne.baseUrl, `/api/rounds/results?municipality=${HENGELO}`, { token: token.secretary }), status: 404 },
      { who: 'secretary of Dinkelland asking for Tubbergen on the shared instance', see: () => api(t.noaberkracht.baseUrl, `/api/rounds/results?municipality=${TUBBERGEN}`, { token: token.dinkellandSecretary }), status: 404 },
      { who: 'MT contact', see: () => api(t.borne.baseUrl, '/api/rounds/results', { token: token.mtContact }), status: 403 },
      { who: 'employee', see: () => api(t.borne.baseUrl, '/api/rounds/results', { token: token.employee }), status: 403 },
      { who: 'secretary at the hub', see: () => hub(`/api/hub/rounds/${selfScan}/results`, 'secretary'), status: 401 },
      { who: 'district coordinator', see: () => hub(`/api/hub/rounds/${selfScan}/results`, 'coordinator'), status: 200 },
      { who: 'specialist', see: () => hub(`/api/hub/rounds/${selfScan}/results`, 'specialist'), status: 200 },
      { who: 'assessor, the open final measurement she records', see: () => hub(`/api/hub/rounds/${finalOpen}/results`, 'assessor'), status: 200 },
      { who: 'assessor, a self-scan', see: () => hub(`/api/hub/rounds/${selfScan}/results`, 'assessor'), status: 403 },
      { who: 'DVO member, one round', see: () => hub(`/api/hub/rounds/${selfScan}/results`, 'dvo'), status: 403 },
      { who: 'DVO member, a comparison', see: () => hub(`/api/hub/rounds/compare?a=${selfScan}&b=${finalOpen}&municipality=${BORNE}`, 'dvo'), status: 403 },
    ])('$who: $status', async ({ see, status }) => {
      const res = await see();
      expect(res.status).toBe(status);
      expect(res.headers.get('cache-control')).toBe('no-store');
    });

    it('shows the secretary her own municipality only, and the district roles all fourteen', async () => {
      const own = await secretaryResults();
      expect(own.body.municipalityCode).toBe(BORNE);
      const rounds = own.body.rounds as { round: { id: string }; submission: { municipalityCode: string } | null }[];
      expect(rounds.find((r) => r.round.id === selfScan)?.submission?.municipalityCode).toBe(BORNE);
      expect(textWithoutIds(own.body)).not.toContain(DINKELLAND);
      const all = await hub(`/api/hub/rounds/${selfScan}/results`, 'coordinator');
      const municipalities = all.body.municipalities as { code: string; submission: unknown }[];
      expect(municipalities).toHaveLength(14);
      expect(municipalities.filter((m) => m.submission !== null).map((m) => m.code).sort()).toEqual([BORNE, DINKELLAND].sort());
    });

    it('lets the assessor see a final measurement only while she records it', async () => {
      const round = await open('eindmeting', 'Eindmeting, kort');
      expect((await record(round, HENGELO, allStatuses('deels'))).status).toBe(200);
      expect((await hub(`/api/hub/rounds/${round}/results`, 'assessor')).status).toBe(200);
      expect((await hub(`/api/hub/rounds/${round}/close`, 'coordinator', { method: 'POST' })).status).toBe(200);
      expect((await hub(`/api/hub/rounds/${round}/results`, 'assessor')).status).toBe(403);
      expect((await hub(`/api/hub/rounds/${round}/results`, 'specialist')).status).toBe(200);
    });

    it('keeps the roles to their own acts: no secretary records a final measurement, no assessor a self-scan', async () => {
      expect((await submitVia(t.borne, 'secretary', finalOpen, allStatuses('voldaan'))).status).toBe(403);
      expect((await submitVia(t.borne, 'mtContact', selfScan, allStatuses('voldaan'))).status).toBe(403);
      expect((await record(selfScan, HENGELO, allStatuses('voldaan'))).status).toBe(403);
      for (const who of ['coordinator', 'dvo']) expect((await hub(`/api/hub/rounds/${finalOpen}/municipalities/${HENGELO}`, who, { method: 'PUT', body: { statuses: allStatuses('voldaan') } })).status, who).toBe(403);
    });
  });

  describe('a closed round', () => {
    it('freezes every municipality: any later change is 409 round-closed and nothing changes', async () => {
      const round = await open('zelfscan', 'Zelfscan om te sluiten');
      expect((await submitVia(t.borne, 'secretary', round, allStatuses('deels'))).status).toBe(201);
      const finalRound = await open('eindmeting', 'Eindmeting om te sluiten');
      expect((await record(finalRound, BORNE, allStatuses('voldaan'))).status).toBe(200);
      for (const id of [round, finalRound]) expect((await hub(`/api/hub/rounds/${id}/close`, 'coordinator', { method: 'POST' })).status).toBe(200);
      const before = [await hub(`/api/hub/rounds/${round}/results`, 'coordinator'), await hub(`/api/hub/rounds/${finalRound}/results`, 'coordinator')];
      expect((before[0]!.body.municipalities as { code: string; submission: { frozen: boolean } | null }[]).find((m) => m.code === BORNE)?.submission?.frozen).toBe(true);

      const attempts = {
        'secretary resubmits through her instance': () => submitVia(t.borne, 'secretary', round, allStatuses('voldaan')),
        'her instance submits directly': () =>
          craftInstanceToken(t.dataDir, [BORNE]).then((instanceToken) =>
            api(t.hub.baseUrl, `/api/hub/rounds/${round}/submissions`, { method: 'POST', token: instanceToken, body: { municipalityCode: BORNE, submittedBy: 'x@borne.example', statuses: allStatuses('voldaan') } }),
          ),
        'a municipality that never submitted': () => submitVia(t.noaberkracht, 'dinkellandSecretary', round, allStatuses('voldaan')),
        'the assessor changes a final measurement': () => record(finalRound, BORNE, allStatuses('niet-voldaan')),
        'the assessor adds a municipality': () => record(finalRound, HENGELO, allStatuses('voldaan')),
        'closing it again': () => hub(`/api/hub/rounds/${round}/close`, 'coordinator', { method: 'POST' }),
      };
      for (const [what, attempt] of Object.entries(attempts)) {
        const res = await attempt();
        expect(res.status, what).toBe(409);
        expect(res.body.error?.code, what).toBe('round-closed');
      }
      const after = [await hub(`/api/hub/rounds/${round}/results`, 'coordinator'), await hub(`/api/hub/rounds/${finalRound}/results`, 'coordinator')];
      expect(after.map((r) => r.body)).toEqual(before.map((r) => r.body));
    });
  });

  describe('the Twente-wide outcome', () => {
    /**
     * Two closed final measurements that differ in exactly one other municipality (Hengelo),
     * read by Borne's secretary who knows Borne's own result. Identical answers mean she
     * cannot tell what Hengelo did: the rule "bands, never counts near 0 or 14" through the API.
     */
    let worldA: string;
    let worldB: string;
    beforeAll(async () => {
      worldA = await open('eindmeting', 'Eindmeting, wereld A');
      worldB = await open('eindmeting', 'Eindmeting, wereld B');
      for (const m of seed.municipalities) {
        const borne = m.code === BORNE;
        const hengelo = m.code === HENGELO;
        // 1a: all others meet it (A) or all others but Hengelo (B); Borne does not.
        // 2a: nobody but Borne meets it (A) or Borne and Hengelo (B).
        const base = { ...allStatuses('voldaan'), '1a': borne ? 'niet-voldaan' : 'voldaan', '2a': borne ? 'voldaan' : 'niet-voldaan' };
        expect((await record(worldA, m.code, base)).status).toBe(200);
        expect((await record(worldB, m.code, hengelo ? { ...base, '1a': 'niet-voldaan', '2a': 'voldaan' } : base)).status).toBe(200);
      }
    });

    it('is refused while the round is open (409), and to the assessor (403)', async () => {
      expect((await hub(`/api/hub/outcome?round=${worldA}`, 'dvo')).body.error?.code).toBe('round-not-closed');
      for (const id of [worldA, worldB]) expect((await hub(`/api/hub/rounds/${id}/close`, 'coordinator', { method: 'POST' })).status).toBe(200);
      expect((await hub(`/api/hub/outcome?round=${worldA}`, 'assessor')).status).toBe(403);
    });

    it('gives the DVO and the district roles bands only, naming no municipality', async () => {
      for (const who of ['dvo', 'coordinator', 'specialist']) {
        const res = await hub(`/api/hub/outcome?round=${worldA}`, who);
        expect(res.status, who).toBe(200);
        expectNamesNoMunicipality(res.body, seed.municipalities);
        const requirements = res.body.requirements as Body[];
        expect(requirements).toHaveLength(20);
        for (const r of requirements) expect(Object.keys(r).sort()).toEqual(['band', 'labelEn', 'labelNl', 'met', 'requirementId']);
      }
    });

    it('answers identically whatever Hengelo did, so a reader who knows Borne\'s result learns nothing about Hengelo', async () => {
      const [a, b] = [await hub(`/api/hub/outcome?round=${worldA}`, 'dvo'), await hub(`/api/hub/outcome?round=${worldB}`, 'dvo')];
      expect(a.body.requirements).toEqual(b.body.requirements);
      expect(a.body.basisOpOrde).toBe(b.body.basisOpOrde);
      const band = (id: string) => (a.body.requirements as { requirementId: string; band: string }[]).find((r) => r.requirementId === id)?.band;
      expect(band('1a')).toBe('alle-of-bijna-alle');
      expect(band('2a')).toBe('geen-of-bijna-geen');
    });

    it('compares two rounds per requirement: better, same, worse', async () => {
      const res = await hub(`/api/hub/rounds/compare?a=${worldA}&b=${worldB}&municipality=${HENGELO}`, 'coordinator');
      expect(res.status).toBe(200);
      const change = Object.fromEntries((res.body.requirements as { requirementId: string; change: string }[]).map((r) => [r.requirementId, r.change]));
      expect(change['1a']).toBe('slechter');
      expect(change['2a']).toBe('beter');
      expect(change['3a']).toBe('gelijk');
      // The secretary compares her own rounds through her instance.
      const own = await api(t.borne.baseUrl, `/api/rounds/compare?a=${selfScan}&b=${worldA}`, { token: token.secretary });
      expect(own.status).toBe(200);
      const ownChange = Object.fromEntries((own.body.requirements as { requirementId: string; change: string }[]).map((r) => [r.requirementId, r.change]));
      expect(ownChange).toMatchObject({ '1a': 'slechter', '2a': 'beter', '3a': 'beter' });
      expect((await api(t.borne.baseUrl, `/api/rounds/compare?a=${selfScan}&b=${worldA}`, { token: token.mtContact })).status).toBe(403);
    });
  });
});
