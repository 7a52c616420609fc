import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LearningCompletionDto } from '@weerbaar/shared';
import { startFakeChannel, teamsActivity, type FakeChannel } from './support/fake-channel.js';
import { api, personOf, seed, startTestInstance, tenantOf, type TestInstance } from './support/instance-harness.js';
import { postActivity } from './support/teams-user.js';
import { LearningUser, textOf, type QuestionCard } from './support/learning-user.js';

const HENGELO = '0164';
const TOTAL = 8;

function upnOf(role: string): string {
  return personOf(HENGELO, role).upn;
}

async function switchRecordingOn(instance: TestInstance): Promise<void> {
  const token = await instance.login(upnOf('app-admin'));
  const res = await api(instance.baseUrl, `/api/organisation/${HENGELO}/settings/learning-recording`, {
    method: 'PUT',
    token,
    body: { enabled: true, basis: 'Instemming OR 12 maart 2026, kenmerk OR-2026-07' },
  });
  expect(res.status).toBe(200);
}

/** Answers questions until `stopAfter` are answered or the module ends; returns the last replies. */
async function answerQuestions(
  user: LearningUser,
  first: QuestionCard,
  pick: (question: QuestionCard) => string,
  stopAfter: number,
): Promise<{ last: Awaited<ReturnType<LearningUser['answer']>>; next: QuestionCard | undefined; answered: number }> {
  let question: QuestionCard | undefined = first;
  let last: Awaited<ReturnType<LearningUser['answer']>> = [];
  let answered = 0;
  while (question && answered < stopAfter) {
    last = await user.answer(question, pick(question));
    answered += 1;
    // The pressed card is updated in place (a PUT to its activity id) with the feedback.
    const update = last.find((a) => a.body.id === question?.activityId);
    expect(update, `feedback in place of card ${answered}`).toBeDefined();
    question = user.question(last);
  }
  return { last, next: question, answered };
}

