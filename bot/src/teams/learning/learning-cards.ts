import {
  categoryById,
  type Language,
  type LearningModule,
  type LearningScenario,
  type LearningInvitationKind,
  type OpenQuestion,
  type OutgoingMessage,
} from '@weerbaar/shared';
import { learningTexts } from './learning-text.js';

/**
 * The learning module as Adaptive Cards 1.5. A question is a radio list (long answers
 * wrap, which buttons would cut off) with one submit; its data names the scenario, so a
 * press on an old card is recognised as stale. The answer's feedback replaces the
 * question card, then the next question follows as a new card.
 */
export const LEARNING_ACTIONS = {
  start: 'learning.start',
  answer: 'learning.answer',
  pause: 'learning.pause',
  resume: 'learning.resume',
} as const;

export const LEARNING_INVITATION_KIND = 'learning.invitation';

type CardElement = Record<string, unknown>;

function text(value: string, extra: CardElement = {}): CardElement {
  return { type: 'TextBlock', text: value, wrap: true, ...extra };
}

function card(body: CardElement[], actions: CardElement[] = []): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

function submit(title: string, data: Record<string, unknown>, extra: CardElement = {}): CardElement {
  return { type: 'Action.Submit', title, data, ...extra };
}

function scenarioHeader(language: Language, open: Pick<OpenQuestion, 'number' | 'total'>, scenario: LearningScenario): CardElement[] {
  const t = learningTexts(language);
  return [
    text(t.progress(open.number, open.total, categoryById(scenario.category).label[language]), { isSubtle: true, size: 'Small' }),
    text(scenario.title[language], { size: 'Medium', weight: 'Bolder', style: 'heading' }),
    text(scenario.situation[language]),
  ];
}

export function questionCard(language: Language, open: OpenQuestion): Record<string, unknown> {
  const t = learningTexts(language);
  const { scenario } = open;
  return card(
    [
      ...scenarioHeader(language, open, scenario),
      text(scenario.question[language], { weight: 'Bolder', spacing: 'Medium' }),
      {
        type: 'Input.ChoiceSet',
        id: 'answer',
        label: t.answerLabel,
        style: 'expanded',
        wrap: true,
        isRequired: true,
        errorMessage: t.answerRequired,
        choices: scenario.options.map((option) => ({ title: option.label[language], value: option.id })),
      },
    ],
    [
      submit(t.answerButton, { action: LEARNING_ACTIONS.answer, scenarioId: scenario.id }, { style: 'positive' }),
      submit(t.pauseButton, { action: LEARNING_ACTIONS.pause }, { associatedInputs: 'none' }),
    ],
  );
}

export function feedbackCard(
  language: Language,
  answered: { scenario: LearningScenario; option: LearningScenario['options'][number]; number: number; total: number },
): Record<string, unknown> {
  const t = learningTexts(language);
  const { scenario, option } = answered;
  const better = scenario.options.filter((candidate) => candidate.correct && candidate.id !== option.id).map((candidate) => candidate.label[language]);
  return card([
    ...scenarioHeader(language, answered, scenario),
    {
      type: 'Container',
      style: option.correct ? 'good' : 'attention',
      spacing: 'Medium',
      items: [
        text(t.yourAnswer(option.label[language]), { weight: 'Bolder' }),
        text(option.correct ? t.goodChoice : t.notBestChoice, { weight: 'Bolder' }),
        text(option.feedback[language]),
        ...(option.correct || better.length === 0 ? [] : [text(t.better(better))]),
      ],
    },
    text(t.whyHeading, { weight: 'Bolder', spacing: 'Medium' }),
    text(scenario.explanation[language]),
  ]);
}

export function finishCard(language: Language, module: LearningModule, webFormUrl: string, recorded: boolean): Record<string, unknown> {
  const t = learningTexts(language);
  return card(
    [
      text(module.summary.title[language], { size: 'Medium', weight: 'Bolder', style: 'heading' }),
      text(module.summary.points.map((point) => `- ${point[language]}`).join('\n')),
      text(module.howToReport.title[language], { size: 'Medium', weight: 'Bolder', style: 'heading', spacing: 'Large' }),
      {
        type: 'FactSet',
        facts: module.howToReport.channels.map((channel) => ({
          title: channel.label[language],
          value: channel.detail[language].replaceAll('{webFormUrl}', webFormUrl),
        })),
      },
      { type: 'Container', style: 'good', spacing: 'Large', items: [text(module.completion[language], { weight: 'Bolder' })] },
      text(recorded ? t.recordedNote : t.notRecordedNote, { isSubtle: true }),
    ],
    [{ type: 'Action.OpenUrl', title: t.webFormButton, url: webFormUrl }],
  );
}

export function startOfferCard(language: Language, title: string, body: string): Record<string, unknown> {
  const t = learningTexts(language);
  return card([text(title, { weight: 'Bolder', style: 'heading' }), text(body)], [submit(t.startButton, { action: LEARNING_ACTIONS.start }, { style: 'positive' })]);
}

/** The onboarding or yearly invitation, delivered through the outbox. */
export function learningInvitationMessage(language: Language, kind: LearningInvitationKind): OutgoingMessage {
  const t = learningTexts(language);
  return {
    text: t.invitationFallback,
    card: startOfferCard(language, t.invitationTitle, kind === 'onboarding' ? t.invitationOnboarding : t.invitationYearly),
    kind: LEARNING_INVITATION_KIND,
  };
}

/** The button under the welcome message. */
export function welcomeLearningCard(language: Language): Record<string, unknown> {
  const t = learningTexts(language);
  return card([text(t.welcomeOffer)], [submit(t.startButton, { action: LEARNING_ACTIONS.start })]);
}
