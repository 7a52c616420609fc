import type {
  AgendaDepartmentDto,
  AgendaOverviewDto,
  AgendaRegistrationDto,
  AgendaRegistrationResultDto,
  Requirement1aListDto,
} from '../api/agenda-api.js';
import { agendaCycleState, requirement1aStatus, discussedWithinYear, type NudgeSchedule } from '../domain/agenda-cycle.js';
import { addMonths, toLocalDate, type WorkingDayCalendar } from '../domain/calendar.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.js';
import type { Actor, Municipality } from '../domain/organisation.js';
import { decide } from '../domain/policy.js';
import type { DepartmentResource } from '../domain/policy-types.js';
import type { AgendaLedgerRepository, AgendaNudgeRecord } from '../ports/agenda-ledger.js';
import { listAll, type ItemOf, type OrganisationStore } from '../ports/organisation-store.js';
import type { Directory, IdGenerator } from '../ports/runtime.js';
import type { AgendaRegistrationKind } from '../schemas/agenda-inputs.js';
import type { AgendaDepartmentFacts } from './agenda-nudges.js';
import { listDateToLocalDate, loadAgendaSnapshot, type AgendaSnapshot } from './agenda-snapshot.js';

export interface AgendaServiceDeps {
  organisation: OrganisationStore;
  directory: Directory;
  ledger: AgendaLedgerRepository;
  ids: IdGenerator;
  /** The municipalities this instance serves. */
  municipalities: readonly Pick<Municipality, 'code' | 'tenantId'>[];
  calendarFor(municipalityCode: string): WorkingDayCalendar;
  scheduleFor(municipalityCode: string): NudgeSchedule;
}

export interface AgendaRegistrationCommand {
  departmentId: string;
  kind: AgendaRegistrationKind;
  date: string;
  notes?: string;
  attendees?: number;
  source: 'kaart' | 'webonderdeel';
  /** Fixed per submission (card nonce, client key): the same key records once. */
  submissionKey?: string;
}

/** A submission whose claim is older than this without completing is taken to have crashed. */
export const STALE_SUBMISSION_MS = 2 * 60_000;

/**
 * The agenda cycle as its users see it: the overview per department (scoped by the access
 * policy), registering a planned or held discussion exactly once, and requirement 1a.
 * The exactly-once part lives in the service store's ledger; the organisation store only
 * receives the registration, and is searched by its key only to recover a crashed attempt.
 */
export class AgendaService {
  constructor(private readonly deps: AgendaServiceDeps) {}

  async snapshot(municipalityCode: string): Promise<AgendaSnapshot> {
    const municipality = this.municipality(municipalityCode);
    return loadAgendaSnapshot(this.deps, municipality, this.deps.calendarFor(municipality.code).timeZone);
  }

  /** The Entra tenant of a served municipality (where its heads' Teams chats are). */
  tenantOf(municipalityCode: string): string {
    return this.municipality(municipalityCode).tenantId;
  }

  async overview(actor: Actor, now: Date): Promise<AgendaOverviewDto> {
    const departments: AgendaDepartmentDto[] = [];
    let today = toLocalDate(now);
    for (const { code } of this.servedFor(actor)) {
      const [snapshot, nudges] = await Promise.all([this.snapshot(code), this.deps.ledger.nudges(code)]);
      today = toLocalDate(now, this.deps.calendarFor(code).timeZone);
      for (const facts of snapshot.facts.departments) {
        if (!facts.active) continue;
        if (!decide(actor, 'agenda.read', departmentResource(code, facts)).allowed) continue;
        departments.push(this.view(code, facts, nudges, actor, now));
      }
    }
    const entitled = actor.roles.some((role) => role === 'mt-contact' || role === 'app-admin');
    if (departments.length === 0 && !entitled) throw new ForbiddenError('no department to show for this actor');
    departments.sort((a, b) => a.municipalityCode.localeCompare(b.municipalityCode) || a.name.localeCompare(b.name, 'nl'));
    return { today, departments };
  }

