import { randomUUID } from 'node:crypto';
import {
  DomainError,
  ForbiddenError,
  NotFoundError,
  REQUIREMENT_IDS,
  TWENTE_MUNICIPALITY_COUNT,
  assertRoundOpen,
  compareRounds,
  finalMeasurementInputSchema,
  hubSubmissionInputSchema,
  parseInput,
  roundOpenInputSchema,
  twenteOutcome,
  type Actor,
  type AuditLog,
  type Clock,
  type Municipality,
  type RequirementStatuses,
  type MunicipalityResultsDto,
  type Round,
  type RoundComparisonDto,
  type RoundDto,
  type RoundRepository,
  type RoundResultsDto,
  type StoredSubmission,
  type SubmissionDto,
  type TwenteOutcomeDto,
} from '@weerbaar/shared';
import { authorize } from '../http/authorize.js';
import type { VerifiedInstance } from './hub-credential-verifier.js';

/** The Twente-wide outcome is computed from closed rounds only. */
export class RoundNotClosedError extends DomainError {
  readonly code = 'round-not-closed';
}

export interface HubRoundsDeps {
  rounds: RoundRepository;
  audit: AuditLog;
  clock: Clock;
  municipalities: readonly Pick<Municipality, 'code' | 'name'>[];
  newId?: () => string;
}

/**
 * The hub's rounds: what each district role and each instance may do, applied with the
 * shared policy. Every read and change is audited (ids and codes only). Instances are
 * trusted only for the municipalities the registry lets them speak for.
 */
export class HubRounds {
  private readonly newId: () => string;

  constructor(private readonly deps: HubRoundsDeps) {
    this.newId = deps.newId ?? randomUUID;
  }

  async open(actor: Actor, body: unknown): Promise<RoundDto> {
    const input = parseInput(roundOpenInputSchema, body);
    authorize(actor, 'round.manage', { kind: 'round', roundType: input.type, open: true, municipalityCode: null });
    const round: Round = {
      id: this.newId(),
      type: input.type,
      title: input.title,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      status: 'open',
      openedBy: actor.upn,
      openedAt: this.deps.clock.now().toISOString(),
      closedAt: null,
    };
    await this.deps.rounds.create(round);
    await this.audit(actor.objectId, 'round.open', round.id, null);
    return roundDto(round);
  }

  async list(): Promise<RoundDto[]> {
    return (await this.deps.rounds.list()).map(roundDto);
  }

  async close(actor: Actor, roundId: string): Promise<RoundDto> {
    const round = await this.round(roundId);
    authorize(actor, 'round.manage', { kind: 'round', roundType: round.type, open: round.status === 'open', municipalityCode: null });
    const closed = await this.deps.rounds.close(round.id, this.deps.clock.now().toISOString());
    await this.audit(actor.objectId, 'round.close', round.id, null);
    return roundDto(closed);
  }

  async results(actor: Actor, roundId: string): Promise<RoundResultsDto> {
    const round = await this.round(roundId);
    authorize(actor, 'round.read-municipality', { kind: 'round', roundType: round.type, open: round.status === 'open', municipalityCode: null });
    const submissions = new Map((await this.deps.rounds.submissionsOfRound(round.id)).map((s) => [s.municipalityCode, s]));
    await this.audit(actor.objectId, 'round.read-results', round.id, null);
    return {
      round: roundDto(round),
      municipalities: this.deps.municipalities.map((m) => {
        const submission = submissions.get(m.code);
        return { code: m.code, name: m.name, submission: submission ? submissionDto(submission) : null };
      }),
    };
  }

  /** The assessor records a municipality's final measurement while the eindmeting is open. */
  async recordFinal(actor: Actor, roundId: string, municipalityCode: string, body: unknown): Promise<SubmissionDto> {
    this.requireMunicipality(municipalityCode);
    const round = await this.round(roundId);
    // Role and round type first (403), then the freeze (409): every change to a closed round is 409.
    authorize(actor, 'round.record-final', { kind: 'round', roundType: round.type, open: true, municipalityCode });
    assertRoundOpen(round);
    const { statuses } = parseInput(finalMeasurementInputSchema, body);
    const stored = await this.deps.rounds.saveSubmission({
      roundId: round.id,
      municipalityCode,
      statuses,
      submittedBy: actor.upn,
      submittedAt: this.deps.clock.now().toISOString(),
    });
    await this.audit(actor.objectId, 'round.record-final', round.id, municipalityCode);
    return submissionDto(stored);
  }

  async compare(actor: Actor, aId: string, bId: string, municipalityCode: string): Promise<RoundComparisonDto> {
    this.requireMunicipality(municipalityCode);
    const [a, b] = [await this.round(aId), await this.round(bId)];
    for (const round of [a, b]) {
      authorize(actor, 'round.read-municipality', { kind: 'round', roundType: round.type, open: round.status === 'open', municipalityCode });
    }
    const ofMunicipality = await this.deps.rounds.submissionsOfMunicipality(municipalityCode);
    await this.audit(actor.objectId, 'round.compare', `${a.id}..${b.id}`, municipalityCode);
    return comparison(municipalityCode, a, b, ofMunicipality);
  }

