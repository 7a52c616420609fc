import type {
  AgendaClient,
  AgendaOverviewDto,
  AgendaRegistrationRequest,
  AgendaRegistrationResultDto,
  Requirement1aListDto
} from '@weerbaar/shared';
import { JsonApi, type Transport } from './ApiTransport';

/**
 * The agenda API of the municipality's instance. What comes back depends on who asks (the service
 * applies the policy): the MT contact sees every department, a head of department their own.
 */
export class HttpAgendaClient implements AgendaClient {
  private readonly api: JsonApi;

  public constructor(transport: Transport, language: string) {
    this.api = new JsonApi(transport, language);
  }

  public overview(): Promise<AgendaOverviewDto> {
    return this.api.json<AgendaOverviewDto>('GET', '/api/agenda');
  }

  public register(departmentId: string, request: AgendaRegistrationRequest): Promise<AgendaRegistrationResultDto> {
    return this.api.json<AgendaRegistrationResultDto>('POST', '/api/agenda/' + encodeURIComponent(departmentId) + '/registrations', request);
  }

  public requirement1a(): Promise<Requirement1aListDto> {
    return this.api.json<Requirement1aListDto>('GET', '/api/agenda/requirement-1a');
  }
}