describe('the learning module in Teams, walked through the real instance', () => {
  let dataDir: string;
  let channel: FakeChannel;
  let instance: TestInstance;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'weerbaar-learning-'));
    channel = await startFakeChannel();
    instance = await startTestInstance({ codes: [HENGELO], dataDir });
    await switchRecordingOn(instance);
  });
  afterAll(async () => {
    await instance?.close();
    await channel?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function restart(...users: LearningUser[]): Promise<void> {
    await instance.close();
    instance = await startTestInstance({ codes: [HENGELO], dataDir });
    for (const user of users) user.instance = instance;
  }

  it('Dutch: "leren" starts it, "later" pauses, "verder" resumes after a restart, and it ends with how to report', async () => {
    const jan = new LearningUser(instance, channel, personOf(HENGELO, 'employee', 0), HENGELO, 'nl-NL');
    const opening = await jan.say('leren', 3);
    expect(textOf(opening)).toContain('Signalen van ondermijning herkennen');
    expect(textOf(opening)).toContain('ongeveer 10 minuten');
    const first = jan.question(opening);
    expect(first?.card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(textOf(opening)).toContain(`Vraag 1 van ${TOTAL}`);

    const good = (q: QuestionCard) => q.options[q.options.length > 2 ? 2 : 1]?.id ?? '';
    const part = await answerQuestions(jan, first!, good, 3);
    expect(textOf(part.last)).toContain('Waarom?');
    expect(textOf(part.last)).toContain(`Vraag 4 van ${TOTAL}`);

    const paused = await jan.say('later', 1);
    expect(textOf(paused)).toContain(`Gepauzeerd bij vraag 4 van ${TOTAL}`);

    await restart(jan);
    const resumed = await jan.say('verder', 2);
    expect(textOf(resumed)).toContain(`vraag 4 van ${TOTAL}`);
    const fourth = jan.question(resumed);
    expect(fourth?.scenarioId).toBe(part.next?.scenarioId);

    const rest = await answerQuestions(jan, fourth!, (q) => q.options[0]?.id ?? '', TOTAL);
    expect(rest.answered).toBe(TOTAL - 3);
    expect(rest.next).toBeUndefined();
    const finish = textOf(rest.last);
    for (const needle of ['Dit neem je mee', 'Zo meld je een signaal', 'melden', '/melden', '0800-7000', '112', 'Klaar!']) {
      expect(finish).toContain(needle);
    }
    expect(finish).toContain('Vastgelegd is alleen dát je de module hebt afgerond');

    // After the end the module is over: an old card is stale, and "verder" is no learning word any more.
    const afterwards = await jan.answer(fourth!, fourth!.options[0]?.id ?? '', 1);
    expect(textOf(afterwards)).toContain('Er loopt nu geen leermodule');

    // The head of Jan's department sees that (and when) Jan completed it, by name.
    const headOfVergunningen = seed.people.find((p) => p.municipalityCode === HENGELO && p.department === 'Vergunningen' && p.roles.includes('department-head'));
    const view = (await api(instance.baseUrl, '/api/learning/completion', { token: await instance.login(headOfVergunningen?.upn ?? '') })).body as unknown as LearningCompletionDto;
    const vergunningen = view.municipalities[0]?.departments.find((d) => d.name === 'Vergunningen');
    expect(vergunningen?.people?.find((p) => p.upn === jan.person.upn)?.completedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('English: "learn", a pause from the card button, "continue" after a restart, all in English', async () => {
    const niels = new LearningUser(instance, channel, personOf(HENGELO, 'employee', 4), HENGELO, 'en-US');
    expect(niels.person.locale).toBe('en-US');
    const opening = await niels.say('learn', 3);
    expect(textOf(opening)).toContain('Recognising signs of subversive crime');
    expect(textOf(opening)).toContain(`Question 1 of ${TOTAL}`);
    const first = niels.question(opening)!;

    const part = await answerQuestions(niels, first, (q) => q.options[0]?.id ?? '', 2);
    expect(textOf(part.last)).toContain('Why?');
    const paused = await niels.press({ action: 'learning.pause' }, part.next?.activityId, 1);
    expect(textOf(paused)).toContain(`Paused at question 3 of ${TOTAL}`);

    await restart(niels);
    const resumed = await niels.say('continue', 2);
    expect(textOf(resumed)).toContain(`question 3 of ${TOTAL}`);
    const rest = await answerQuestions(niels, niels.question(resumed)!, (q) => q.options[1]?.id ?? '', TOTAL);
    expect(rest.answered).toBe(TOTAL - 2);
    const finish = textOf(rest.last);
    for (const needle of ['What to take away', 'How to report a signal', 'report', '0800-7000', '112', 'Done!']) expect(finish).toContain(needle);
    expect(finish).not.toContain('Dit neem je mee');
  });

  it('a second press on an answered card changes nothing; a redelivered answer is answered once', async () => {
    const karin = new LearningUser(instance, channel, personOf(HENGELO, 'employee', 1), HENGELO, 'nl-NL');
    const first = karin.question(await karin.say('training', 3))!;
    const option = first.options[0]?.id ?? '';
    const answered = await karin.answer(first, option, 2, 'same-activity-id');
    const second = karin.question(answered)!;
    expect(second.scenarioId).not.toBe(first.scenarioId);
    expect(await karin.answer(first, option, 0, 'same-activity-id')).toHaveLength(0);
    const stale = await karin.answer(first, option, 2);
    expect(textOf(stale)).toContain('Die vraag heb je al beantwoord');
    expect(karin.question(stale)?.scenarioId).toBe(second.scenarioId);
  });

  it('the welcome message carries a button that starts the module', async () => {
    const luuk = new LearningUser(instance, channel, personOf(HENGELO, 'employee', 2), HENGELO, 'nl-NL');
    const install = teamsActivity({ serviceUrl: channel.url, tenantId: tenantOf(HENGELO), objectId: luuk.person.objectId, type: 'conversationUpdate', membersAdded: [{ id: '28:weerbaar-twente-bot' }] });
    await postActivity(instance, install);
    // Teams may deliver the same update twice: one welcome, one button.
    await postActivity(instance, install);
    const deadline = Date.now() + 5000;
    while (!textOf(luuk.received()).includes('"learning.start"') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    expect(textOf(luuk.received())).toContain('Start de leermodule');
    expect(luuk.received().filter((a) => JSON.stringify(a.body.attachments ?? []).includes('"learning.start"'))).toHaveLength(1);
    const started = await luuk.press({ action: 'learning.start' }, undefined, 3);
    expect(luuk.question(started)?.options.length).toBeGreaterThanOrEqual(2);
  });
});
