import { REQUIREMENT_IDS, type AssessmentStatus, type RequirementId, type RoundType } from './catalogue.js';
import { DomainError, ValidationError } from './errors.js';
import type { LocalDate } from './calendar.js';

/**
 * Measurement rounds: the January self-scan and the July final measurement. A round
 * freezes, per municipality, the status of every requirement; rounds are compared with
 * each other, and the Twente-wide outcome is published without naming municipalities.
 */

export type RoundStatus = 'open' | 'closed';

export interface Round {
  id: string;
  type: RoundType;
  title: string;
  periodStart: LocalDate;
  periodEnd: LocalDate;
  status: RoundStatus;
  /** UPN of the district coordinator who opened the round. */
  openedBy: string;
  /** ISO instant. */
  openedAt: string;
  /** ISO instant; null while the round is open. */
  closedAt: string | null;
}

export type RequirementStatuses = Readonly<Record<RequirementId, AssessmentStatus>>;

export interface Submission {
  roundId: string;
  /** CBS code of the municipality the results belong to. */
  municipalityCode: string;
  statuses: RequirementStatuses;
  submittedBy: string;
  /** ISO instant. */
  submittedAt: string;
}

/** Submitting to, or changing, a closed round: its results are frozen. */
export class RoundClosedError extends DomainError {
  readonly code = 'round-closed';
}

export function assertRoundOpen(round: Round): void {
  if (round.status !== 'open' || round.closedAt !== null) {
    throw new RoundClosedError('Deze meetronde is gesloten; de resultaten liggen vast');
  }
}

/** The closed round; closing twice is refused so the frozen moment cannot shift. */
export function closeRound(round: Round, at: Date): Round {
  assertRoundOpen(round);
  return { ...round, status: 'closed', closedAt: at.toISOString() };
}

export type RoundComparison = 'beter' | 'gelijk' | 'slechter' | 'onbekend';

const STATUS_RANK: Record<AssessmentStatus, number> = { voldaan: 3, deels: 2, 'niet-voldaan': 1, onbekend: 0 };

/**
 * How each requirement moved from the `earlier` round to the `later` one. "onbekend" ranks
 * lowest, but a move from or to it says nothing about progress, so it yields "onbekend"
 * rather than a misleading "beter" or "slechter". A requirement missing from either side counts as "onbekend".
 */
export function compareRounds(
  earlier: Partial<RequirementStatuses>,
  later: Partial<RequirementStatuses>,
  requirementIds: readonly RequirementId[] = REQUIREMENT_IDS,
): Record<RequirementId, RoundComparison> {
  const result: Partial<Record<RequirementId, RoundComparison>> = {};
  for (const id of requirementIds) {
    const before = earlier[id] ?? 'onbekend';
    const after = later[id] ?? 'onbekend';
    const difference = STATUS_RANK[after] - STATUS_RANK[before];
    result[id] =
      before === 'onbekend' || after === 'onbekend'
        ? 'onbekend'
        : difference > 0
          ? 'beter'
          : difference < 0
            ? 'slechter'
            : 'gelijk';
  }
  return result as Record<RequirementId, RoundComparison>;
}

export const TWENTE_MUNICIPALITY_COUNT = 14;

export type OutcomeBandId =
  | 'geen-of-bijna-geen'
  | 'minder-dan-de-helft'
  | 'ongeveer-de-helft-tot-de-meeste'
  | 'alle-of-bijna-alle';

export interface OutcomeBand {
  id: OutcomeBandId;
  /** Fewest and most municipalities with "voldaan" that fall in this band, inclusive. */
  min: number;
  max: number;
  labelNl: string;
  labelEn: string;
}

/**
 * Bands on the number of municipalities that meet a requirement. The rule: a mayor knows
 * their own result and subtracts it; they could name another municipality's result only if
 * the count of the *other* n-1 were pinned at 0 (all others fail) or at n-1 (all others
 * meet). So the lowest band spans 0..2 and the highest n-2..n: whatever the reader's own
 * result, at least two counts of the others remain possible, one of which is neither 0 nor
 * n-1. The middle bands split at half (ceil(n/2)). For n = 14: 0-2, 3-6, 7-11, 12-14.
 * Fewer than 7 municipalities leaves no room for two middle bands, so it is refused.
 */
