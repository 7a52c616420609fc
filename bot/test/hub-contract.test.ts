import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, personOf } from './support/instance-harness.js';
import {
  BORNE,
  DINKELLAND,
  HENGELO,
  NOABERKRACHT,
  TUBBERGEN,
  allStatuses,
  craftInstanceToken,
  districtPerson,
  instanceIdOf,
  startHubTopology,
  type HubTopology,
} from './support/hub-harness.js';

/**
 * The instance-to-hub contract with the hub and three instances running (one serving
 * Dinkelland and Tubbergen): separate databases, tokens that work only where they were
 * issued, and a hub that accepts and returns a municipality's data only to its own instance.
 */
describe('the instance-to-hub contract', () => {
  let t: HubTopology;
  let coordinator: string;
  let roundId: string;

  const submissionsInHub = (): { municipality_code: string }[] => {
    const db = new Database(path.join(t.dataDir, 'hub', 'service.db'), { readonly: true });
    try {
      return db.prepare('SELECT municipality_code FROM hub_submissions ORDER BY municipality_code').all() as { municipality_code: string }[];
    } finally {
      db.close();
    }
  };
  const hubSubmit = (token: string, municipalityCode: string, statuses: unknown = allStatuses('deels')) =>
    api(t.hub.baseUrl, `/api/hub/rounds/${roundId}/submissions`, {
      method: 'POST',
      token,
      body: { municipalityCode, submittedBy: 'iemand@example.nl', statuses },
    });

  beforeAll(async () => {
    t = await startHubTopology();
    coordinator = await t.hub.login(districtPerson('district-coordinator').upn);
    const opened = await api(t.hub.baseUrl, '/api/hub/rounds', {
      method: 'POST',
      token: coordinator,
      body: { type: 'zelfscan', title: 'Zelfscan januari 2027', periodStart: '2027-01-04', periodEnd: '2027-01-29' },
    });
    expect(opened.status).toBe(201);
    roundId = String(opened.body.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives the hub and every instance database files, master key and hub signing key of their own', () => {
    const folders = ['hub', ...[[BORNE], [HENGELO], NOABERKRACHT].map(instanceIdOf)];
    for (const folder of folders) expect(existsSync(path.join(t.dataDir, folder, 'service.db')), folder).toBe(true);
    const masterKeys = folders.map((folder) => readFileSync(path.join(t.dataDir, folder, 'master.key')).toString('hex'));
    expect(new Set(masterKeys).size).toBe(folders.length);
    const signingKeys = folders.slice(1).map((folder) => readFileSync(path.join(t.dataDir, folder, 'hub-signing-key.pem'), 'utf8'));
    expect(new Set(signingKeys).size).toBe(3);
    // The hub learned only public keys.
    const published = readFileSync(path.join(t.dataDir, 'hub', 'instances', `${instanceIdOf([BORNE])}.json`), 'utf8');
    expect(published).not.toMatch(/PRIVATE|"d"/);
  });

  it('refuses a token of one instance at another and at the hub, and a hub token at an instance (401)', async () => {
    const borneSecretary = await t.borne.login(personOf(BORNE, 'secretary').upn);
    expect((await api(t.borne.baseUrl, '/api/me', { token: borneSecretary })).status).toBe(200);
    for (const [where, route] of [
      [t.hengelo.baseUrl, '/api/me'],
      [t.noaberkracht.baseUrl, '/api/rounds/results'],
      [t.hub.baseUrl, '/api/hub/rounds'],
      [t.hub.baseUrl, `/api/hub/municipalities/${BORNE}/results`],
    ] as const) {
      const res = await api(where, route, { token: borneSecretary });
      expect(res.status, `${where}${route}`).toBe(401);
      expect(res.body.error?.code).toBe('unauthenticated');
    }
    expect((await api(t.borne.baseUrl, '/api/me', { token: coordinator })).status).toBe(401);
    expect((await api(t.borne.baseUrl, '/api/rounds/results', { token: coordinator })).status).toBe(401);
  });

  it('stores a self-scan the secretary submits through her own instance, at the hub only', async () => {
    for (const [instance, code] of [
      [t.borne, BORNE],
      [t.noaberkracht, DINKELLAND],
      [t.noaberkracht, TUBBERGEN],
    ] as const) {
      const token = await instance.login(personOf(code, 'secretary').upn);
      const res = await api(instance.baseUrl, `/api/rounds/${roundId}/submission`, { method: 'POST', token, body: { statuses: allStatuses('voldaan') } });
      expect(res.status, code).toBe(201);
      expect(res.body).toMatchObject({ municipalityCode: code, frozen: false });
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    expect(submissionsInHub().map((r) => r.municipality_code)).toEqual([BORNE, TUBBERGEN, DINKELLAND].sort());
    for (const folder of [[BORNE], [HENGELO], NOABERKRACHT].map(instanceIdOf)) {
      const db = new Database(path.join(t.dataDir, folder, 'service.db'), { readonly: true });
      expect(db.prepare('SELECT count(*) AS n FROM hub_submissions').get(), folder).toEqual({ n: 0 });
      db.close();
    }
  });

  it('refuses a submission signed by one municipality\'s credential for another municipality (403), storing nothing', async () => {
    const before = submissionsInHub();
    const res = await hubSubmit(await craftInstanceToken(t.dataDir, [BORNE]), HENGELO);
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe('forbidden');
    // Claiming Hengelo inside Borne's token does not help either: the registry decides.
    expect((await hubSubmit(await craftInstanceToken(t.dataDir, [BORNE], { codes: [BORNE, HENGELO] }), HENGELO)).status).toBe(401);
    expect(submissionsInHub()).toEqual(before);
    const hengelo = await api(t.hub.baseUrl, `/api/hub/rounds/${roundId}/results`, { token: coordinator });
    const row = (hengelo.body.municipalities as { code: string; submission: unknown }[]).find((m) => m.code === HENGELO);
    expect(row?.submission).toBeNull();
  });

  it('refuses a forged, expired, over-long or replayed instance credential (401), storing nothing', async () => {
    const before = submissionsInHub();
    const cases = {
      forged: await craftInstanceToken(t.dataDir, [BORNE], { forged: true }),
      expired: await craftInstanceToken(t.dataDir, [BORNE], { issuedAt: -600, lifetime: 120 }),
      'longer than five minutes': await craftInstanceToken(t.dataDir, [BORNE], { lifetime: 3600 }),
      'a person token': await t.borne.login(personOf(BORNE, 'secretary').upn),
    };
    for (const [name, token] of Object.entries(cases)) {
      const res = await hubSubmit(token, BORNE, allStatuses('niet-voldaan'));
      expect(res.status, name).toBe(401);
    }
    const once = await craftInstanceToken(t.dataDir, [BORNE]);
    expect((await api(t.hub.baseUrl, `/api/hub/municipalities/${BORNE}/results`, { token: once })).status).toBe(200);
    const replayed = await hubSubmit(once, BORNE, allStatuses('niet-voldaan'));
    expect(replayed.status).toBe(401);
    expect(submissionsInHub()).toEqual(before);
    const borne = await api(t.hub.baseUrl, `/api/hub/rounds/${roundId}/results`, { token: coordinator });
    const row = (borne.body.municipalities as { code: string; submission: { statuses: Record<string, string> } | null }[]).find((m) => m.code === BORNE);
    expect(row?.submission?.statuses['1a']).toBe('voldaan');
  });

  it('returns a municipality\'s results only to the instance that serves it; any other instance gets 404', async () => {
    const results = async (codes: readonly string[], of: string) =>
      api(t.hub.baseUrl, `/api/hub/municipalities/${of}/results`, { token: await craftInstanceToken(t.dataDir, codes) });
    const own = await results([BORNE], BORNE);
    expect(own.status).toBe(200);
    expect(own.body.municipalityCode).toBe(BORNE);
    expect(JSON.stringify(own.body)).not.toMatch(new RegExp(`${DINKELLAND}|${TUBBERGEN}|${HENGELO}`));
    expect((await results([HENGELO], BORNE)).status).toBe(404);
    expect((await results(NOABERKRACHT, BORNE)).status).toBe(404);
    expect((await results(NOABERKRACHT, DINKELLAND)).status).toBe(200);
    expect((await results(NOABERKRACHT, TUBBERGEN)).status).toBe(200);
    expect((await results([BORNE], TUBBERGEN)).status).toBe(404);
  });

  it('refuses an unknown requirement, a status outside the list or a missing requirement (400), storing nothing', async () => {
    const before = submissionsInHub();
    const token = await t.hengelo.login(personOf(HENGELO, 'secretary').upn);
    const bad = {
      'statuses.9z': { ...allStatuses('voldaan'), '9z': 'voldaan' },
      'statuses.2b': { ...allStatuses('voldaan'), '2b': 'bijna' },
      'statuses.5a': Object.fromEntries(Object.entries(allStatuses('voldaan')).filter(([id]) => id !== '5a')),
    };
    for (const [field, statuses] of Object.entries(bad)) {
      const viaInstance = await api(t.hengelo.baseUrl, `/api/rounds/${roundId}/submission`, { method: 'POST', token, body: { statuses } });
      expect(viaInstance.status, field).toBe(400);
      expect(viaInstance.body.error?.field).toBe(field);
      const direct = await hubSubmit(await craftInstanceToken(t.dataDir, [HENGELO]), HENGELO, statuses);
      expect(direct.status, field).toBe(400);
      expect(direct.body.error?.field).toBe(field);
    }
    expect(submissionsInHub()).toEqual(before);
  });
});
