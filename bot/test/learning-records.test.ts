import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LearningBandsDto, LearningCompletionDto, Person } from '@weerbaar/shared';
import { startFakeChannel, type FakeChannel } from './support/fake-channel.js';
import { api, personOf, seed, startTestInstance, type TestInstance } from './support/instance-harness.js';
import { LearningUser, textOf, type QuestionCard } from './support/learning-user.js';

const HENGELO = '0164';
const module = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../shared/learning/module-v1.json'), 'utf8')) as {
  scenarios: { id: string; options: { id: string; label: { nl: string }; feedback: { nl: string } }[] }[];
};

function seedPerson(upn: string): Person {
  const person = seed.people.find((p) => p.upn === upn);
  if (!person) throw new Error(`no ${upn}`);
  return person;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

/** Walks the whole module; `pick` chooses the answer per question. Returns the answers chosen. */
async function walk(user: LearningUser, pick: (q: QuestionCard) => string): Promise<{ scenarioId: string; optionId: string }[]> {
  let question = user.question(await user.say('leren', 3));
  const chosen: { scenarioId: string; optionId: string }[] = [];
  let last = [] as Awaited<ReturnType<LearningUser['answer']>>;
  while (question) {
    const optionId = pick(question);
    chosen.push({ scenarioId: question.scenarioId, optionId });
    last = await user.answer(question, optionId);
    question = user.question(last);
  }
  expect(textOf(last)).toMatch(/Klaar!|Done!/);
  return chosen;
}

async function setRecording(instance: TestInstance, upn: string, body: unknown) {
  return api(instance.baseUrl, `/api/organisation/${HENGELO}/settings/learning-recording`, { method: 'PUT', token: await instance.login(upn), body });
}

describe('what is recorded about the learning module', () => {
  let dataDir: string;
  let channel: FakeChannel;
  let instance: TestInstance;
  const admin = personOf(HENGELO, 'app-admin');

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'weerbaar-learning-records-'));
    channel = await startFakeChannel();
    instance = await startTestInstance({ codes: [HENGELO], dataDir });
  });
  afterAll(async () => {
    await instance?.close();
    await channel?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('records nothing while recording is off (the default), and says so', async () => {
    const setting = await api(instance.baseUrl, `/api/organisation/${HENGELO}/settings/learning-recording`, { token: await instance.login(admin.upn) });
    expect(setting.body).toMatchObject({ enabled: false, basis: null });
    const user = new LearningUser(instance, channel, seedPerson('olga.hofstede@hengelo.example'), HENGELO, 'nl-NL');
    await walk(user, (q) => q.options[0]?.id ?? '');
    expect(textOf(user.received())).toContain('Je antwoorden en je deelname zijn nergens vastgelegd.');
    const mt = await api(instance.baseUrl, '/api/learning/completion', { token: await instance.login(personOf(HENGELO, 'mt-contact').upn) });
    expect(mt.body).toMatchObject({ municipalities: [{ municipalityCode: HENGELO, recording: false, departments: [] }] });
  });

  it('only the app admin switches it on, and only with the works council consent as basis', async () => {
    expect((await setRecording(instance, personOf(HENGELO, 'mt-contact').upn, { enabled: true, basis: 'Instemming OR 2026-07' })).status).toBe(403);
    const withoutBasis = await setRecording(instance, admin.upn, { enabled: true });
    expect(withoutBasis.status).toBe(400);
    expect(withoutBasis.body.error?.field).toBe('basis');
    const other = await api(instance.baseUrl, '/api/organisation/0153/settings/learning-recording', { method: 'PUT', token: await instance.login(admin.upn), body: { enabled: true, basis: 'x'.repeat(10) } });
    expect(other.status).toBe(404);
    const on = await setRecording(instance, admin.upn, { enabled: true, basis: 'Instemming OR 12 maart 2026, kenmerk OR-2026-07' });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ enabled: true, basis: 'Instemming OR 12 maart 2026, kenmerk OR-2026-07', changedBy: admin.upn });
  });

  it('keeps per person only that and when: no answer, no score, and the dialog state is gone', async () => {
    const carla = new LearningUser(instance, channel, seedPerson('carla.morsink@hengelo.example'), HENGELO, 'nl-NL');
    // Distinctive answers: always the last option.
    const chosen = await walk(carla, (q) => q.options[q.options.length - 1]?.id ?? '');
    expect(chosen).toHaveLength(8);
    expect(textOf(carla.received())).toContain('Vastgelegd is alleen dát je de module hebt afgerond');
    await instance.close();

    const db = new BetterSqlite3(path.join(dataDir, 'tenant-0164', 'service.db'), { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM dialog_state').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
    const org = new BetterSqlite3(path.join(dataDir, 'tenant-0164', 'organisation.db'), { readonly: true });
    let records: Record<string, unknown>[];
    try {
      records = (org.prepare("SELECT fields FROM org_items WHERE list = 'learningCompletions'").pluck().all() as string[]).map((f) => JSON.parse(f) as Record<string, unknown>);
    } finally {
      org.close();
    }
    expect(records).toHaveLength(1);
    expect(Object.keys(records[0] ?? {}).sort()).toEqual(['CompletedOn', 'Department', 'ModuleVersion', 'MunicipalityCode', 'PersonUpn', 'Title']);
    expect(records[0]).toMatchObject({ PersonUpn: carla.person.upn, Department: 'Bestuur en Bedrijfsvoering', ModuleVersion: 'v1', MunicipalityCode: HENGELO });

    // Search every byte the instance wrote (databases, WAL files, keys) for the answers given.
    const needles = chosen.flatMap(({ scenarioId, optionId }) => {
      const option = module.scenarios.find((s) => s.id === scenarioId)?.options.find((o) => o.id === optionId);
      return [scenarioId, optionId, option?.label.nl ?? '', option?.feedback.nl ?? ''].filter((n) => n.length > 0);
    });
    const files = filesUnder(dataDir);
    expect(files.length).toBeGreaterThan(3);
    // The search does find what is there: the completion record's person.
    expect(files.some((file) => readFileSync(file).includes(Buffer.from(carla.person.upn, 'utf8')))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const needle of needles) expect(bytes.includes(Buffer.from(needle, 'utf8')), `${needle} in ${path.relative(dataDir, file)}`).toBe(false);
    }
    instance = await startTestInstance({ codes: [HENGELO], dataDir });
  });

  it('shows heads their department by name, the MT contact percentages with small departments hidden, Twente bands only', async () => {
    const els = new LearningUser(instance, channel, seedPerson('els.dijkstra@hengelo.example'), HENGELO, 'nl-NL');
    await walk(els, (q) => q.options[0]?.id ?? '');

    const mt = (await api(instance.baseUrl, '/api/learning/completion', { token: await instance.login(personOf(HENGELO, 'mt-contact').upn) })).body as unknown as LearningCompletionDto;
    const departments = mt.municipalities[0]?.departments ?? [];
    const bestuur = departments.find((d) => d.name === 'Bestuur en Bedrijfsvoering');
    expect(bestuur).toMatchObject({ suppressed: false, members: 6, completed: 2, percentage: 33 });
    expect(bestuur?.people).toBeUndefined();
    expect(bestuur?.trend.at(-1)?.percentage).toBe(33);
    const vergunningen = departments.find((d) => d.name === 'Vergunningen');
    expect(vergunningen).toMatchObject({ suppressed: true, members: null, percentage: null });

    const headUpn = seed.people.find((p) => p.municipalityCode === HENGELO && p.department === 'Bestuur en Bedrijfsvoering' && p.roles.includes('department-head'))?.upn ?? '';
    const head = (await api(instance.baseUrl, '/api/learning/completion', { token: await instance.login(headUpn) })).body as unknown as LearningCompletionDto;
    expect(head.municipalities[0]?.departments.map((d) => d.name)).toEqual(['Bestuur en Bedrijfsvoering']);
    const people = head.municipalities[0]?.departments[0]?.people ?? [];
    expect(people.filter((p) => p.completedOn !== null).map((p) => p.upn).sort()).toEqual(['carla.morsink@hengelo.example', 'els.dijkstra@hengelo.example']);

    expect((await api(instance.baseUrl, '/api/learning/completion', { token: await instance.login(personOf(HENGELO, 'employee').upn) })).status).toBe(403);

    const bands = (await api(instance.baseUrl, '/api/learning/completion?view=twente', { token: await instance.login(personOf(HENGELO, 'mt-contact').upn) })).body as unknown as LearningBandsDto;
    expect(bands.municipalities).toEqual([{ municipalityCode: HENGELO, name: 'Hengelo', recording: true, band: 'minder-dan-25' }]);
    expect(JSON.stringify(bands)).not.toContain('@');
    expect((await api(instance.baseUrl, '/api/learning/completion?view=twente', { token: await instance.login(personOf(HENGELO, 'employee').upn) })).status).toBe(403);
  });
});
