import type { LearningBandsDto, LearningClient, LearningCompletionDto } from '@weerbaar/shared';
import { JsonApi, type Transport } from './ApiTransport';

/**
 * The learning module's completion figures from the municipality's instance. What comes back depends on
 * who asks (the service applies the policy): a head sees their own department by name, the MT contact
 * percentages with small departments hidden, and the Twente-wide view one band per municipality.
 */
export class HttpLearningClient implements LearningClient {
  private readonly api: JsonApi;

  public constructor(transport: Transport, language: string) {
    this.api = new JsonApi(transport, language);
  }

  public completion(): Promise<LearningCompletionDto> {
    return this.api.json<LearningCompletionDto>('GET', '/api/learning/completion');
  }

  public bands(): Promise<LearningBandsDto> {
    return this.api.json<LearningBandsDto>('GET', '/api/learning/completion?view=twente');
  }
}
