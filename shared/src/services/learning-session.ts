import type { LearningModule, LearningScenario, LocalLearningScenario } from '../schemas/learning.js';

/**
 * One person's walk through the learning module, as a small state machine the bot keeps
 * in its dialog state. The state holds where the person is and nothing else: which
 * scenarios, in which order, and the number of the open question. The answer a person
 * chooses is used for the feedback of that turn and then forgotten, so no answer and no
 * score ever reaches a store.
 */
export interface LearningContent {
  module: LearningModule;
  /** The municipality's own scenarios (already validated), shown after the standard ones. */
  local: readonly LocalLearningScenario[];
}

export interface LearningSession {
  moduleVersion: string;
  scenarioIds: string[];
  /** Index in `scenarioIds` of the question that is open now. */
  position: number;
  startedAt: string;
  /** Set by "later"/"pauze"; cleared when the person goes on. */
  pausedAt: string | null;
}

export interface OpenQuestion {
  scenario: LearningScenario;
  /** 1-based, for "vraag 3 van 8". */
  number: number;
  total: number;
}

export type AnswerOutcome =
  /** The card pressed is not the open question (pressed twice, or an old card): nothing changes. */
  | { kind: 'stale' }
  | {
      kind: 'answered';
      scenario: LearningScenario;
      option: LearningScenario['options'][number];
      number: number;
      total: number;
      /** The session after this answer; null when this was the last question. */
      next: LearningSession | null;
    };

/** The standard scenarios, then the local ones meant for this municipality. */
export function scenariosFor(content: LearningContent, municipalityCode: string | null): LearningScenario[] {
  const local = content.local
    .filter((scenario) => !scenario.municipalityCodes || (municipalityCode !== null && scenario.municipalityCodes.includes(municipalityCode)))
    .map(({ municipalityCodes: _codes, ...scenario }) => scenario);
  return [...content.module.scenarios, ...local];
}

export function beginSession(content: LearningContent, municipalityCode: string | null, now: Date): LearningSession {
  return {
    moduleVersion: content.module.version,
    scenarioIds: scenariosFor(content, municipalityCode).map((scenario) => scenario.id),
    position: 0,
    startedAt: now.toISOString(),
    pausedAt: null,
  };
}

/**
 * A stored session against today's content: after a new module version the person starts
 * again; a scenario that was removed meanwhile (a local file taken away) is skipped.
 * Returns null when the session can not be continued.
 */
export function reconcileSession(session: LearningSession, content: LearningContent, municipalityCode: string | null): LearningSession | null {
  if (session.moduleVersion !== content.module.version) return null;
  const available = new Set(scenariosFor(content, municipalityCode).map((scenario) => scenario.id));
  const answered = session.scenarioIds.slice(0, session.position).filter((id) => available.has(id));
  const remaining = session.scenarioIds.slice(session.position).filter((id) => available.has(id));
  if (remaining.length === 0) return null;
  return { ...session, scenarioIds: [...answered, ...remaining], position: answered.length };
}

export function openQuestion(session: LearningSession, content: LearningContent, municipalityCode: string | null): OpenQuestion | null {
  const id = session.scenarioIds[session.position];
  const scenario = scenariosFor(content, municipalityCode).find((candidate) => candidate.id === id);
  return scenario ? { scenario, number: session.position + 1, total: session.scenarioIds.length } : null;
}

export function pauseSession(session: LearningSession, now: Date): LearningSession {
  return { ...session, pausedAt: now.toISOString() };
}

export function resumeSession(session: LearningSession): LearningSession {
  return { ...session, pausedAt: null };
}

/** Applies a pressed answer to the open question; anything else is stale. */
export function answerQuestion(
  session: LearningSession,
  content: LearningContent,
  municipalityCode: string | null,
  pressed: { scenarioId: string; optionId: string },
): AnswerOutcome {
  const open = openQuestion(session, content, municipalityCode);
  if (!open || open.scenario.id !== pressed.scenarioId) return { kind: 'stale' };
  const option = open.scenario.options.find((candidate) => candidate.id === pressed.optionId);
  if (!option) return { kind: 'stale' };
  const finished = session.position + 1 >= session.scenarioIds.length;
  return {
    kind: 'answered',
    scenario: open.scenario,
    option,
    number: open.number,
    total: open.total,
    next: finished ? null : { ...session, position: session.position + 1, pausedAt: null },
  };
}