export function outcomeBands(totalMunicipalities: number): readonly OutcomeBand[] {
  const n = totalMunicipalities;
  if (!Number.isInteger(n) || n < 7) throw new ValidationError('Minstens 7 gemeenten nodig voor banden', 'totalMunicipalities');
  const half = Math.ceil(n / 2);
  return [
    { id: 'geen-of-bijna-geen', min: 0, max: 2, labelNl: 'geen of bijna geen gemeenten', labelEn: 'no or almost no municipalities' },
    { id: 'minder-dan-de-helft', min: 3, max: half - 1, labelNl: 'minder dan de helft van de gemeenten', labelEn: 'fewer than half of the municipalities' },
    {
      id: 'ongeveer-de-helft-tot-de-meeste',
      min: half,
      max: n - 3,
      labelNl: 'ongeveer de helft tot de meeste gemeenten',
      labelEn: 'about half to most of the municipalities',
    },
    { id: 'alle-of-bijna-alle', min: n - 2, max: n, labelNl: 'alle of bijna alle gemeenten', labelEn: 'all or almost all municipalities' },
  ];
}

export const TWENTE_OUTCOME_BANDS: readonly OutcomeBand[] = outcomeBands(TWENTE_MUNICIPALITY_COUNT);

export function bandForCount(metCount: number, totalMunicipalities = TWENTE_MUNICIPALITY_COUNT): OutcomeBand {
  const band = outcomeBands(totalMunicipalities).find(({ min, max }) => min <= metCount && metCount <= max);
  if (!band) throw new ValidationError('Aantal buiten 0..totaal', 'metCount');
  return band;
}

export interface TwenteRequirementOutcome {
  requirementId: RequirementId;
  band: OutcomeBandId;
  labelNl: string;
  labelEn: string;
  /** Twente as a whole meets the requirement when (almost) all municipalities do: the top band. */
  met: boolean;
}

/** Deliberately without counts or municipality codes: only bands leave the hub. */
export interface TwenteOutcome {
  requirements: TwenteRequirementOutcome[];
  /** Basis op orde for Twente: every requirement in the top band. */
  basisOpOrde: boolean;
}

/**
 * The Twente-wide outcome of one closed round. A municipality without a submission counts
 * as not meeting any requirement (it cannot be shown to), and so does "deels".
 */
export function twenteOutcome(
  closedSubmissions: readonly Submission[],
  totalMunicipalities = TWENTE_MUNICIPALITY_COUNT,
  requirementIds: readonly RequirementId[] = REQUIREMENT_IDS,
): TwenteOutcome {
  const roundIds = new Set(closedSubmissions.map((submission) => submission.roundId));
  if (roundIds.size > 1) throw new ValidationError('Inzendingen uit meer dan één ronde', 'closedSubmissions');
  const municipalities = new Set(closedSubmissions.map((submission) => submission.municipalityCode));
  if (municipalities.size !== closedSubmissions.length) {
    throw new ValidationError('Meer dan één inzending per gemeente', 'closedSubmissions');
  }
  if (closedSubmissions.length > totalMunicipalities) {
    throw new ValidationError('Meer inzendingen dan gemeenten', 'closedSubmissions');
  }
  const topBand = outcomeBands(totalMunicipalities).at(-1)?.id;
  const requirements = requirementIds.map((requirementId) => {
    const metCount = closedSubmissions.filter((submission) => submission.statuses[requirementId] === 'voldaan').length;
    const band = bandForCount(metCount, totalMunicipalities);
    return { requirementId, band: band.id, labelNl: band.labelNl, labelEn: band.labelEn, met: band.id === topBand };
  });
  return { requirements, basisOpOrde: requirements.length > 0 && requirements.every((requirement) => requirement.met) };
}
