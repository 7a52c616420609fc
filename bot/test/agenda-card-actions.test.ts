import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAll, type Person } from '@weerbaar/shared';
import { openSqliteOrganisationStore } from '../src/stores/sqlite/index.js';
import { startFakeChannel, teamsActivity, type CapturedActivity, type FakeChannel } from './support/fake-channel.js';
import { api, personOf, startTestInstance, tenantOf, type TestInstance } from './support/instance-harness.js';
import { TeamsUser, cardIn, conversationOf, postActivity } from './support/teams-user.js';

/**
 * The nudge card in Teams, through a real instance and the fake Teams channel: the
 * scheduled job sends it after a clock jump, its buttons update it in place (an invoke
 * answer for Action.Execute, a PUT of the same activity for Action.Submit), and pressing
 * twice records once. Overdue departments escalate to the MT contact.
 */
const HENGELO = '0164';
const head = personOf(HENGELO, 'department-head', 0); // Frank Blokhuis, Bestuur en Bedrijfsvoering
const mtContact = personOf(HENGELO, 'mt-contact');
const employee = personOf(HENGELO, 'employee', 0);

type Card = { body?: { text?: string; items?: { text?: string }[] }[]; actions?: CardAction[] };
type CardAction = { type: string; title?: string; verb?: string; data?: Record<string, unknown>; card?: Card };

let channel: FakeChannel;
let instance: TestInstance;
let headUser: TeamsUser;
let mtUser: TeamsUser;

async function setClock(iso: string): Promise<void> {
  const res = await api(instance.baseUrl, '/dev/clock', { method: 'POST', body: { now: iso } });
  expect(res.status).toBe(200);
}

function cardText(card: Card | undefined): string {
  return (card?.body ?? []).map((b) => [b.text ?? '', ...(b.items ?? []).map((i) => i.text ?? '')].join(' ')).join(' ');
}

/** The Execute action of a card: top level, or inside a ShowCard. */
function execute(card: Card, verb: string): Record<string, unknown> {
  for (const action of card.actions ?? []) {
    if (action.verb === verb && action.data) return action.data;
    for (const inner of action.card?.actions ?? []) if (inner.verb === verb && inner.data) return inner.data;
  }
  throw new Error(`no ${verb} on the card`);
}

/** New agenda cards in the chat (other features, such as the learning invitation, may post too). */
function posts(user: TeamsUser): CapturedActivity[] {
  return user.received().filter((a) => a.method === 'POST' && cardText(cardIn([a]) as Card | undefined).includes('Ondermijning op de agenda van'));
}

function agendaCards(user: TeamsUser, department: string): { activity: CapturedActivity; card: Card }[] {
  return posts(user)
    .map((activity) => ({ activity, card: cardIn([activity]) as Card | undefined }))
    .filter((x): x is { activity: CapturedActivity; card: Card } => x.card !== undefined && cardText(x.card).includes(`Ondermijning op de agenda van ${department}`));
}