  async outcome(actor: Actor, roundId: string): Promise<TwenteOutcomeDto> {
    authorize(actor, 'outcome.read', { kind: 'twente' });
    const round = await this.round(roundId);
    if (round.status !== 'closed') throw new RoundNotClosedError('outcome of an open round');
    const known = new Set(this.deps.municipalities.map((m) => m.code));
    const submissions = (await this.deps.rounds.submissionsOfRound(round.id)).filter((s) => known.has(s.municipalityCode));
    const outcome = twenteOutcome(submissions, TWENTE_MUNICIPALITY_COUNT);
    await this.audit(actor.objectId, 'outcome.read', round.id, null);
    return { round: roundDto(round), requirements: outcome.requirements, basisOpOrde: outcome.basisOpOrde };
  }

  /** A self-scan from a municipality's own instance, signed with that instance's credential. */
  async submitFromInstance(instance: VerifiedInstance, roundId: string, body: unknown): Promise<SubmissionDto> {
    const input = parseInput(hubSubmissionInputSchema, body);
    if (!instance.municipalityCodes.includes(input.municipalityCode)) {
      throw new ForbiddenError('this instance does not serve that municipality');
    }
    this.requireMunicipality(input.municipalityCode);
    const round = await this.round(roundId);
    if (round.type !== 'zelfscan') throw new ForbiddenError('only a self-scan is submitted by the municipality');
    assertRoundOpen(round);
    const stored = await this.deps.rounds.saveSubmission({
      roundId: round.id,
      municipalityCode: input.municipalityCode,
      statuses: input.statuses,
      submittedBy: input.submittedBy,
      submittedAt: this.deps.clock.now().toISOString(),
    });
    await this.audit(`instance:${instance.instanceId}`, 'round.submit', round.id, input.municipalityCode);
    return submissionDto(stored);
  }

  /** A municipality's own results in every round; another municipality's are "not found". */
  async resultsForInstance(instance: VerifiedInstance, municipalityCode: string): Promise<MunicipalityResultsDto> {
    if (!instance.municipalityCodes.includes(municipalityCode)) throw new NotFoundError('not a municipality of this instance');
    const rounds = await this.deps.rounds.list();
    const submissions = new Map((await this.deps.rounds.submissionsOfMunicipality(municipalityCode)).map((s) => [s.roundId, s]));
    await this.audit(`instance:${instance.instanceId}`, 'round.read-own-results', municipalityCode, municipalityCode);
    return {
      municipalityCode,
      rounds: rounds.map((round) => {
        const submission = submissions.get(round.id);
        return { round: roundDto(round), submission: submission ? submissionDto(submission) : null };
      }),
    };
  }

  private async round(id: string): Promise<Round> {
    const round = await this.deps.rounds.get(id);
    if (!round) throw new NotFoundError('no such round');
    return round;
  }

  private requireMunicipality(code: string): void {
    if (!this.deps.municipalities.some((m) => m.code === code)) throw new NotFoundError('no such municipality');
  }

  private async audit(actor: string, action: string, recordId: string, municipalityCode: string | null): Promise<void> {
    await this.deps.audit.record({
      id: randomUUID(),
      at: this.deps.clock.now().toISOString(),
      actor,
      action,
      recordType: 'round',
      recordId,
      municipalityCode,
    });
  }
}

/** Only the fields of the contract (a Round also carries who opened it). */
export function roundDto(round: RoundDto): RoundDto {
  return {
    id: round.id,
    type: round.type,
    title: round.title,
    periodStart: round.periodStart,
    periodEnd: round.periodEnd,
    status: round.status,
    openedAt: round.openedAt,
    closedAt: round.closedAt,
  };
}

function submissionDto(submission: StoredSubmission): SubmissionDto {
  return {
    municipalityCode: submission.municipalityCode,
    statuses: submission.statuses,
    submittedBy: submission.submittedBy,
    submittedAt: submission.submittedAt,
    frozen: submission.frozen,
  };
}

/** Per requirement, from round a to round b; a missing submission counts as "onbekend". */
export function comparison(
  municipalityCode: string,
  a: RoundDto,
  b: RoundDto,
  submissions: readonly Pick<StoredSubmission, 'roundId' | 'statuses'>[],
): RoundComparisonDto {
  const statusesOf = (round: RoundDto): Partial<RequirementStatuses> => submissions.find((s) => s.roundId === round.id)?.statuses ?? {};
  const [before, after] = [statusesOf(a), statusesOf(b)];
  const changes = compareRounds(before, after);
  return {
    municipalityCode,
    a: roundDto(a),
    b: roundDto(b),
    requirements: REQUIREMENT_IDS.map((requirementId) => ({
      requirementId,
      a: before[requirementId] ?? 'onbekend',
      b: after[requirementId] ?? 'onbekend',
      change: changes[requirementId],
    })),
  };
}
