import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, personOf } from './support/instance-harness.js';
import { BORNE, HENGELO, districtPerson, startHubTopology, type HubTopology } from './support/hub-harness.js';

type Item = { requirementId: string; status: string; etag: string };

/**
 * The secretary's self-scan taken from the working checklist, the printable report of a
 * round (instance and hub), and the bad input around them: another municipality, a
 * frozen round. Nothing may change at the hub when a request is refused.
 */
describe('self-scan from the checklist and the printable report', () => {
  let t: HubTopology;
  const token: Record<string, string> = {};
  let roundId: string;
  const hub = (route: string, who: string, init: { method?: string; body?: unknown } = {}) => api(t.hub.baseUrl, route, { ...init, token: token[who] });
  const borneResults = async () => {
    const res = await hub(`/api/hub/rounds/${roundId}/results`, 'coordinator');
    return res.body.municipalities as { code: string; submission: { statuses: Record<string, string> } | null }[];
  };

  beforeAll(async () => {
    t = await startHubTopology();
    token.coordinator = await t.hub.login(districtPerson('district-coordinator').upn);
    token.dvo = await t.hub.login(districtPerson('dvo').upn);
    token.secretary = await t.borne.login(personOf(BORNE, 'secretary').upn);
    token.mtContact = await t.borne.login(personOf(BORNE, 'mt-contact').upn);
    const opened = await hub('/api/hub/rounds', 'coordinator', { method: 'POST', body: { type: 'zelfscan', title: 'Zelfscan januari 2027', periodStart: '2027-01-04', periodEnd: '2027-01-29' } });
    roundId = String(opened.body.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('submits the checklist as it stands when the secretary sends no statuses', async () => {
    const checklist = await api(t.borne.baseUrl, '/api/checklist', { token: token.mtContact });
    const item = (checklist.body.items as Item[]).find((i) => i.requirementId === '3d')!;
    const saved = await api(t.borne.baseUrl, '/api/checklist/3d', { method: 'PATCH', token: token.mtContact, body: { status: 'voldaan' }, headers: { 'if-match': item.etag } });
    expect(saved.status).toBe(200);

    const submitted = await api(t.borne.baseUrl, `/api/rounds/${roundId}/submission`, { method: 'POST', token: token.secretary, body: {} });
    expect(submitted.status).toBe(201);
    const statuses = submitted.body.statuses as Record<string, string>;
    const now = (await api(t.borne.baseUrl, '/api/checklist', { token: token.secretary })).body.items as Item[];
    expect(statuses).toEqual(Object.fromEntries(now.map((i) => [i.requirementId, i.status])));
    expect(statuses['3d']).toBe('voldaan');
    expect(statuses['2b']).toBe('voldaan');
    expect((await borneResults()).find((m) => m.code === BORNE)?.submission?.statuses['3d']).toBe('voldaan');
  });

  it('refuses a submission for another municipality, and the hub holds nothing for it', async () => {
    const res = await api(t.borne.baseUrl, `/api/rounds/${roundId}/submission`, { method: 'POST', token: token.secretary, body: { municipalityCode: HENGELO } });
    expect(res.status).toBe(404);
    expect((await borneResults()).find((m) => m.code === HENGELO)?.submission).toBeNull();
  });

  it('refuses the MT contact a submission: the self-scan is the secretary\'s', async () => {
    expect((await api(t.borne.baseUrl, `/api/rounds/${roundId}/submission`, { method: 'POST', token: token.mtContact, body: {} })).status).toBe(403);
  });

  it('prints the round for the secretary through her instance and for the district coordinator at the hub', async () => {
    const own = await api(t.borne.baseUrl, `/api/rounds/${roundId}/report`, { token: token.secretary });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toMatch(/text\/html/);
    const html = String(own.body);
    expect(html).toContain('Borne');
    expect(html).toContain('Zelfscan januari 2027');
    expect(html).toContain('@media print');
    expect(html).not.toContain('<script');
    const nonce = /style-src 'nonce-([^']+)'/.exec(own.headers.get('content-security-policy') ?? '')?.[1];
    expect(html).toContain(`<style nonce="${nonce}">`);

    expect((await api(t.borne.baseUrl, `/api/rounds/${roundId}/report?municipality=${HENGELO}`, { token: token.secretary })).status).toBe(404);
    expect((await api(t.borne.baseUrl, `/api/rounds/${roundId}/report`, { token: token.mtContact })).status).toBe(403);

    const district = await hub(`/api/hub/rounds/${roundId}/report?municipality=${HENGELO}&lang=en`, 'coordinator');
    expect(district.status).toBe(200);
    expect(String(district.body)).toContain('Nothing was submitted or recorded');
    expect((await hub(`/api/hub/rounds/${roundId}/report?municipality=${BORNE}`, 'dvo')).status).toBe(403);
  });

  it('refuses any change once the round is closed, from the checklist or with statuses, and nothing changes', async () => {
    expect((await hub(`/api/hub/rounds/${roundId}/close`, 'coordinator', { method: 'POST' })).status).toBe(200);
    const before = await borneResults();
    const fromChecklist = await api(t.borne.baseUrl, `/api/rounds/${roundId}/submission`, { method: 'POST', token: token.secretary, body: {} });
    expect(fromChecklist.status).toBe(409);
    expect(fromChecklist.body.error?.code).toBe('round-closed');
    expect(await borneResults()).toEqual(before);
    const report = await api(t.borne.baseUrl, `/api/rounds/${roundId}/report`, { token: token.secretary });
    expect(String(report.body)).toMatch(/gesloten op .*: de resultaten liggen vast/);
  });
});
