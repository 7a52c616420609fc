import type {
  HubLearningBandsDto,
  MunicipalityResultsDto,
  RoundComparisonDto,
  RoundDto,
  RoundOpenInput,
  RoundResultsDto,
  SubmissionDto,
  TwenteLearningOutcomeDto,
  TwenteOutcomeDto
} from '@weerbaar/shared';
import { JsonApi, type Transport } from './ApiTransport';

/** The rounds as the municipal secretary sees them: through her own instance, her municipality only. */
export interface MunicipalityRoundsClient {
  readonly kind: 'municipality';
  results(): Promise<MunicipalityResultsDto>;
  compare(roundA: string, roundB: string): Promise<RoundComparisonDto>;
  /** Submits the working checklist as it stands as the municipality's self-scan. */
  submitFromChecklist(roundId: string): Promise<SubmissionDto>;
  /** The printable report (HTML with a print stylesheet). */
  reportHtml(roundId: string): Promise<string>;
}

/** The rounds at the hub, for the district coordinator and the specialist: every municipality. */
export interface DistrictRoundsClient {
  readonly kind: 'district';
  rounds(): Promise<RoundDto[]>;
  open(input: RoundOpenInput): Promise<RoundDto>;
  close(roundId: string): Promise<RoundDto>;
  results(roundId: string): Promise<RoundResultsDto>;
  compare(roundA: string, roundB: string, municipalityCode: string): Promise<RoundComparisonDto>;
  reportHtml(roundId: string, municipalityCode: string): Promise<string>;
  /** The learning module's completion band per municipality (403 for everyone but these two roles). */
  learningBands(): Promise<HubLearningBandsDto>;
}

/** The Twente-wide outcome of closed rounds and of the learning module: bands only, never one municipality. */
export interface OutcomeClient {
  rounds(): Promise<RoundDto[]>;
  outcome(roundId: string): Promise<TwenteOutcomeDto>;
  /** The learning module Twente-wide: per threshold how many municipalities reach it, as a count band. */
  learningOutcome(): Promise<TwenteLearningOutcomeDto>;
}

export type RoundsClient = MunicipalityRoundsClient | DistrictRoundsClient;

const q = encodeURIComponent;

export class InstanceRoundsClient implements MunicipalityRoundsClient {
  public readonly kind = 'municipality';
  private readonly api: JsonApi;

  public constructor(transport: Transport, language: string) {
    this.api = new JsonApi(transport, language);
  }

  public results(): Promise<MunicipalityResultsDto> {
    return this.api.json('GET', '/api/rounds/results');
  }

  public compare(roundA: string, roundB: string): Promise<RoundComparisonDto> {
    return this.api.json('GET', `/api/rounds/compare?a=${q(roundA)}&b=${q(roundB)}`);
  }

  public submitFromChecklist(roundId: string): Promise<SubmissionDto> {
    // No statuses in the body: the instance takes them from the working checklist.
    return this.api.json('POST', `/api/rounds/${q(roundId)}/submission`, {});
  }

  public reportHtml(roundId: string): Promise<string> {
    return this.api.text('GET', `/api/rounds/${q(roundId)}/report`, 'text/html');
  }
}

export class HubRoundsClient implements DistrictRoundsClient, OutcomeClient {
  public readonly kind = 'district';
  private readonly api: JsonApi;

  public constructor(transport: Transport, language: string) {
    this.api = new JsonApi(transport, language);
  }

  public async rounds(): Promise<RoundDto[]> {
    return (await this.api.json<{ rounds: RoundDto[] }>('GET', '/api/hub/rounds')).rounds;
  }

  public open(input: RoundOpenInput): Promise<RoundDto> {
    return this.api.json('POST', '/api/hub/rounds', input);
  }

  public close(roundId: string): Promise<RoundDto> {
    return this.api.json('POST', `/api/hub/rounds/${q(roundId)}/close`);
  }

  public results(roundId: string): Promise<RoundResultsDto> {
    return this.api.json('GET', `/api/hub/rounds/${q(roundId)}/results`);
  }

  public compare(roundA: string, roundB: string, municipalityCode: string): Promise<RoundComparisonDto> {
    return this.api.json('GET', `/api/hub/rounds/compare?a=${q(roundA)}&b=${q(roundB)}&municipality=${q(municipalityCode)}`);
  }

  public reportHtml(roundId: string, municipalityCode: string): Promise<string> {
    return this.api.text('GET', `/api/hub/rounds/${q(roundId)}/report?municipality=${q(municipalityCode)}`, 'text/html');
  }

  public outcome(roundId: string): Promise<TwenteOutcomeDto> {
    return this.api.json('GET', `/api/hub/outcome?round=${q(roundId)}`);
  }

  public learningOutcome(): Promise<TwenteLearningOutcomeDto> {
    return this.api.json('GET', '/api/hub/learning/outcome');
  }

  public learningBands(): Promise<HubLearningBandsDto> {
    return this.api.json('GET', '/api/hub/learning/municipalities');
  }
}