  async record(actor: Actor, command: AgendaRegistrationCommand, now: Date): Promise<AgendaRegistrationResultDto> {
    const department = await this.deps.organisation.get('departments', command.departmentId);
    const code = department?.fields.MunicipalityCode;
    // Unknown, or of a municipality this instance does not serve: the same 404.
    if (!department || code === undefined || !this.deps.municipalities.some((m) => m.code === code)) {
      throw new NotFoundError('unknown department');
    }
    const resource = departmentResourceOfItem(department);
    const decision = decide(actor, 'agenda.record', resource);
    if (!decision.allowed) {
      if (decision.httpStatus === 404) throw new NotFoundError('not visible to this actor');
      throw new ForbiddenError('not allowed to register for this department');
    }
    const calendar = this.deps.calendarFor(code);
    this.checkDate(command, toLocalDate(now, calendar.timeZone));

    const key = `agenda:${command.departmentId}:${command.submissionKey ?? this.deps.ids.newId()}`;
    const staleBefore = new Date(now.getTime() - STALE_SUBMISSION_MS).toISOString();
    const claim = await this.deps.ledger.claimSubmission(key, command.departmentId, now.toISOString(), staleBefore);
    let registration: ItemOf<'agendaRegistrations'> | undefined;
    let created = false;
    if (claim.outcome === 'recorded') {
      registration = await this.deps.organisation.get('agendaRegistrations', claim.registrationId);
    } else if (claim.outcome === 'claimed' || claim.outcome === 'taken-over') {
      // A taken-over claim may have written its item before it crashed: look before writing.
      const earlier =
        claim.outcome === 'taken-over'
          ? (await listAll(this.deps.organisation, 'agendaRegistrations', { filter: { SubmissionKey: key } }))[0]
          : undefined;
      registration = earlier ?? (await this.create(actor, command, code, key));
      created = earlier === undefined;
      await this.deps.ledger.completeSubmission(key, registration.id, now.toISOString());
    }
    const [snapshot, nudges] = await Promise.all([this.snapshot(code), this.deps.ledger.nudges(code)]);
    const facts = snapshot.facts.departments.find((d) => d.id === command.departmentId);
    if (!facts) throw new NotFoundError('unknown department');
    return {
      created,
      registration: registration ? registrationView(registration, calendar.timeZone) : null,
      department: this.view(code, facts, nudges, actor, now),
    };
  }

  async requirement1a(actor: Actor, now: Date): Promise<Requirement1aListDto> {
    const items: Requirement1aListDto['items'] = [];
    for (const { code } of this.servedFor(actor)) {
      const decision = decide(actor, 'checklist.read', { kind: 'municipality', municipalityCode: code });
      if (!decision.allowed) continue;
      const timeZone = this.deps.calendarFor(code).timeZone;
      const { facts } = await this.snapshot(code);
      const active = facts.departments.filter((d) => d.active);
      const today = toLocalDate(now, timeZone);
      items.push({
        requirementId: '1a',
        municipalityCode: code,
        status: requirement1aStatus(facts.departments, now, timeZone),
        activeDepartments: active.length,
        discussedWithinYear: active.filter((d) => discussedWithinYear(d.lastDiscussedOn, today)).length,
        asOf: now.toISOString(),
      });
    }
    if (items.length === 0) throw new ForbiddenError('not allowed to read requirement 1a');
    return { items };
  }

