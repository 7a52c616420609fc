import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, dutchDateOf, type SignalDetailDto } from '@weerbaar/shared';
import { api } from './support/instance-harness.js';
import { seededPerson, startSignalsApi, type SignalsApiHarness } from './support/signals-api-harness.js';

const HENGELO = '0164';
const NOW = new Date('2026-11-20T10:00:00.000Z');
const TODAY = dutchDateOf(NOW);

describe('signals API: actions, concurrency and what reaches the reporter', () => {
  let h: SignalsApiHarness;
  let mt: string;
  let coordinator: string;
  let privacy: string;
  const act = (id: string, token: string, body: unknown, etag?: string, headers: Record<string, string> = {}) =>
    api(h.baseUrl, `/api/signals/${id}/actions`, {
      method: 'POST',
      token,
      body,
      headers: { ...(etag !== undefined ? { 'if-match': etag } : {}), ...headers },
    });

  beforeAll(async () => {
    h = await startSignalsApi({ codes: [HENGELO], now: NOW, env: { SIGNAL_RETENTION_MONTHS: '12,0164=18' } });
    mt = await h.tokenFor(seededPerson(HENGELO, 'mt-contact')!);
    coordinator = await h.tokenFor(seededPerson(HENGELO, 'coordinator')!);
    privacy = await h.tokenFor(seededPerson(HENGELO, 'privacy-officer')!);
  });
  afterAll(async () => h?.close());

  it('acknowledges with the current ETag, tells the reporter, and the ETag moves on', async () => {
    const signal = await h.addSignal(HENGELO);
    const read = await api(h.baseUrl, `/api/signals/${signal.id}`, { token: mt });
    expect(read.headers.get('etag')).toBe('"1"');
    const res = await act(signal.id, mt, { type: 'acknowledge' }, read.headers.get('etag')!);
    expect(res.status).toBe(200);
    const detail = res.body as unknown as SignalDetailDto;
    expect(detail.status).toBe('acknowledged');
    expect(res.headers.get('etag')).toBe('"2"');
    expect(detail.timeline).toEqual([
      expect.objectContaining({ kind: 'status', status: 'acknowledged', action: 'acknowledge', actorName: seededPerson(HENGELO, 'mt-contact')!.displayName }),
    ]);
    expect(h.channel.acknowledged).toContain(signal.id);
  });

  it('refuses a stale If-Match with 412 and changes nothing', async () => {
    const signal = await h.addSignal(HENGELO);
    expect((await act(signal.id, coordinator, { type: 'note', text: 'Eerste notitie.' }, '"1"')).status).toBe(200);
    const auditBefore = await h.store.audit.list({ municipalityCodes: [HENGELO], recordId: signal.id });
    const messagesBefore = h.channel.messages.length;

    const stale = await act(signal.id, mt, { type: 'message', text: 'Mag ik je bellen?' }, '"1"', { 'accept-language': 'en-US' });
    expect(stale.status).toBe(412);
    expect(stale.body.error).toEqual({ code: 'precondition-failed', message: 'Someone else changed this in the meantime. Reload and try again.' });
    const after = await h.store.signals.get(signal.id);
    expect(after?.version).toBe(2);
    expect((await h.store.timeline.list(signal.id)).map((entry) => entry.kind)).toEqual(['note']);
    expect(await h.store.audit.list({ municipalityCodes: [HENGELO], recordId: signal.id })).toEqual(auditBefore);
    expect(h.channel.messages.length).toBe(messagesBefore);
  });

  it('asks for If-Match (428, naming the header) before changing anything', async () => {
    const signal = await h.addSignal(HENGELO);
    const res = await act(signal.id, mt, { type: 'acknowledge' });
    expect(res.status).toBe(428);
    expect(res.body.error?.field).toBe('If-Match');
    expect(res.body.error?.message).toContain('If-Match');
    expect((await h.store.signals.get(signal.id))?.status).toBe('received');
  });

  it('sends a message through the reporter channel by timeline id, never the text', async () => {
    const signal = await h.addSignal(HENGELO);
    const res = await act(signal.id, mt, { type: 'message', text: 'Weet je nog welke dag het was?' }, '"1"');
    expect(res.status).toBe(200);
    const entry = (res.body as unknown as SignalDetailDto).timeline.find((e) => e.kind === 'message-to-reporter');
    expect(entry?.text).toBe('Weet je nog welke dag het was?');
    expect(h.channel.messages).toContainEqual({ signalId: signal.id, messageId: entry!.id });
  });

  it('hides a confidential reporter until the MT contact states a reason, and audits that reason', async () => {
    const signal = await h.addSignal(HENGELO, { confidentiality: 'confidential' });
    const read = await api(h.baseUrl, `/api/signals/${signal.id}`, { token: mt });
    expect(read.body).toMatchObject({ reporter: null, reporterHidden: 'confidential', department: null });
    expect(JSON.stringify(read.body)).not.toContain(signal.reporter!.upn);

    const tooShort = await act(signal.id, mt, { type: 'reveal-reporter', reason: 'nodig' }, '"1"');
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.error?.field).toBe('reason');

    const reason = 'Melder horen over de Bibob-aanvraag.';
    const revealed = await act(signal.id, mt, { type: 'reveal-reporter', reason }, '"1"');
    expect(revealed.status).toBe(200);
    expect(revealed.body.reporter).toEqual({ displayName: signal.reporter!.displayName, upn: signal.reporter!.upn });
    const events = await h.store.audit.list({ municipalityCodes: [HENGELO], recordId: signal.id });
    expect(events).toContainEqual(expect.objectContaining({ action: 'signal.read-reporter', detail: reason, actor: seededPerson(HENGELO, 'mt-contact')!.objectId }));
    // Revealing reads, it does not change the signal.
    expect((await h.store.signals.get(signal.id))?.version).toBe(1);

    const byCoordinator = await act(signal.id, coordinator, { type: 'reveal-reporter', reason }, '"1"');
    expect(byCoordinator.status).toBe(403);
  });

  it('never identifies an anonymous reporter, not even with a reason', async () => {
    const signal = await h.addSignal(HENGELO, { confidentiality: 'anonymous', reporter: null, department: null });
    const read = await api(h.baseUrl, `/api/signals/${signal.id}`, { token: mt });
    expect(read.body).toMatchObject({ reporter: null, reporterHidden: 'anonymous' });
    expect(read.body.allowedActions).not.toContain('reveal-reporter');
    expect((await act(signal.id, mt, { type: 'reveal-reporter', reason: 'Toch graag weten wie dit is.' }, '"1"')).status).toBe(403);
  });

  it.each([
    [{ type: 'bag', id: '016401000012345' }, 'link.id'],
    [{ type: 'kvk', number: '1234567' }, 'link.number'],
    [{ type: 'internal', system: 'Squit', reference: '' }, 'link.reference'],
    [{ type: 'external', organisation: '', reference: 'PV-123' }, 'link.organisation'],
    [{ type: 'kadaster', id: 'x' }, 'link.type'],
  ])('refuses enrichment %j naming %s', async (link, field) => {
    const signal = await h.addSignal(HENGELO);
    const res = await act(signal.id, mt, { type: 'enrich', link }, '"1"');
    expect(res.status).toBe(400);
    expect(res.body.error?.field).toBe(field);
  });

  it('keeps typed enrichment links in the timeline', async () => {
    const signal = await h.addSignal(HENGELO);
    const links = [
      { type: 'bag', id: '0164010000123456' },
      { type: 'kvk', number: '12345678' },
      { type: 'internal', system: 'Squit XO', reference: 'Z/26/001234' },
      { type: 'external', organisation: 'Politie Oost-Nederland', reference: 'BVH 2026-12345' },
    ];
    let etag = '"1"';
    for (const link of links) {
      const res = await act(signal.id, coordinator, { type: 'enrich', link }, etag);
      expect(res.status).toBe(200);
      etag = res.headers.get('etag')!;
    }
    const detail = (await api(h.baseUrl, `/api/signals/${signal.id}`, { token: mt })).body as unknown as SignalDetailDto;
    expect(detail.timeline.map((entry) => entry.enrichment)).toEqual(links);
  });

  it('forwards with date and legal basis into the disclosure register, which the privacy officer reads without content', async () => {
    const signal = await h.addSignal(HENGELO);
    const legalBasis = 'Convenant RIEC Oost-Nederland; AVG art. 6 lid 1 sub e';
    const res = await act(signal.id, mt, { type: 'forward', organisation: 'anders', organisationName: 'Omgevingsdienst Twente', forwardedOn: TODAY, legalBasis }, '"1"');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('forwarded');
    const register = await api(h.baseUrl, '/api/disclosures', { token: privacy });
    expect(register.status).toBe(200);
    expect(register.body.items).toContainEqual(
      expect.objectContaining({ reference: signal.reference, organisation: 'anders', organisationName: 'Omgevingsdienst Twente', forwardedOn: TODAY, legalBasis }),
    );
    const text = JSON.stringify(register.body);
    expect(text).not.toContain(signal.content.description);
    expect(text).not.toContain(signal.reporter!.displayName);
    // The privacy officer reads the register, never the signal.
    expect((await api(h.baseUrl, `/api/signals/${signal.id}`, { token: privacy })).status).toBe(404);
  });

  it('refuses a forward dated in the future, naming the field', async () => {
    const signal = await h.addSignal(HENGELO);
    const res = await act(signal.id, mt, { type: 'forward', organisation: 'politie', forwardedOn: addMonths(TODAY, 1), legalBasis: 'art. 6 lid 1 sub c AVG' }, '"1"');
    expect(res.status).toBe(400);
    expect(res.body.error?.field).toBe('forwardedOn');
  });

  it('sets the retention date at closing from the municipality’s term, and the MT contact may extend it with a reason', async () => {
    const signal = await h.addSignal(HENGELO);
    const closed = await act(signal.id, coordinator, { type: 'close', outcome: 'opgepakt' }, '"1"');
    expect(closed.status).toBe(200);
    expect(closed.body.retentionUntil).toBe(addMonths(TODAY, 18));

    const earlier = await act(signal.id, mt, { type: 'extend-retention', until: addMonths(TODAY, 6), reason: 'Lopende Bibob-procedure.' }, '"2"');
    expect(earlier.status).toBe(400);
    expect(earlier.body.error?.field).toBe('until');

    const until = addMonths(TODAY, 30);
    const extended = await act(signal.id, mt, { type: 'extend-retention', until, reason: 'Lopende Bibob-procedure.' }, '"2"');
    expect(extended.status).toBe(200);
    expect(extended.body.retentionUntil).toBe(until);
    const events = await h.store.audit.list({ municipalityCodes: [HENGELO], recordId: signal.id });
    expect(events).toContainEqual(expect.objectContaining({ action: 'signal.extend-retention', detail: `until ${until}: Lopende Bibob-procedure.` }));
  });

  it('writes an audit event for every read, without content', async () => {
    const signal = await h.addSignal(HENGELO);
    await api(h.baseUrl, `/api/signals/${signal.id}`, { token: coordinator });
    const audit = await api(h.baseUrl, `/api/audit?recordId=${signal.id}`, { token: privacy });
    expect(audit.status).toBe(200);
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({ action: 'signal.read', recordId: signal.id, actorName: seededPerson(HENGELO, 'coordinator')!.displayName }),
    );
    expect(JSON.stringify(audit.body)).not.toContain(signal.content.description);
    expect(JSON.stringify(audit.body)).not.toContain(signal.reporter!.upn);
  });

  it('keeps a signal about the MT contact out of the MT contact’s audit trail and disclosure register', async () => {
    const signal = await h.addSignal(HENGELO, { concernsMtContact: true });
    const deputy = await h.tokenFor(seededPerson(HENGELO, 'mt-deputy')!);
    const forwarded = await act(signal.id, deputy, { type: 'forward', organisation: 'politie', forwardedOn: TODAY, legalBasis: 'art. 6 lid 1 sub e AVG' }, '"1"');
    expect(forwarded.status).toBe(200);
    for (const route of ['/api/audit?limit=500', '/api/disclosures?pageSize=200']) {
      const byMt = JSON.stringify((await api(h.baseUrl, route, { token: mt })).body);
      const byPrivacyOfficer = JSON.stringify((await api(h.baseUrl, route, { token: privacy })).body);
      expect(byMt).not.toContain(signal.id);
      expect(byMt).not.toContain(signal.reference);
      expect(byPrivacyOfficer).toContain(signal.id);
    }
  });

  it('answers in the caller’s language without internals', async () => {
    const nl = await api(h.baseUrl, '/api/signals/nope', { token: mt });
    const en = await api(h.baseUrl, '/api/signals/nope', { token: mt, headers: { 'accept-language': 'en-GB,en;q=0.8' } });
    expect(nl.body).toEqual({ error: { code: 'not-found', message: 'Niet gevonden.' } });
    expect(en.body).toEqual({ error: { code: 'not-found', message: 'Not found.' } });
    const bad = await api(h.baseUrl, '/api/signals?status=gesloten', { token: mt });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.field).toBe('status');
    expect(JSON.stringify(bad.body)).not.toMatch(/at |\.ts|stack/i);
  });
});