/** An Action.Execute press: the invoke's HTTP answer is the new card (or a message). */
async function invoke(person: Person, data: Record<string, unknown>, replyToId: string): Promise<{ statusCode: number; type: string; value: unknown }> {
  const activity = {
    ...teamsActivity({ serviceUrl: channel.url, tenantId: tenantOf(HENGELO), objectId: person.objectId, type: 'invoke', locale: 'en-US' }),
    name: 'adaptiveCard/action',
    replyToId,
    value: { action: { type: 'Action.Execute', verb: data['action'], data }, trigger: 'manual' },
  };
  const res = await fetch(`${instance.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  expect(res.status).toBe(200);
  return (await res.json()) as { statusCode: number; type: string; value: unknown };
}

async function registrations(departmentId: string) {
  const store = await openSqliteOrganisationStore({ file: path.join(instance.dataDir, `tenant-${HENGELO}`, 'organisation.db') });
  try {
    return await listAll(store, 'agendaRegistrations', { filter: { DepartmentId: departmentId } });
  } finally {
    await store.close();
  }
}

async function departmentId(token: string, name: string): Promise<string> {
  const overview = await api(instance.baseUrl, '/api/agenda', { token });
  const found = (overview.body['departments'] as { departmentId: string; name: string }[]).find((d) => d.name === name);
  if (!found) throw new Error(`no department ${name}`);
  return found.departmentId;
}

describe('the agenda nudge card in Teams', () => {
  let mtToken: string;
  let bestuur: string;

  beforeAll(async () => {
    channel = await startFakeChannel();
    instance = await startTestInstance({ codes: [HENGELO] });
    headUser = new TeamsUser(instance, channel, head, HENGELO);
    mtUser = new TeamsUser(instance, channel, mtContact, HENGELO);
    await headUser.install();
    await mtUser.install();
    await setClock('2027-03-01T09:00:00+01:00');
    mtToken = await instance.login(mtContact.upn);
    bestuur = await departmentId(mtToken, 'Bestuur en Bedrijfsvoering');
    // Discussed 15 April 2026: due 15 April 2027, so the first window opens Thursday 4 March.
    const registered = await api(instance.baseUrl, `/api/agenda/${bestuur}/registrations`, {
      method: 'POST',
      token: mtToken,
      body: { kind: 'besproken', date: '2026-04-15' },
    });
    expect(registered.status).toBe(201);
    await setClock('2027-03-04T09:31:00+01:00');
    await headUser.waitFor(() => agendaCards(headUser, 'Bestuur en Bedrijfsvoering').length > 0, 20_000);
  }, 120_000);

  afterAll(async () => {
    await instance?.close();
    await channel?.close();
  });

  it('reaches the head after the clock jump; "later" and "besproken" update that card, twice records once', async () => {
    const [nudge] = agendaCards(headUser, 'Bestuur en Bedrijfsvoering');
    if (!nudge) throw new Error('no nudge card');
    expect(cardText(nudge.card)).toMatch(/Zet ondermijning vóór 15 april 2027 op de agenda/);
    expect(JSON.stringify(nudge.card)).toContain('https://teams.microsoft.com/l/meeting/new?subject=');
    const postsBefore = posts(headUser).length;

    // Action.Execute: the invoke answers with the card to show in its place.
    const later = await invoke(head, execute(nudge.card, 'agenda.later'), nudge.activity.answeredId);
    expect(later).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(cardText(later.value as Card)).toMatch(/Ik herinner je er op 11 maart 2027 weer aan/);

    // Action.Submit: the bot updates the pressed card (PUT of the same activity id).
    const besproken = { ...execute(nudge.card, 'agenda.besproken'), discussedOn: '2027-03-03', notes: 'Voorbeelden doorgenomen', attendees: '9' };
    for (let press = 1; press <= 2; press += 1) {
      const activity = { ...teamsActivity({ serviceUrl: channel.url, tenantId: tenantOf(HENGELO), objectId: head.objectId, value: besproken }), replyToId: nudge.activity.answeredId };
      expect(await postActivity(instance, activity)).toBe(200);
      await headUser.waitFor((all) => all.filter((a) => a.method === 'PUT').length >= press);
    }
    const updates = headUser.received().filter((a) => a.method === 'PUT');
    expect(updates.map((a) => decodeURIComponent(a.path))).toEqual(
      Array(2).fill(`/v3/conversations/${conversationOf(head)}/activities/${nudge.activity.answeredId}`),
    );
    for (const update of updates) expect(cardText(cardIn([update]) as Card)).toMatch(/Besproken op 3 maart 2027: geregistreerd/);
    expect(posts(headUser)).toHaveLength(postsBefore);
    const fromCard = (await registrations(bestuur)).filter((r) => r.fields.Source === 'kaart');
    expect(fromCard.map((r) => [r.fields.Kind, r.fields.Date, r.fields.Attendees, r.fields.Notes])).toEqual([['besproken', '2027-03-03', 9, 'Voorbeelden doorgenomen']]);

    // A week later the reminder is moot: the discussion is registered.
    await setClock('2027-03-11T10:31:00+01:00');
    await new Promise((r) => setTimeout(r, 4500));
    expect(posts(headUser)).toHaveLength(postsBefore);
    // Tokens live an hour on the instance's clock: sign in again after the jump.
    mtToken = await instance.login(mtContact.upn);
    const overview = await api(instance.baseUrl, '/api/agenda', { token: mtToken });
    expect((overview.body['departments'] as Record<string, unknown>[]).find((d) => d['departmentId'] === bestuur)).toMatchObject({
      lastDiscussedOn: '2027-03-03',
      dueDate: '2028-03-03',
      state: 'op-tijd',
    });
  }, 60_000);

  it('escalates overdue departments to the MT contact, who can record from the card (once)', async () => {
    await mtUser.waitFor(() => agendaCards(mtUser, 'Vergunningen').length > 0, 20_000);
    const [escalation] = agendaCards(mtUser, 'Vergunningen');
    if (!escalation) throw new Error('no escalation card');
    expect(cardText(escalation.card)).toMatch(/Vergunningen heeft ondermijning nog niet besproken: de termijn verliep op/);
    expect(agendaCards(mtUser, 'Vergunningen')).toHaveLength(1);
    const vergunningen = await departmentId(mtToken, 'Vergunningen');
    const postsBefore = posts(mtUser).length;
    const data = { ...execute(escalation.card, 'agenda.besproken'), discussedOn: '2027-03-02' };
    const answers = [await invoke(mtContact, data, escalation.activity.answeredId), await invoke(mtContact, data, escalation.activity.answeredId)];
    for (const answer of answers) expect(cardText(answer.value as Card)).toMatch(/Besproken op 2 maart 2027/);
    expect((await registrations(vergunningen)).map((r) => [r.fields.Kind, r.fields.Date, r.fields.Source])).toEqual([['besproken', '2027-03-02', 'kaart']]);
    expect(posts(mtUser)).toHaveLength(postsBefore);
  }, 60_000);

  it('refuses a press by someone who is not head, deputy or MT contact, and records nothing', async () => {
    const [nudge] = agendaCards(headUser, 'Bestuur en Bedrijfsvoering');
    if (!nudge) throw new Error('no nudge card');
    const before = (await registrations(bestuur)).length;
    const answer = await invoke(employee, { ...execute(nudge.card, 'agenda.besproken'), nonce: 'someone-else:besproken', discussedOn: '2027-03-04' }, nudge.activity.answeredId);
    expect(answer).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(String(answer.value)).toMatch(/Dit kan ik niet registreren/);
    expect(await registrations(bestuur)).toHaveLength(before);
  });

  it('a discussion registered in the web part updates the card already in the chat, in place', async () => {
    await mtUser.waitFor(() => agendaCards(mtUser, 'Financiën').length > 0, 20_000);
    const [escalation] = agendaCards(mtUser, 'Financiën');
    if (!escalation) throw new Error('no escalation card');
    const putsBefore = mtUser.received().filter((a) => a.method === 'PUT').length;
    const postsBefore = posts(mtUser).length;
    mtToken = await instance.login(mtContact.upn);
    const financien = await departmentId(mtToken, 'Financiën');
    const res = await api(instance.baseUrl, `/api/agenda/${financien}/registrations`, {
      method: 'POST',
      token: mtToken,
      body: { kind: 'besproken', date: '2027-03-08', idempotencyKey: 'webpart-financien-0001' },
    });
    expect(res.status).toBe(201);
    await mtUser.waitFor((all) => all.filter((a) => a.method === 'PUT').length > putsBefore, 15_000);
    const update = mtUser.received().filter((a) => a.method === 'PUT').at(-1);
    expect(decodeURIComponent(update?.path ?? '')).toBe(`/v3/conversations/${conversationOf(mtContact)}/activities/${escalation.activity.answeredId}`);
    expect(cardText(cardIn(update ? [update] : []) as Card)).toMatch(/Besproken op 8 maart 2027/);
    expect(posts(mtUser)).toHaveLength(postsBefore);
  }, 60_000);
});
