import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  answerQuestion,
  beginSession,
  completionBand,
  groupFigures,
  parseLearningModule,
  parseLocalLearningScenario,
  planLearningInvitations,
  reconcileSession,
  scenariosFor,
  type LearningContent,
  type Person,
} from '@weerbaar/shared';

const learningDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../learning');
const module = parseLearningModule(JSON.parse(readFileSync(path.join(learningDir, 'module-v1.json'), 'utf8')), 'module-v1.json');
const localScenario = parseLocalLearningScenario(
  { ...JSON.parse(readFileSync(path.join(learningDir, 'examples/lokaal-vakantiepark.json'), 'utf8')), municipalityCodes: ['1774'] },
  'lokaal-vakantiepark.json',
);
const content: LearningContent = { module, local: [localScenario] };

function person(startDate: string, overrides: Partial<Person> = {}): Person {
  return {
    upn: 'a@x.example',
    displayName: 'A',
    objectId: `oid-${startDate}`,
    municipalityCode: '0164',
    department: 'Vergunningen',
    roles: ['employee'],
    locale: 'nl-NL',
    startDate,
    ...overrides,
  };
}

describe('learning invitations: who is invited on which day', () => {
  it.each([
    { startDate: '2026-11-20', today: '2026-11-20', expected: 'onboarding' },
    { startDate: '2026-11-20', today: '2026-12-03', expected: 'onboarding' },
    { startDate: '2026-11-20', today: '2026-12-04', expected: null },
    { startDate: '2026-12-01', today: '2026-11-29', expected: null },
    { startDate: '2026-02-10', today: '2026-11-29', expected: null },
    { startDate: '2019-05-13', today: '2026-05-12', expected: null },
    { startDate: '2019-05-13', today: '2026-05-13', expected: 'yearly:2026' },
    { startDate: '2019-05-13', today: '2026-11-29', expected: 'yearly:2026' },
    { startDate: '2025-12-28', today: '2026-01-05', expected: 'onboarding' },
    { startDate: '2025-12-28', today: '2026-01-20', expected: null },
    { startDate: '2024-02-29', today: '2025-02-28', expected: 'yearly:2025' },
  ])('started $startDate, today $today → $expected', ({ startDate, today, expected }) => {
    const planned = planLearningInvitations([person(startDate)], '0164', today);
    const got = planned[0] ? (planned[0].kind === 'onboarding' ? 'onboarding' : `yearly:${today.slice(0, 4)}`) : null;
    expect(got).toBe(expected);
    if (planned[0]) expect(planned[0].purposeKey).toBe(`learning:oid-${startDate}:${planned[0].kind === 'onboarding' ? 'onboarding' : today.slice(0, 4)}`);
  });

  it('invites only the municipality’s own employees, once each', () => {
    const planned = planLearningInvitations(
      [person('2020-01-01'), person('2020-01-01'), person('2020-01-02', { objectId: 'other', municipalityCode: '0153', alsoServes: ['0164'] })],
      '0164',
      '2026-06-01',
    );
    expect(planned.map((p) => p.person.objectId)).toEqual(['oid-2020-01-01']);
  });
});

describe('learning figures', () => {
  const members = ['a', 'b', 'c', 'd', 'e'].map((n) => ({ upn: `${n}@x.example`, displayName: n.toUpperCase() }));
  const options = { today: '2026-11-29', timeZone: 'Europe/Amsterdam' };

  it('counts each person once, only within the last 12 months', () => {
    const figures = groupFigures(
      members,
      [
        { personUpn: 'A@x.example', completedOn: '2026-03-01T10:00:00Z' },
        { personUpn: 'a@x.example', completedOn: '2026-10-01T10:00:00Z' },
        { personUpn: 'b@x.example', completedOn: '2025-11-29T10:00:00Z' },
        { personUpn: 'c@x.example', completedOn: '2025-11-30T10:00:00Z' },
      ],
      options,
    );
    expect(figures).toMatchObject({ members: 5, completed: 2, percentage: 40 });
    expect(figures.people.find((p) => p.upn === 'a@x.example')?.completedOn).toBe('2026-10-01');
    expect(figures.trend).toHaveLength(12);
    expect(figures.trend.at(-1)).toEqual({ month: '2026-11', percentage: 40 });
    // At the end of February 2026, b (2025-11-29) and c (2025-11-30) had completed within 12 months; a not yet.
    expect(figures.trend.find((p) => p.month === '2026-02')?.percentage).toBe(40);
    expect(figures.trend.find((p) => p.month === '2026-03')?.percentage).toBe(60);
  });

  it.each([
    [0, 'minder-dan-25'],
    [24, 'minder-dan-25'],
    [25, '25-tot-50'],
    [50, '50-tot-75'],
    [74, '50-tot-75'],
    [75, '75-of-meer'],
    [100, '75-of-meer'],
  ] as const)('%i%% → band %s', (percentage, band) => {
    expect(completionBand(percentage)).toBe(band);
  });
});

describe('learning session', () => {
  it('local scenarios are added only for the municipalities they name', () => {
    expect(scenariosFor(content, '1774').map((s) => s.id)).toContain('lokaal-vakantiepark');
    expect(scenariosFor(content, '0183').map((s) => s.id)).not.toContain('lokaal-vakantiepark');
  });

  it('walks every question once; a press on an answered question is stale', () => {
    let session = beginSession(content, '0164', new Date('2026-11-29T10:00:00Z'));
    const seen: string[] = [];
    for (;;) {
      const id = session.scenarioIds[session.position] ?? '';
      const scenario = module.scenarios.find((s) => s.id === id);
      const outcome = answerQuestion(session, content, '0164', { scenarioId: id, optionId: scenario?.options[0]?.id ?? '' });
      expect(outcome.kind).toBe('answered');
      if (outcome.kind !== 'answered') break;
      seen.push(id);
      if (!outcome.next) break;
      expect(answerQuestion(outcome.next, content, '0164', { scenarioId: id, optionId: scenario?.options[0]?.id ?? '' })).toEqual({ kind: 'stale' });
      session = outcome.next;
      // The session never holds an answer: only where the person is.
      expect(Object.keys(session).sort()).toEqual(['moduleVersion', 'pausedAt', 'position', 'scenarioIds', 'startedAt']);
    }
    expect(seen).toEqual(module.scenarios.map((s) => s.id));
  });

  it('a new module version starts over; a removed scenario is skipped', () => {
    const session = { ...beginSession(content, '1774', new Date()), position: 8 };
    expect(reconcileSession({ ...session, moduleVersion: 'v0' }, content, '1774')).toBeNull();
    const withoutLocal = reconcileSession({ ...session, position: 2 }, { module, local: [] }, '1774');
    expect(withoutLocal?.scenarioIds).not.toContain('lokaal-vakantiepark');
    expect(reconcileSession(session, { module, local: [] }, '1774')).toBeNull();
  });
});
