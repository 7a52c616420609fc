import type {
  ChecklistClient,
  ChecklistDto,
  ChecklistHistoryDto,
  ChecklistItemDto,
  ChecklistUpdateRequest,
  RequirementId
} from '@weerbaar/shared';
import { JsonApi, type Transport } from './ApiTransport';

/**
 * The working checklist through the instance's API (`/api/checklist`): the local workbench,
 * where the organisation store is the instance's SQLite file, not a SharePoint list. The
 * instance applies the same service and the policy (checklist.read / checklist.edit).
 */
export class LocalChecklistService implements ChecklistClient {
  private readonly api: JsonApi;

  public constructor(transport: Transport, language: string) {
    this.api = new JsonApi(transport, language);
  }

  public read(): Promise<ChecklistDto> {
    return this.api.json<ChecklistDto>('GET', '/api/checklist');
  }

  public update(requirementId: RequirementId, etag: string, change: ChecklistUpdateRequest): Promise<ChecklistItemDto> {
    return this.api.json<ChecklistItemDto>('PATCH', '/api/checklist/' + encodeURIComponent(requirementId), change, { 'If-Match': '"' + etag + '"' });
  }

  public history(requirementId: RequirementId): Promise<ChecklistHistoryDto> {
    return this.api.json<ChecklistHistoryDto>('GET', '/api/checklist/' + encodeURIComponent(requirementId) + '/history');
  }
}
