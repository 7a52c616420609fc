import type { LearningBandReport } from '../api/hub-learning-api.js';
import type {
  LearningBand,
  LearningBandsDto,
  LearningCompletionDto,
  LearningDepartmentCompletionDto,
  LearningMunicipalityCompletionDto,
  LearningRecordingSettingDto,
} from '../api/learning-api.js';
import { ForbiddenError, NotFoundError } from '../domain/errors.js';
import { NETHERLANDS_TIME_ZONE, toLocalDate } from '../domain/local-date.js';
import type { Actor, Municipality, Person } from '../domain/organisation.js';
import { decide } from '../domain/policy.js';
import { listAll, type ItemOf, type OrganisationStore } from '../ports/organisation-store.js';
import type { Directory } from '../ports/runtime.js';
import type { LearningRecordingInput } from '../schemas/learning.js';
import { departmentResource } from './agenda-service.js';
import {
  LEARNING_MINIMUM_GROUP_SIZE,
  LEARNING_WINDOW_MONTHS,
  completionBand,
  expiredCompletion,
  groupFigures,
  isLearningGroupSuppressed,
  type LearningCompletionFact,
} from './learning-figures.js';

export interface LearningRecordsDeps {
  organisation: OrganisationStore;
  directory: Directory;
  /** The municipalities this instance serves. */
  municipalities: readonly Pick<Municipality, 'code' | 'name'>[];
  timeZone?: string;
}

const SETTING = 'learning-recording';
/** The editor named on items the service writes itself (SharePoint shows the app as editor). */
export const LEARNING_SERVICE_EDITOR = 'app:weerbaar-twente';

/**
 * What is kept about the learning module, and who sees what of it. Per person only that
 * and when they completed it, and only once the app admin switched recording on; the
 * views apply the policy per department (`learning.read-department`): a head sees their
 * own department by name, the MT contact percentages with small departments hidden, and
 * the Twente-wide view (`outcome.read`) one band per municipality.
 */
export class LearningRecords {
  private readonly timeZone: string;

  constructor(private readonly deps: LearningRecordsDeps) {
    this.timeZone = deps.timeZone ?? NETHERLANDS_TIME_ZONE;
  }

  async recordingSetting(code: string): Promise<LearningRecordingSettingDto> {
    this.served(code);
    const item = await this.settingItem(code);
    return {
      municipalityCode: code,
      enabled: item?.fields.Enabled ?? false,
      basis: item?.fields.Basis ?? null,
      changedOn: item?.fields.ChangedOn ?? null,
      changedBy: item?.fields.ChangedBy ?? null,
    };
  }

  /** The app admin's switch (`organisation.manage`); the input schema requires the consent basis to switch on. */
  async setRecording(actor: Actor, code: string, input: LearningRecordingInput, now: Date): Promise<LearningRecordingSettingDto> {
    this.served(code);
    const decision = decide(actor, 'organisation.manage', { kind: 'municipality', municipalityCode: code });
    if (!decision.allowed) throw decision.httpStatus === 404 ? new NotFoundError('unknown municipality') : new ForbiddenError('not allowed');
    const fields = {
      Enabled: input.enabled,
      Basis: input.basis ?? null,
      ChangedOn: now.toISOString(),
      ChangedBy: actor.upn.toLowerCase(),
    };
    const existing = await this.settingItem(code);
    if (existing) await this.deps.organisation.update('municipalitySettings', existing.id, fields, existing.etag, actor.upn);
    else {
      await this.deps.organisation.create(
        'municipalitySettings',
        { Title: `Leermodule: afronding vastleggen (${code})`, MunicipalityCode: code, SettingKey: SETTING, ...fields },
        actor.upn,
      );
    }
    return this.recordingSetting(code);
  }

  /**
   * Records that `person` completed the module, when recording is on for their
   * municipality. Nothing else: no answers, no score, no duration.
   */
  async recordCompletion(person: Person, moduleVersion: string, now: Date): Promise<{ recorded: boolean }> {
    const code = person.municipalityCode;
    if (code === null || !this.deps.municipalities.some((m) => m.code === code)) return { recorded: false };
    if (!(await this.recordingSetting(code)).enabled) return { recorded: false };
    await this.deps.organisation.create(
      'learningCompletions',
      {
        Title: 'Leermodule afgerond',
        MunicipalityCode: code,
        PersonUpn: person.upn.toLowerCase(),
        Department: person.department ?? '-',
        CompletedOn: now.toISOString(),
        ModuleVersion: moduleVersion,
      },
      LEARNING_SERVICE_EDITOR,
    );
    return { recorded: true };
  }

  /** Completion per department, as far as the policy lets `actor` see it. */
  async completion(actor: Actor, now: Date): Promise<LearningCompletionDto> {
    const today = toLocalDate(now, this.timeZone);
    const served = this.servedFor(actor);
    const municipalities: LearningMunicipalityCompletionDto[] = [];
    let visible = 0;
    for (const municipality of served) {
      const departments = (await listAll(this.deps.organisation, 'departments', { filter: { MunicipalityCode: municipality.code } })).filter(
        (item) => item.fields.Active,
      );
      const views = departments
        .map((item) => ({ item, decision: decide(actor, 'learning.read-department', resourceOf(item)) }))
        .filter((entry) => entry.decision.allowed);
      visible += views.length;
      if (views.length === 0) continue;
      const recording = (await this.recordingSetting(municipality.code)).enabled;
      const entry: LearningMunicipalityCompletionDto = { municipalityCode: municipality.code, name: municipality.name, recording, departments: [] };
      if (recording) {
        const people = await this.employeesOf(municipality.code);
        const completions = await this.completionsOf(municipality.code);
        for (const { item, decision } of views) {
          const aggregateOnly = decision.allowed && decision.aggregateOnly === true;
          entry.departments.push(this.departmentView(item, people, completions, today, aggregateOnly));
        }
      }
      municipalities.push(entry);
    }
    if (visible === 0) throw new ForbiddenError('no department visible to this actor');
    return { today, windowMonths: LEARNING_WINDOW_MONTHS, minimumGroupSize: LEARNING_MINIMUM_GROUP_SIZE, municipalities };
  }

