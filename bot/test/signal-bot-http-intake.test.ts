import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeChannel, teamsActivity, type FakeChannel } from './support/fake-channel.js';
import { personOf, startTestInstance, tenantOf, type TestInstance } from './support/instance-harness.js';
import { TeamsUser, cardIn, cardSubmit, postActivity, submissionIdIn } from './support/teams-user.js';

const HENGELO = '0164';

function countSignals(instance: TestInstance): number {
  const db = new BetterSqlite3(path.join(instance.dataDir, 'tenant-0164', 'service.db'), { readonly: true });
  try {
    return Number(db.prepare('SELECT count(*) FROM signals').pluck().get());
  } finally {
    db.close();
  }
}

describe('the signal bot over HTTP, acting as the Teams channel', () => {
  let instance: TestInstance;
  let channel: FakeChannel;
  let mtContact: TeamsUser;

  beforeAll(async () => {
    channel = await startFakeChannel();
    instance = await startTestInstance({ codes: [HENGELO] });
    mtContact = new TeamsUser(instance, channel, personOf(HENGELO, 'mt-contact'), HENGELO);
    await mtContact.install();
  });
  afterAll(async () => {
    await instance?.close();
    await channel?.close();
  });

  it('takes a full intake: card, reference at once, and a notification to the MT contact without the content', async () => {
    const reporter = new TeamsUser(instance, channel, personOf(HENGELO, 'employee', 0), HENGELO);
    const opened = await reporter.send({ text: 'melden' }, 2);
    expect(opened[0]?.body.text).toMatch(/Fijn dat je iets wilt melden/);
    const submissionId = submissionIdIn(opened);
    expect(cardIn(opened)).toMatchObject({ version: '1.5' });

    const [confirmation] = await reporter.send({ value: cardSubmit(submissionId) });
    const reference = /kenmerk \*\*(HGL-\d{4}-\d{4})\*\*/.exec(confirmation?.body.text ?? '')?.[1];
    expect(reference).toBeDefined();

    const [notice] = (await mtContact.waitFor((all) => all.some((a) => a.body.text?.includes(reference!)))).filter((a) => a.body.text?.includes(reference!));
    expect(notice?.body.text).toMatch(/Nieuw signaal van ondermijning/);
    expect(notice?.body.text).toContain('Witwassen');
    expect(notice?.body.text).toMatch(/\/workbench/);
    expect(notice?.body.text).not.toContain('kanarie-omschrijving');
    expect(notice?.body.text).not.toContain('balie');
  });

  it('creates one signal and one notification for a redelivered activity and a resubmitted card', async () => {
    const reporter = new TeamsUser(instance, channel, personOf(HENGELO, 'employee', 1), HENGELO);
    const submissionId = submissionIdIn(await reporter.send({ text: 'melden' }, 2));
    const signalsBefore = countSignals(instance);
    const submit = { value: cardSubmit(submissionId, { category: 'drugs' }), id: `submit-${submissionId}` };
    const [first] = await reporter.send(submit);
    const reference = /kenmerk \*\*(HGL-\d{4}-\d{4})\*\*/.exec(first?.body.text ?? '')?.[1]!;

    // Teams redelivers the same activity: the bot answers nothing the second time.
    const repliesBefore = reporter.received().length;
    await reporter.send(submit, 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(reporter.received()).toHaveLength(repliesBefore);
    // The reporter presses the button of the old card again (a new activity, same submissionId).
    const [again] = await reporter.send({ value: cardSubmit(submissionId, { category: 'drugs' }) });
    expect(again?.body.text).toMatch(new RegExp(`al ontvangen onder kenmerk \\*\\*${reference}\\*\\*`));

    expect(countSignals(instance)).toBe(signalsBefore + 1);
    await mtContact.waitFor((all) => all.some((a) => a.body.text?.includes(reference)));
    await new Promise((r) => setTimeout(r, 2500)); // one more outbox run
    expect(mtContact.received().filter((a) => a.body.text?.includes(reference))).toHaveLength(1);
  });

  it('refuses a tenant it does not serve, politely', async () => {
    const stranger = personOf('0153', 'employee');
    const before = channel.received.length;
    await postActivity(instance, teamsActivity({ serviceUrl: channel.url, tenantId: tenantOf('0153'), objectId: stranger.objectId, text: 'melden' }));
    const replies = (await channel.waitFor(before + 1)).slice(before);
    expect(replies[0]?.body.text).toMatch(/hoort bij een andere organisatie/);
    expect(replies).toHaveLength(1);
  });
});

describe('a restart in the middle of an intake', () => {
  it('resumes at the last answered step and sends the signal once complete', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'weerbaar-restart-'));
    const channel = await startFakeChannel();
    const person = personOf(HENGELO, 'employee', 2);
    try {
      const first = await startTestInstance({ codes: [HENGELO], dataDir });
      const before = new TeamsUser(first, channel, person, HENGELO);
      await before.send({ text: 'melden' }, 2);
      await before.send({ text: 'ik typ het liever' }, 2);
      await before.send({ text: '4' });
      const [askedWhere] = await before.send({ text: 'Een zorgaanbieder declareert zorg die cliënten nooit kregen.' });
      expect(askedWhere?.body.text).toMatch(/Waar was het\?/);
      await first.close();

      const second = await startTestInstance({ codes: [HENGELO], dataDir });
      const after = new TeamsUser(second, channel, person, HENGELO);
      const [askedWhen] = await after.send({ text: 'Zorgwoning aan de Enschedesestraat' });
      expect(askedWhen?.body.text).toMatch(/Wanneer was het\?/);
      for (const answer of ['sinds de zomer', 'nee', 'nee', 'nee']) await after.send({ text: answer });
      const [summary] = await after.send({ text: '1' });
      expect(summary?.body.text).toMatch(/Categorie: Zorgfraude[\s\S]*Wat: Een zorgaanbieder declareert/);
      const [done] = await after.send({ text: 'versturen' });
      expect(done?.body.text).toMatch(/ontvangen onder kenmerk \*\*HGL-\d{4}-0001\*\*/);
      expect(countSignals(second)).toBe(1);
      await second.close();
    } finally {
      await channel.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
