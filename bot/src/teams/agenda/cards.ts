import type { AgendaCardAction, Language, NudgeRecipient, NudgeStage, OutgoingMessage } from '@weerbaar/shared';
import { agendaTexts, type AgendaTexts } from './agenda-text.js';

/**
 * The agenda nudge as an Adaptive Card 1.5. Buttons are Universal Actions (Action.Execute):
 * Teams sends them to the bot as an invoke and shows the card the bot answers with in
 * place of the old one, so an action never adds a second card. Each button carries a
 * nonce fixed per card and action, so pressing it twice records once.
 */
export type NudgeCardStatus =
  | { kind: 'gepland'; date: string }
  | { kind: 'besproken'; date: string; nextDueDate: string }
  | { kind: 'later'; remindOn: string };

export interface NudgeCardModel {
  language: Language;
  departmentId: string;
  departmentName: string;
  /** The cycle window the card belongs to (`<dueDate>:<step>`). */
  windowKey: string;
  stage: NudgeStage | 'later';
  dueDate: string;
  recipientRole: NudgeRecipient;
  /** Link to the examples of signs to recognise. */
  recognitionUrl: string;
  status?: NudgeCardStatus;
}

export const AGENDA_MESSAGE_KINDS = {
  nudge: 'agenda.nudge',
  reminder: 'agenda.reminder',
  escalation: 'agenda.escalation',
} as const;

type CardElement = Record<string, unknown>;

/** Opens a new Teams meeting with subject and agenda filled in: no calendar permission needed. */
export function meetingDeepLink(subject: string, content: string): string {
  return `https://teams.microsoft.com/l/meeting/new?subject=${encodeURIComponent(subject)}&content=${encodeURIComponent(content)}`;
}

/** Fixed per card and action; a reminder card has its own (its window key ends in ":later"). */
export function cardNonce(model: Pick<NudgeCardModel, 'windowKey' | 'stage'>, action: AgendaCardAction): string {
  const card = model.stage === 'later' ? `${model.windowKey}:later` : model.windowKey;
  return `${card}:${action.slice('agenda.'.length)}`;
}

function text(value: string, extra: CardElement = {}): CardElement {
  return { type: 'TextBlock', text: value, wrap: true, ...extra };
}

function execute(model: NudgeCardModel, action: AgendaCardAction, title: string, style?: 'positive'): CardElement {
  return {
    type: 'Action.Execute',
    title,
    verb: action,
    associatedInputs: 'auto',
    ...(style ? { style } : {}),
    data: { action, departmentId: model.departmentId, windowKey: model.windowKey, nonce: cardNonce(model, action) },
  };
}

function meetingAction(t: AgendaTexts, model: NudgeCardModel): CardElement {
  return {
    type: 'Action.OpenUrl',
    title: t.createMeeting,
    url: meetingDeepLink(t.meetingSubject(model.departmentName), t.agendaText(model.departmentName)),
  };
}

function plannedCard(t: AgendaTexts, model: NudgeCardModel): CardElement {
  return {
    type: 'Action.ShowCard',
    title: t.plannedAction,
    card: {
      type: 'AdaptiveCard',
      body: [
        { type: 'Input.Date', id: 'plannedOn', label: t.plannedDateLabel, isRequired: true, errorMessage: t.plannedDateError },
        { type: 'ActionSet', actions: [meetingAction(t, model)] },
      ],
      actions: [execute(model, 'agenda.gepland', t.save, 'positive')],
    },
  };
}

function discussedCard(t: AgendaTexts, model: NudgeCardModel): CardElement {
  return {
    type: 'Action.ShowCard',
    title: t.discussedAction,
    card: {
      type: 'AdaptiveCard',
      body: [
        { type: 'Input.Date', id: 'discussedOn', label: t.discussedDateLabel, isRequired: true, errorMessage: t.discussedDateError },
        { type: 'Input.Text', id: 'notes', label: t.notesLabel, placeholder: t.notesPlaceholder, isMultiline: true, maxLength: 500 },
        { type: 'Input.Number', id: 'attendees', label: t.attendeesLabel, min: 1, max: 1000 },
      ],
      actions: [execute(model, 'agenda.besproken', t.save, 'positive')],
    },
  };
}

function statusText(t: AgendaTexts, status: NudgeCardStatus): string {
  switch (status.kind) {
    case 'gepland':
      return t.plannedStatus(status.date);
    case 'besproken':
      return t.discussedStatus(status.date, status.nextDueDate);
    case 'later':
      return t.laterStatus(status.remindOn);
  }
}

/** Which buttons are left: none once discussed; no second plan or snooze on the same card. */
function actionsFor(t: AgendaTexts, model: NudgeCardModel): CardElement[] {
  const status = model.status?.kind;
  if (status === 'besproken') return [];
  if (model.recipientRole === 'mt-contact') return [discussedCard(t, model)];
  const actions: CardElement[] = [];
  if (status === 'gepland') actions.push(meetingAction(t, model));
  else actions.push(plannedCard(t, model));
  actions.push(discussedCard(t, model));
  if (status !== 'later' && status !== 'gepland' && model.stage !== 'later') {
    actions.push(execute(model, 'agenda.later', t.laterAction));
  }
  return actions;
}

export function agendaNudgeCard(model: NudgeCardModel): Record<string, unknown> {
  const t = agendaTexts(model.language);
  const escalation = model.stage === 'escalation';
  const body: CardElement[] = [
    text(t.title(model.departmentName), { size: 'Medium', weight: 'Bolder', style: 'heading' }),
    text(escalation ? t.escalationLine(model.departmentName, model.dueDate) : t.stageLine(model.stage, model.dueDate)),
  ];
  if (model.status) {
    body.push({
      type: 'Container',
      style: 'good',
      items: [text(statusText(t, model.status), { weight: 'Bolder' })],
    });
  }
  body.push(
    text(t.why, { isSubtle: true }),
    text(t.agendaHeading, { weight: 'Bolder', spacing: 'Medium' }),
    text(t.agendaText(model.departmentName)),
    text(t.questionsHeading, { weight: 'Bolder', spacing: 'Medium' }),
    text(t.questions.map((question) => `- ${question}`).join('\n')),
    text(`[${t.recognitionLink}](${model.recognitionUrl})`),
  );
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    actions: actionsFor(t, model),
  };
}

export function agendaNudgeMessage(model: NudgeCardModel): OutgoingMessage {
  const t = agendaTexts(model.language);
  const kind =
    model.stage === 'escalation'
      ? AGENDA_MESSAGE_KINDS.escalation
      : model.stage === 'later'
        ? AGENDA_MESSAGE_KINDS.reminder
        : AGENDA_MESSAGE_KINDS.nudge;
  const summary = model.stage === 'escalation' ? t.escalationLine(model.departmentName, model.dueDate) : t.fallbackText(model.departmentName, model.dueDate);
  return { text: summary, card: agendaNudgeCard(model), kind };
}
