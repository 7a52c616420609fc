import {
  DomainError,
  ForbiddenError,
  NotFoundError,
  RoundClosedError,
  ValidationError,
  type HubSubmissionInput,
  type LearningBandReport,
  type MunicipalityResultsDto,
  type SubmissionDto,
} from '@weerbaar/shared';
import type { ServiceConfig } from '../config/config.js';
import type { Logger } from '../logging.js';
import { InstanceCredential } from './instance-credential.js';
import { localRegistryDir, publishInstanceKey } from './instance-registry.js';

/** The hub could not be reached, refused this instance's credential, or answered nonsense. */
export class HubUnavailableError extends DomainError {
  readonly code = 'hub-unavailable';
}

const TIMEOUT_MS = 10_000;

/**
 * The instance side of the instance-to-hub contract: every request carries a fresh JWT
 * signed with this instance's own key, and the hub's refusals come back as the same
 * domain errors the instance's own checks throw, so its API answers them alike.
 */
export class HubClient {
  constructor(
    private readonly baseUrl: string,
    private readonly credential: InstanceCredential,
    private readonly logger: Logger,
  ) {}

  /** The municipality's own results in every round (the hub answers 404 for any other). */
  async municipalityResults(municipalityCode: string): Promise<MunicipalityResultsDto> {
    return this.call<MunicipalityResultsDto>('GET', `/api/hub/municipalities/${encodeURIComponent(municipalityCode)}/results`);
  }

  /** One municipality's learning band (no people, no counts); the hub keeps the last one. */
  async reportLearningBand(municipalityCode: string, report: LearningBandReport): Promise<void> {
    await this.call<unknown>('PUT', `/api/hub/learning/municipalities/${encodeURIComponent(municipalityCode)}/band`, report);
  }

  async submitSelfScan(roundId: string, submission: HubSubmissionInput): Promise<SubmissionDto> {
    return this.call<SubmissionDto>('POST', `/api/hub/rounds/${encodeURIComponent(roundId)}/submissions`, submission);
  }

  private async call<T>(method: string, route: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${route}`, {
        method,
        headers: {
          authorization: `Bearer ${await this.credential.sign()}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      this.logger.warn({ route: route.split('/').slice(0, 4).join('/'), reason: error instanceof Error ? error.name : 'unknown' }, 'hub unreachable');
      throw new HubUnavailableError('the hub could not be reached');
    }
    const payload: unknown = await response.json().catch(() => undefined);
    if (response.ok && typeof payload === 'object' && payload !== null) return payload as T;
    throw this.refusal(response.status, payload);
  }

  private refusal(status: number, payload: unknown): Error {
    const error = typeof payload === 'object' && payload !== null ? (payload as { error?: { code?: unknown; field?: unknown } }).error : undefined;
    const code = typeof error?.code === 'string' ? error.code : 'unknown';
    if (status === 404) return new NotFoundError('the hub does not know it');
    if (status === 403) return new ForbiddenError('the hub refused');
    if (status === 409 && code === 'round-closed') return new RoundClosedError('Deze meetronde is gesloten; de resultaten liggen vast');
    if (status === 400) return new ValidationError('the hub refused the input', typeof error?.field === 'string' ? error.field : 'input');
    // 401 means the hub does not accept this instance's credential: an operator must act.
    this.logger.error({ status, code }, 'hub refused the request');
    return new HubUnavailableError('the hub refused the request');
  }
}

/**
 * Connects this instance to the hub, or null when no hub is configured. Local mode: the key
 * pair lives in the instance's own data folder and its public key is published for the hub.
 * Production: the private key comes from HUB_SIGNING_KEY; its public key is registered at
 * the hub by the operator (docs/hub-contract.md).
 */
export async function connectToHub(config: ServiceConfig, instanceDir: string, logger: Logger): Promise<HubClient | null> {
  if (!config.hub.url) return null;
  const identity = { instanceId: config.instanceId, tenantId: config.tenantId!, municipalityCodes: config.municipalityCodes };
  if (config.mode === 'production') {
    return new HubClient(config.hub.url, await InstanceCredential.fromPem(identity, config.hub.signingKeyPem!), logger);
  }
  const credential = await InstanceCredential.loadOrCreate(identity, instanceDir);
  publishInstanceKey(localRegistryDir(config.dataDir), { ...identity, municipalityCodes: [...identity.municipalityCodes], publicKeys: [credential.publicJwk] });
  logger.info({ keyId: credential.keyId }, 'hub credential ready');
  return new HubClient(config.hub.url, credential, logger);
}
