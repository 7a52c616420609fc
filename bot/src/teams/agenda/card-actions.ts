import {
  ForbiddenError,
  NotFoundError,
  ValidationError,
  actorFromPerson,
  agendaCardActionSchema,
  decide,
  departmentResource,
  languageOf,
  nudgePurposeKey,
  parseInput,
  recipientScopedKey,
  toLocalDate,
  type AgendaCardActionData,
  type AgendaLedgerRepository,
  type AgendaService,
  type Clock,
  type ItemOf,
  type NudgeRecipient,
  type NudgeStage,
  type OrganisationStore,
  type Person,
  type WorkingDayCalendar,
} from '@weerbaar/shared';
import type { Logger } from '../../logging.js';
import { agendaTexts } from './agenda-text.js';
import type { NudgeCardModel, NudgeCardStatus } from './cards.js';

export interface AgendaCardActionsDeps {
  service: AgendaService;
  organisation: OrganisationStore;
  ledger: AgendaLedgerRepository;
  clock: Clock;
  calendarFor(municipalityCode: string): WorkingDayCalendar;
  recognitionUrl: string;
  logger: Logger;
}

export type AgendaActionAnswer = { card: NudgeCardModel } | { message: string };

const REMIND_LATER_DAYS = 7;
const DAY_MS = 24 * 60 * 60_000;

/** "2027-01-15:before-42" → before-due; the card's stage follows from its window key. */
export function stageOfWindowKey(windowKey: string): NudgeStage {
  const step = windowKey.slice(11);
  if (step === 'due') return 'due';
  if (step === 'escalation') return 'escalation';
  return step.startsWith('after-') ? 'after-due' : 'before-due';
}

function roleOf(person: Person, department: ItemOf<'departments'>): NudgeRecipient {
  const upn = person.upn.toLowerCase();
  if (department.fields.HeadUpn?.toLowerCase() === upn) return 'head';
  if (department.fields.DeputyHeadUpn?.toLowerCase() === upn) return 'deputy-head';
  return 'mt-contact';
}

/**
 * What a press on the nudge card does: register "ingepland" or "besproken" through the
 * agenda service (exactly once per card nonce), or queue a reminder a week later (once
 * per window). The answer is the card to show in place of the pressed one.
 */
export class AgendaCardActions {
  constructor(private readonly deps: AgendaCardActionsDeps) {}

  /** The card to show instead of the pressed one, or a short message when nothing was done. */
  async perform(person: Person, raw: unknown): Promise<AgendaActionAnswer> {
    const t = agendaTexts(languageOf(person.locale));
    let data: AgendaCardActionData;
    try {
      data = parseInput(agendaCardActionSchema, raw);
    } catch (error) {
      if (error instanceof ValidationError) return { message: t.invalid(error.field ?? 'date') };
      throw error;
    }
    const department = await this.deps.organisation.get('departments', data.departmentId);
    if (!department) return { message: t.refused };
    const model: NudgeCardModel = {
      language: languageOf(person.locale),
      departmentId: data.departmentId,
      departmentName: department.fields.Title,
      windowKey: data.windowKey,
      stage: stageOfWindowKey(data.windowKey),
      dueDate: data.windowKey.slice(0, 10),
      recipientRole: roleOf(person, department),
      recognitionUrl: this.deps.recognitionUrl,
    };
    let answer: AgendaActionAnswer;
    try {
      answer = { card: { ...model, status: await this.act(person, department, data, model) } };
    } catch (error) {
      if (error instanceof ForbiddenError || error instanceof NotFoundError) answer = { message: t.refused };
      else if (error instanceof ValidationError) answer = { message: t.invalid(error.field ?? 'date') };
      else throw error;
    }
    const outcome = 'card' in answer ? answer.card.status?.kind : 'refused';
    this.deps.logger.info({ event: 'agenda-card-action', action: data.action, outcome }, 'agenda card action');
    return answer;
  }

  private async act(person: Person, department: ItemOf<'departments'>, data: AgendaCardActionData, model: NudgeCardModel): Promise<NudgeCardStatus> {
    const actor = actorFromPerson(person);
    const now = this.deps.clock.now();
    if (data.action === 'agenda.later') return this.remindLater(person, department, data, model, now);
    const kind = data.action === 'agenda.gepland' ? 'gepland' : 'besproken';
    const date = (kind === 'gepland' ? data.plannedOn : data.discussedOn) ?? '';
    const result = await this.deps.service.record(
      actor,
      {
        departmentId: data.departmentId,
        kind,
        date,
        ...(data.notes !== undefined ? { notes: data.notes } : {}),
        ...(data.attendees !== undefined ? { attendees: data.attendees } : {}),
        source: 'kaart',
        submissionKey: data.nonce,
      },
      now,
    );
    // A repeated press shows what was recorded the first time, not the second press's input.
    const recorded = result.registration?.date ?? date;
    return kind === 'gepland' ? { kind, date: recorded } : { kind, date: recorded, nextDueDate: result.department.dueDate };
  }

  private async remindLater(
    person: Person,
    department: ItemOf<'departments'>,
    data: AgendaCardActionData,
    model: NudgeCardModel,
    now: Date,
  ): Promise<NudgeCardStatus> {
    const code = department.fields.MunicipalityCode;
    const decision = decide(actorFromPerson(person), 'agenda.record', departmentResource(code, {
      name: department.fields.Title,
      headUpn: department.fields.HeadUpn ?? null,
      deputyHeadUpn: department.fields.DeputyHeadUpn ?? null,
    }));
    if (!decision.allowed) throw decision.httpStatus === 404 ? new NotFoundError('not visible') : new ForbiddenError('not allowed');
    const calendar = this.deps.calendarFor(code);
    const remindAt = calendar.nextSendMoment(new Date(now.getTime() + REMIND_LATER_DAYS * DAY_MS));
    // Only noted here: the agenda job sends it when it is due, if the cycle is still open
    // by then (a discussion registered meanwhile makes it moot).
    const windowKey = `${data.windowKey}:later`;
    await this.deps.ledger.recordNudge({
      key: recipientScopedKey(nudgePurposeKey(data.departmentId, windowKey), person.objectId),
      municipalityCode: code,
      departmentId: data.departmentId,
      windowKey,
      stage: 'later',
      recipientRole: model.recipientRole,
      recipientObjectId: person.objectId,
      queuedAt: now.toISOString(),
      notBefore: remindAt.toISOString(),
    });
    return { kind: 'later', remindOn: toLocalDate(remindAt, calendar.timeZone) };
  }
}
