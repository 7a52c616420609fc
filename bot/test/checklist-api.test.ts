import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUIREMENT_IDS } from '@weerbaar/shared';
import { api, personOf, startTestInstance, type TestInstance } from './support/instance-harness.js';

const BORNE = '0147';
const HENGELO = '0164';

type Item = {
  requirementId: string;
  status: string;
  recordedStatus: string;
  etag: string;
  explanation: string | null;
  evidence: { title: string; url: string }[];
  actions: { what: string; who: string; due: string | null; done: boolean }[];
  derived: { source: string; status: string; detailNl: string } | null;
  derivedOverride: boolean;
  overrideReason: string | null;
};
type Checklist = { municipalityCode: string; items: Item[]; themes: { themeId: number; total: number; voldaan: number }[]; canEdit: boolean };

/**
 * The working checklist over the instance's HTTP API: who reads and who edits, the eTag on
 * every change, the history, the derived requirements, and bad input that changes nothing.
 */
describe('the working checklist API', () => {
  let borne: TestInstance;
  const token: Record<string, string> = {};
  const get = async (who: string) => (await api(borne.baseUrl, '/api/checklist', { token: token[who] })).body as unknown as Checklist;
  const itemOf = async (id: string) => (await get('mtContact')).items.find((i) => i.requirementId === id)!;
  const patch = (who: string, id: string, etag: string | undefined, body: unknown) =>
    api(borne.baseUrl, `/api/checklist/${id}`, { method: 'PATCH', token: token[who], body, headers: etag ? { 'if-match': `"${etag}"` } : {} });

  beforeAll(async () => {
    borne = await startTestInstance({ codes: [BORNE] });
    for (const [who, role] of [
      ['mtContact', 'mt-contact'],
      ['deputy', 'mt-deputy'],
      ['coordinator', 'coordinator'],
      ['secretary', 'secretary'],
      ['appAdmin', 'app-admin'],
      ['privacyOfficer', 'privacy-officer'],
      ['head', 'department-head'],
      ['employee', 'employee'],
    ] as const) {
      token[who] = await borne.login(personOf(BORNE, role).upn);
    }
  });
  afterAll(async () => {
    await borne?.close();
  });

  describe('the visibility matrix', () => {
    it.each([
      { who: 'mtContact', read: 200, edit: 200 },
      { who: 'appAdmin', read: 200, edit: 200 },
      { who: 'deputy', read: 200, edit: 403 },
      { who: 'coordinator', read: 200, edit: 403 },
      { who: 'secretary', read: 200, edit: 403 },
      { who: 'privacyOfficer', read: 403, edit: 403 },
      { who: 'head', read: 403, edit: 403 },
      { who: 'employee', read: 403, edit: 403 },
    ])('$who reads $read, edits $edit', async ({ who, read, edit }) => {
      const list = await api(borne.baseUrl, '/api/checklist', { token: token[who] });
      expect(list.status).toBe(read);
      expect((await api(borne.baseUrl, '/api/checklist/2a/history', { token: token[who] })).status).toBe(read);
      if (read === 200) expect((list.body as unknown as Checklist).canEdit).toBe(edit === 200);
      const item = await itemOf('3d');
      const res = await patch(who, '3d', item.etag, { explanation: `Bijgewerkt door ${who}` });
      expect(res.status).toBe(edit);
    });

    it("answers another municipality's checklist as unknown, and refuses callers without a token", async () => {
      expect((await api(borne.baseUrl, `/api/checklist?municipality=${HENGELO}`, { token: token.mtContact })).status).toBe(404);
      expect((await api(borne.baseUrl, '/api/checklist')).status).toBe(401);
    });
  });

  it('shows the 20 requirements in 5 themes, created as "onbekend" on first read', async () => {
    const checklist = await get('secretary');
    expect(checklist.municipalityCode).toBe(BORNE);
    expect(checklist.items.map((i) => i.requirementId)).toEqual([...REQUIREMENT_IDS]);
    expect(checklist.themes.map((t) => t.total)).toEqual([4, 5, 7, 3, 1]);
    expect(checklist.items.find((i) => i.requirementId === '4b')?.recordedStatus).toBe('onbekend');
  });

  it('saves a change with the eTag, refuses a stale or missing one, and keeps the history', async () => {
    const before = await itemOf('3a');
    const body = {
      status: 'deels',
      explanation: 'Ondermijning staat in het IVP 2025-2028, nog zonder uitwerking.',
      owner: 'Noor Olthof',
      evidence: [{ title: 'Integraal veiligheidsplan', url: 'https://borne.sharepoint.example/ivp.pdf' }],
      actions: [{ what: 'Uitvoeringsparagraaf schrijven', who: 'noor.olthof@borne.example', due: '2027-03-01', done: false }],
    };
    const saved = await patch('mtContact', '3a', before.etag, body);
    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).toBe(`"${String(saved.body.etag)}"`);
    expect(saved.body).toMatchObject({ status: 'deels', owner: 'Noor Olthof', evidence: body.evidence, actions: body.actions });

    const stale = await patch('appAdmin', '3a', before.etag, { status: 'voldaan' });
    expect(stale.status).toBe(412);
    expect((await patch('appAdmin', '3a', undefined, { status: 'voldaan' })).status).toBe(428);
    expect((await itemOf('3a')).status).toBe('deels');

    const history = await api(borne.baseUrl, '/api/checklist/3a/history', { token: token.secretary });
    const entries = history.body.entries as { changedBy: string; changes: { field: string; from: string | null; to: string | null }[] }[];
    expect(entries).toHaveLength(1);
    expect(entries[0]?.changedBy).toBe(personOf(BORNE, 'mt-contact').upn.toLowerCase());
    expect(entries[0]?.changes).toContainEqual({ field: 'status', from: 'onbekend', to: 'deels' });
    expect(entries[0]?.changes.map((c) => c.field).sort()).toEqual(['actions', 'evidence', 'explanation', 'owner', 'status']);
  });

  describe('bad input: a clear error naming the field, and nothing changed', () => {
    it.each([
      { name: 'an unknown requirement id', id: '6z', body: { status: 'voldaan' }, field: 'requirementId' },
      { name: 'a status outside the list', id: '4a', body: { status: 'bijna' }, field: 'status' },
      { name: 'a javascript: evidence link', id: '4a', body: { evidence: [{ title: 'x', url: 'javascript:alert(1)' }] }, field: 'evidence.0.url' },
      { name: 'a file: evidence link', id: '4a', body: { evidence: [{ title: 'x', url: 'file:///c:/geheim.docx' }] }, field: 'evidence.0.url' },
      { name: 'an action without what', id: '4a', body: { actions: [{ what: '', who: '', due: null, done: false }] }, field: 'actions.0.what' },
      { name: 'an unknown field', id: '4a', body: { colour: 'red' }, field: 'colour' },
    ])('$name', async ({ id, body, field }) => {
      const before = await get('mtContact');
      const etag = before.items.find((i) => i.requirementId === '4a')!.etag;
      const res = await patch('mtContact', id, etag, body);
      expect(res.status).toBe(400);
      expect(res.body.error?.field).toBe(field);
      expect(res.body.error?.message).toContain(field);
      expect(await get('mtContact')).toEqual(before);
      expect((await api(borne.baseUrl, '/api/checklist/4a/history', { token: token.mtContact })).body.entries).toEqual([]);
    });
  });

  describe('derived requirements', () => {
    it('derives 1c from the configured MT contact and 2b from the live signal channel, with their source', async () => {
      const items = (await get('secretary')).items;
      expect(items.find((i) => i.requirementId === '1c')?.derived).toMatchObject({ source: 'mt-contact-configured', status: 'voldaan' });
      expect(items.find((i) => i.requirementId === '2b')?.derived).toMatchObject({ source: 'signal-channel-live', status: 'voldaan' });
      expect(items.find((i) => i.requirementId === '1c')?.status).toBe('voldaan');
      expect(items.find((i) => i.requirementId === '2a')?.derived).toBeNull();
    });

    it('derives 1a from the agenda registrations: none, then some departments', async () => {
      expect((await itemOf('1a')).derived).toMatchObject({ source: 'agenda-registrations', status: 'niet-voldaan' });
      const overview = await api(borne.baseUrl, '/api/agenda', { token: token.mtContact });
      const department = (overview.body.departments as { departmentId: string }[])[0]!;
      const res = await api(borne.baseUrl, `/api/agenda/${department.departmentId}/registrations`, {
        method: 'POST',
        token: token.mtContact,
        body: { kind: 'besproken', date: new Date().toISOString().slice(0, 10) },
      });
      expect(res.status).toBe(201);
      const item = await itemOf('1a');
      expect(item.derived).toMatchObject({ status: 'deels' });
      expect(item.status).toBe('deels');
    });

    it('needs an override with a reason to set a derived status, keeps the reason, and can return to the derived one', async () => {
      let item = await itemOf('1c');
      const noOverride = await patch('mtContact', '1c', item.etag, { status: 'deels' });
      expect(noOverride.status).toBe(400);
      expect(noOverride.body.error?.field).toBe('status');
      const noReason = await patch('mtContact', '1c', item.etag, { status: 'deels', derivedOverride: true });
      expect(noReason.status).toBe(400);
      expect(noReason.body.error?.field).toBe('overrideReason');

      const reason = 'Het MT-aanspreekpunt is aangewezen maar nog niet bekendgemaakt aan het personeel.';
      const overridden = await patch('mtContact', '1c', item.etag, { status: 'deels', derivedOverride: true, overrideReason: reason });
      expect(overridden.status).toBe(200);
      expect(overridden.body).toMatchObject({ status: 'deels', derivedOverride: true, overrideReason: reason, derived: { status: 'voldaan' } });

      item = await itemOf('1c');
      const back = await patch('appAdmin', '1c', item.etag, { derivedOverride: false });
      expect(back.body).toMatchObject({ status: 'voldaan', derivedOverride: false, overrideReason: null });
      const history = await api(borne.baseUrl, '/api/checklist/1c/history', { token: token.mtContact });
      const changes = (history.body.entries as { changes: { field: string; from: string | null; to: string | null }[] }[]).flatMap((e) => e.changes);
      expect(changes).toContainEqual({ field: 'overrideReason', from: null, to: reason });
      expect(changes).toContainEqual({ field: 'overrideReason', from: reason, to: null });
    });

    it('says 1c is not met once no MT contact is configured', async () => {
      const roles = await api(borne.baseUrl, `/api/organisation/${BORNE}/roles`, { token: token.appAdmin });
      for (const role of (roles.body.items as { id: string; etag: string; Role: string }[]).filter((r) => r.Role === 'mt-contact')) {
        const res = await api(borne.baseUrl, `/api/organisation/${BORNE}/roles/${role.id}`, { method: 'DELETE', token: token.appAdmin, headers: { 'if-match': `"${role.etag}"` } });
        expect(res.status).toBe(204);
      }
      expect((await itemOf('1c')).derived).toMatchObject({ status: 'niet-voldaan' });
    });
  });
});
