import { randomUUID } from 'node:crypto';
import {
  ForbiddenError,
  LEARNING_REPORT_STALE_DAYS,
  NETHERLANDS_TIME_ZONE,
  NotFoundError,
  TWENTE_MUNICIPALITY_COUNT,
  isLearningReportStale,
  learningBandReportSchema,
  parseInput,
  toLocalDate,
  twenteLearningOutcome,
  type Actor,
  type AuditLog,
  type Clock,
  type HubLearningBandsDto,
  type LearningBandRepository,
  type Municipality,
  type StoredLearningBand,
  type TwenteLearningOutcomeDto,
} from '@weerbaar/shared';
import { authorize } from '../http/authorize.js';
import type { VerifiedInstance } from './hub-credential-verifier.js';

export interface HubLearningDeps {
  bands: LearningBandRepository;
  audit: AuditLog;
  clock: Clock;
  municipalities: readonly Pick<Municipality, 'code' | 'name'>[];
  timeZone?: string;
}

/**
 * The learning module at the hub: each instance reports one band per municipality it
 * serves; the district coordinator and the specialist see that band per municipality;
 * the Twente-wide view sees only how many municipalities reach each threshold, in count
 * bands. Nothing about a person ever reaches the hub. Reads and reports are audited.
 */
export class HubLearning {
  private readonly timeZone: string;

  constructor(private readonly deps: HubLearningDeps) {
    this.timeZone = deps.timeZone ?? NETHERLANDS_TIME_ZONE;
  }

  async reportFromInstance(instance: VerifiedInstance, municipalityCode: string, body: unknown): Promise<StoredLearningBand> {
    if (!instance.municipalityCodes.includes(municipalityCode)) throw new ForbiddenError('this instance does not serve that municipality');
    this.requireMunicipality(municipalityCode);
    const report = parseInput(learningBandReportSchema, body);
    // No band without recording: an instance that says "off" cannot slip a figure in.
    const stored = await this.deps.bands.save({
      municipalityCode,
      recording: report.recording,
      band: report.recording ? report.band : null,
      asOf: report.asOf,
      receivedAt: this.deps.clock.now().toISOString(),
    });
    await this.audit(`instance:${instance.instanceId}`, 'learning.report-band', municipalityCode);
    return stored;
  }

  async municipalityBands(actor: Actor): Promise<HubLearningBandsDto> {
    authorize(actor, 'learning.read-municipality-bands', { kind: 'twente' });
    const today = toLocalDate(this.deps.clock.now(), this.timeZone);
    const reports = new Map((await this.deps.bands.list()).map((report) => [report.municipalityCode, report]));
    await this.audit(actor.objectId, 'learning.read-municipality-bands', null);
    return {
      today,
      staleAfterDays: LEARNING_REPORT_STALE_DAYS,
      municipalities: this.deps.municipalities.map((m) => {
        const report = reports.get(m.code);
        return {
          municipalityCode: m.code,
          name: m.name,
          recording: report ? report.recording : null,
          band: report?.band ?? null,
          asOf: report?.asOf ?? null,
          stale: report ? isLearningReportStale(report, today, this.timeZone) : false,
        };
      }),
    };
  }

  async twente(actor: Actor): Promise<TwenteLearningOutcomeDto> {
    authorize(actor, 'outcome.read', { kind: 'twente' });
    const known = new Set(this.deps.municipalities.map((m) => m.code));
    const reports = (await this.deps.bands.list()).filter((report) => known.has(report.municipalityCode));
    await this.audit(actor.objectId, 'learning.read-twente', null);
    return twenteLearningOutcome(reports, this.deps.clock.now(), this.timeZone, TWENTE_MUNICIPALITY_COUNT);
  }

  private requireMunicipality(code: string): void {
    if (!this.deps.municipalities.some((m) => m.code === code)) throw new NotFoundError('no such municipality');
  }

  private async audit(actor: string, action: string, municipalityCode: string | null): Promise<void> {
    await this.deps.audit.record({
      id: randomUUID(),
      at: this.deps.clock.now().toISOString(),
      actor,
      action,
      recordType: 'learning-band',
      recordId: municipalityCode ?? 'twente',
      municipalityCode,
    });
  }
}
