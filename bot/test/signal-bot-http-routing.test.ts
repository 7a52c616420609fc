import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dutchDateOf, addCalendarDays } from '@weerbaar/shared';
import { startFakeChannel, type FakeChannel } from './support/fake-channel.js';
import { api, personOf, startTestInstance, type TestInstance } from './support/instance-harness.js';
import { TeamsUser, cardSubmit, conversationOf, submissionIdIn } from './support/teams-user.js';

const HENGELO = '0164';
const people = {
  mtContact: personOf(HENGELO, 'mt-contact'),
  deputy: personOf(HENGELO, 'mt-deputy'),
  secretary: personOf(HENGELO, 'secretary'),
  coordinator: personOf(HENGELO, 'coordinator'),
  appAdmin: personOf(HENGELO, 'app-admin'),
};

/** Reports a signal through the card and returns its reference. */
async function report(user: TeamsUser, overrides: Record<string, unknown> = {}): Promise<string> {
  const submissionId = submissionIdIn(await user.send({ text: 'melden' }, 2));
  const [confirmation] = await user.send({ value: cardSubmit(submissionId, overrides) });
  const reference = /kenmerk \*\*(HGL-\d{4}-\d{4})\*\*/.exec(confirmation?.body.text ?? '')?.[1];
  if (!reference) throw new Error(`no reference in: ${confirmation?.body.text}`);
  return reference;
}

/** Waits until every `expected` user has a message naming `reference`, then one more outbox run. */
async function notified(reference: string, expected: TeamsUser[]): Promise<void> {
  for (const user of expected) await user.waitFor(() => user.mentioning(reference).length > 0, 12_000);
  await new Promise((r) => setTimeout(r, 2500));
}

describe('routing of the new-signal notification (all staff have the app)', () => {
  let instance: TestInstance;
  let channel: FakeChannel;
  const users = {} as Record<keyof typeof people, TeamsUser>;

  beforeAll(async () => {
    channel = await startFakeChannel();
    instance = await startTestInstance({ codes: [HENGELO] });
    for (const [role, person] of Object.entries(people)) {
      users[role as keyof typeof people] = new TeamsUser(instance, channel, person, HENGELO);
      await users[role as keyof typeof people].install();
    }
  });
  afterAll(async () => {
    await instance?.close();
    await channel?.close();
  });

  it('a signal concerning the MT contact goes to the deputy and the secretary, not to the MT contact', async () => {
    const reporter = new TeamsUser(instance, channel, personOf(HENGELO, 'employee', 0), HENGELO);
    const reference = await report(reporter, { concernsMtContact: 'true' });
    await notified(reference, [users.deputy, users.secretary]);
    expect(users.deputy.mentioning(reference)[0]?.body.text).toMatch(/dit signaal over het MT-aanspreekpunt gaat/);
    // The secretary's Teams is set to English.
    expect(users.secretary.mentioning(reference)[0]?.body.text).toMatch(/New signal of subversive crime[\s\S]*concerns the MT contact/);
    expect(users.mtContact.mentioning(reference)).toEqual([]);
    expect(users.coordinator.mentioning(reference)).toEqual([]);
  });

  it('an absent MT contact: the deputy gets it instead', async () => {
    const token = await instance.login(people.appAdmin.upn);
    const today = dutchDateOf(new Date());
    const absence = await api(instance.baseUrl, `/api/organisation/${HENGELO}/absences`, {
      method: 'POST',
      token,
      body: { personUpn: people.mtContact.upn, startsOn: today, endsOn: addCalendarDays(today, 3), description: 'Vakantie' },
    });
    expect(absence.status).toBe(201);
    const reporter = new TeamsUser(instance, channel, personOf(HENGELO, 'employee', 1), HENGELO);
    const reference = await report(reporter);
    await notified(reference, [users.deputy]);
    expect(users.deputy.mentioning(reference)[0]?.body.text).toMatch(/omdat het MT-aanspreekpunt afwezig is/);
    expect(users.mtContact.mentioning(reference)).toEqual([]);
    const removed = await api(instance.baseUrl, `/api/organisation/${HENGELO}/absences/${String(absence.body['id'])}`, {
      method: 'DELETE',
      token,
      headers: { 'if-match': `"${String(absence.body['etag'])}"` },
    });
    expect(removed.status).toBe(204);
  });

  it('Teams answers 403 for the MT contact: the deputy gets it and the app admin is told, without content', async () => {
    channel.refuseConversation(conversationOf(people.mtContact), 403);
    const reporter = new TeamsUser(instance, channel, personOf(HENGELO, 'employee', 2), HENGELO);
    const reference = await report(reporter, { category: 'intimidatie' });
    await notified(reference, [users.deputy]);
    const [rerouted] = users.deputy.mentioning(reference);
    expect(rerouted?.body.text).toMatch(/Nieuw signaal van ondermijning/);
    expect(rerouted?.body.text).toMatch(/oorspronkelijke ontvanger in Teams niet bereikbaar/);
    const adminNotice = await users.appAdmin.waitFor((all) => all.some((a) => a.body.text?.includes(people.mtContact.displayName)));
    const [told] = adminNotice.filter((a) => a.body.text?.includes(people.mtContact.displayName));
    expect(told?.body.text).toMatch(/kon in Teams niet worden afgeleverd/);
    expect(told?.body.text).toContain(people.deputy.displayName);
    expect(told?.body.text).not.toContain(reference);
    expect(told?.body.text).not.toMatch(/Intimidatie|kanarie/);
  });
});

describe('a recipient the bot has no conversation with', () => {
  let instance: TestInstance;
  let channel: FakeChannel;

  beforeAll(async () => {
    channel = await startFakeChannel();
    instance = await startTestInstance({ codes: [HENGELO] });
  });
  afterAll(async () => {
    await instance?.close();
    await channel?.close();
  });

  it('is never a silent drop: the deputy gets the notice and the app admin is told', async () => {
    const deputy = new TeamsUser(instance, channel, people.deputy, HENGELO);
    const appAdmin = new TeamsUser(instance, channel, people.appAdmin, HENGELO);
    await deputy.install();
    await appAdmin.install();
    const reporter = new TeamsUser(instance, channel, personOf(HENGELO, 'employee', 3), HENGELO);
    const reference = await report(reporter);
    await notified(reference, [deputy]);
    const told = await appAdmin.waitFor((all) => all.some((a) => a.body.text?.includes(people.mtContact.displayName)));
    const notice = told.find((a) => a.body.text?.includes(people.mtContact.displayName));
    expect(notice?.body.text).toMatch(/de app is voor die persoon niet \(meer\) geïnstalleerd/);
    expect(notice?.body.text).not.toContain(reference);
  });
});