  /** The Twente-wide view: one band per municipality this instance serves, never people or counts. */
  async bands(actor: Actor, now: Date): Promise<LearningBandsDto> {
    const decision = decide(actor, 'outcome.read', { kind: 'twente' });
    if (!decision.allowed) throw new ForbiddenError('not allowed');
    const reports = await this.bandReports(now);
    return {
      today: toLocalDate(now, this.timeZone),
      windowMonths: LEARNING_WINDOW_MONTHS,
      municipalities: reports.map(({ municipalityCode, recording, band }) => ({
        municipalityCode,
        name: this.deps.municipalities.find((m) => m.code === municipalityCode)?.name ?? municipalityCode,
        recording,
        band,
      })),
    };
  }

  /**
   * What the instance reports to the district hub, per municipality it serves: whether
   * recording is on and the completion band (null when off or too few people to show).
   */
  async bandReports(now: Date): Promise<(LearningBandReport & { municipalityCode: string })[]> {
    const today = toLocalDate(now, this.timeZone);
    const reports = [];
    for (const municipality of this.deps.municipalities) {
      const recording = (await this.recordingSetting(municipality.code)).enabled;
      let band: LearningBand | null = null;
      if (recording) {
        const people = await this.employeesOf(municipality.code);
        const figures = groupFigures(people, await this.completionsOf(municipality.code), { today, timeZone: this.timeZone });
        band = isLearningGroupSuppressed(figures.members) || figures.percentage === null ? null : completionBand(figures.percentage);
      }
      reports.push({ municipalityCode: municipality.code, recording, band, asOf: today });
    }
    return reports;
  }

  /** Deletes completion records past their retention; returns how many. */
  async deleteExpired(now: Date): Promise<number> {
    const today = toLocalDate(now, this.timeZone);
    let deleted = 0;
    for (const municipality of this.deps.municipalities) {
      const items = await listAll(this.deps.organisation, 'learningCompletions', { filter: { MunicipalityCode: municipality.code } });
      for (const item of items) {
        if (!expiredCompletion(item.fields.CompletedOn, today, this.timeZone)) continue;
        await this.deps.organisation.delete('learningCompletions', item.id, item.etag);
        deleted += 1;
      }
    }
    return deleted;
  }

  private departmentView(
    item: ItemOf<'departments'>,
    people: readonly Person[],
    completions: readonly LearningCompletionFact[],
    today: string,
    aggregateOnly: boolean,
  ): LearningDepartmentCompletionDto {
    const members = people.filter((person) => person.department === item.fields.Title);
    const figures = groupFigures(members, completions, { today, timeZone: this.timeZone });
    const base = { departmentId: item.id, name: item.fields.Title, municipalityCode: item.fields.MunicipalityCode };
    if (aggregateOnly && isLearningGroupSuppressed(figures.members)) {
      return {
        ...base,
        suppressed: true,
        members: null,
        completed: null,
        percentage: null,
        trend: figures.trend.map((point) => ({ month: point.month, percentage: null })),
      };
    }
    return {
      ...base,
      suppressed: false,
      members: figures.members,
      completed: figures.completed,
      percentage: figures.percentage,
      trend: figures.trend,
      ...(aggregateOnly ? {} : { people: figures.people }),
    };
  }

  private async settingItem(code: string): Promise<ItemOf<'municipalitySettings'> | undefined> {
    const items = await listAll(this.deps.organisation, 'municipalitySettings', { filter: { MunicipalityCode: code, SettingKey: SETTING } });
    // The list promises no uniqueness: with two items (a race), the last change counts.
    return items.sort((a, b) => a.fields.ChangedOn.localeCompare(b.fields.ChangedOn)).at(-1);
  }

  private async employeesOf(code: string): Promise<Person[]> {
    return (await this.deps.directory.peopleOf(code)).filter((person) => person.municipalityCode === code);
  }

  private async completionsOf(code: string): Promise<LearningCompletionFact[]> {
    const items = await listAll(this.deps.organisation, 'learningCompletions', { filter: { MunicipalityCode: code } });
    return items.map((item) => ({ personUpn: item.fields.PersonUpn, completedOn: item.fields.CompletedOn }));
  }

  private served(code: string): void {
    if (!this.deps.municipalities.some((m) => m.code === code)) throw new NotFoundError('unknown municipality');
  }

  private servedFor(actor: Actor): readonly Pick<Municipality, 'code' | 'name'>[] {
    const served = this.deps.municipalities.filter((m) => actor.municipalityCodes.includes(m.code));
    if (served.length === 0) throw new NotFoundError('unknown municipality');
    return served;
  }
}

function resourceOf(item: ItemOf<'departments'>) {
  return departmentResource(item.fields.MunicipalityCode, {
    name: item.fields.Title,
    headUpn: item.fields.HeadUpn ?? null,
    deputyHeadUpn: item.fields.DeputyHeadUpn ?? null,
  });
}