  /** The view of one department; `nudges` are the municipality's ledger rows. */
  view(code: string, facts: AgendaDepartmentFacts, nudges: readonly AgendaNudgeRecord[], actor: Actor, now: Date): AgendaDepartmentDto {
    const schedule = this.deps.scheduleFor(code);
    const today = toLocalDate(now, this.deps.calendarFor(code).timeZone);
    const { dueDate, state } = agendaCycleState(facts, today, schedule);
    const delivered = nudges.filter((n) => n.departmentId === facts.id && n.sentAt !== null && n.windowKey.startsWith(`${dueDate}:`));
    const lastNudgeAt = delivered.map((n) => n.sentAt ?? '').sort().at(-1) ?? null;
    return {
      departmentId: facts.id,
      name: facts.name,
      municipalityCode: code,
      headUpn: facts.headUpn,
      headName: facts.head?.displayName ?? null,
      lastDiscussedOn: facts.lastDiscussedOn,
      plannedOn: facts.plannedOn,
      dueDate,
      state,
      // A window reaches the head, or several MT contacts at once: count each window once.
      nudgesSent: new Set(delivered.map((n) => n.windowKey)).size,
      lastNudgeAt,
      canRecord: decide(actor, 'agenda.record', departmentResource(code, facts)).allowed,
    };
  }

  private async create(actor: Actor, command: AgendaRegistrationCommand, code: string, key: string): Promise<ItemOf<'agendaRegistrations'>> {
    return this.deps.organisation.create(
      'agendaRegistrations',
      {
        Title: `${command.kind === 'besproken' ? 'Besproken' : 'Ingepland'} op ${command.date}`,
        MunicipalityCode: code,
        DepartmentId: command.departmentId,
        Kind: command.kind,
        Date: command.date,
        Notes: command.notes ?? null,
        Attendees: command.attendees ?? null,
        RecordedBy: actor.upn.toLowerCase(),
        Source: command.source,
        SubmissionKey: key,
      },
      actor.upn.toLowerCase(),
    );
  }

  /** A discussion lies in the past year (not the future); a plan lies ahead (within a year). */
  private checkDate(command: AgendaRegistrationCommand, today: string): void {
    if (command.kind === 'besproken') {
      if (command.date > today) throw new ValidationError('Field "date" must not lie in the future for a discussion.', 'date');
      if (command.date < addMonths(today, -12)) throw new ValidationError('Field "date" must lie within the last twelve months.', 'date');
    } else {
      if (command.date < today) throw new ValidationError('Field "date" must not lie in the past for a planned meeting.', 'date');
      if (command.date > addMonths(today, 12)) throw new ValidationError('Field "date" must lie within the coming twelve months.', 'date');
    }
  }

  private municipality(code: string): Pick<Municipality, 'code' | 'tenantId'> {
    const municipality = this.deps.municipalities.find((m) => m.code === code);
    if (!municipality) throw new NotFoundError('unknown municipality');
    return municipality;
  }

  private servedFor(actor: Actor): Pick<Municipality, 'code' | 'tenantId'>[] {
    return this.deps.municipalities.filter((m) => actor.municipalityCodes.includes(m.code));
  }
}

export function departmentResource(code: string, facts: Pick<AgendaDepartmentFacts, 'name' | 'headUpn' | 'deputyHeadUpn'>): DepartmentResource {
  return { kind: 'department', municipalityCode: code, department: facts.name, headUpn: facts.headUpn, deputyHeadUpn: facts.deputyHeadUpn };
}

function departmentResourceOfItem(item: ItemOf<'departments'>): DepartmentResource {
  return departmentResource(item.fields.MunicipalityCode, {
    name: item.fields.Title,
    headUpn: item.fields.HeadUpn ?? null,
    deputyHeadUpn: item.fields.DeputyHeadUpn ?? null,
  });
}

export function registrationView(item: ItemOf<'agendaRegistrations'>, timeZone: string): AgendaRegistrationDto {
  return {
    id: item.id,
    departmentId: item.fields.DepartmentId,
    kind: item.fields.Kind === 'gepland' ? 'gepland' : 'besproken',
    date: listDateToLocalDate(item.fields.Date, timeZone),
    notes: item.fields.Notes ?? null,
    attendees: item.fields.Attendees ?? null,
    source: item.fields.Source === 'kaart' ? 'kaart' : 'webonderdeel',
    recordedAt: item.createdAt,
  };
}
