import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, personOf, startTestInstance, type TestInstance } from './support/instance-harness.js';

const HENGELO = '0164';
const ENSCHEDE = '0153';

describe('a municipality instance over HTTP (local mode)', () => {
  let hengelo: TestInstance;
  let enschede: TestInstance;

  beforeAll(async () => {
    [hengelo, enschede] = await Promise.all([startTestInstance({ codes: [HENGELO] }), startTestInstance({ codes: [ENSCHEDE] })]);
  });
  afterAll(async () => {
    await Promise.all([hengelo?.close(), enschede?.close()]);
  });

  it('answers health with its tenant and municipalities', async () => {
    const res = await api(hengelo.baseUrl, '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', role: 'instance', municipalityCodes: [HENGELO] });
  });

  it('signs in a seeded person of its own municipality only', async () => {
    const employee = personOf(HENGELO, 'employee');
    const token = await hengelo.login(employee.upn);
    const me = await api(hengelo.baseUrl, '/api/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ displayName: employee.displayName, municipalityCode: HENGELO });

    const foreign = await api(hengelo.baseUrl, '/dev/login', { method: 'POST', body: { upn: personOf(ENSCHEDE, 'employee').upn } });
    expect(foreign.status).toBe(404);
  });

  it('refuses a token issued by another instance (401)', async () => {
    const enschedeToken = await enschede.login(personOf(ENSCHEDE, 'mt-contact').upn);
    const res = await api(hengelo.baseUrl, '/api/me', { token: enschedeToken });
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe('unauthenticated');
  });

  it('refuses a missing or garbled token (401) without internals', async () => {
    expect((await api(hengelo.baseUrl, '/api/me')).status).toBe(401);
    const garbled = await api(hengelo.baseUrl, '/api/me', { token: 'abc.def.ghi' });
    expect(garbled.status).toBe(401);
    expect(JSON.stringify(garbled.body)).not.toMatch(/stack|at .*\.ts/);
  });

  it('gives 400 naming the field for input outside its schema', async () => {
    const res = await api(hengelo.baseUrl, '/dev/login', { method: 'POST', body: { upn: 42 } });
    expect(res.status).toBe(400);
    expect(res.body.error?.field).toBe('upn');
    const clock = await api(hengelo.baseUrl, '/dev/clock', { method: 'POST', body: { now: 'tomorrow' } });
    expect(clock.status).toBe(400);
    expect(clock.body.error?.field).toBe('now');
    const broken = await api(hengelo.baseUrl, '/dev/login', { method: 'POST', body: '{"upn":' });
    expect(broken.status).toBe(400);
    expect(broken.body.error?.code).toBe('invalid-json');
  });

  it('moves its clock with /dev/clock', async () => {
    const res = await api(hengelo.baseUrl, '/dev/clock', { method: 'POST', body: { now: '2027-03-01T09:00:00Z' } });
    expect(res.status).toBe(200);
    const health = await api(hengelo.baseUrl, '/api/health');
    expect(String(health.body.time).slice(0, 10)).toBe('2027-03-01');
  });

  it('answers errors in the caller language', async () => {
    const nl = await api(hengelo.baseUrl, '/api/me', { headers: { 'accept-language': 'nl-NL' } });
    const en = await api(hengelo.baseUrl, '/api/me', { headers: { 'accept-language': 'en-US' } });
    expect(nl.body.error?.message).toMatch(/aangemeld/);
    expect(en.body.error?.message).toMatch(/signed in/);
  });

  it('sends no-store on API responses', async () => {
    const res = await api(hengelo.baseUrl, '/api/health');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
