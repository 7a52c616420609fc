import type { ChecklistClient, ChecklistDto, ChecklistHistoryDto, ChecklistItemDto, ChecklistUpdateRequest, RequirementId } from '@weerbaar/shared';

/**
 * A checklist client whose implementation loads on first use, so a web part's first view
 * (heading, themes, spinner) does not wait for the data layer (PnPjs and the shared service
 * with its input schemas): that arrives as a separate chunk while the page is drawn.
 */
export class LazyChecklistClient implements ChecklistClient {
  private loaded: Promise<ChecklistClient> | undefined;

  public constructor(private readonly load: () => Promise<ChecklistClient>) {}

  public read(): Promise<ChecklistDto> {
    return this.client().then((client) => client.read());
  }

  public update(requirementId: RequirementId, etag: string, change: ChecklistUpdateRequest): Promise<ChecklistItemDto> {
    return this.client().then((client) => client.update(requirementId, etag, change));
  }

  public history(requirementId: RequirementId): Promise<ChecklistHistoryDto> {
    return this.client().then((client) => client.history(requirementId));
  }

  private client(): Promise<ChecklistClient> {
    if (!this.loaded) {
      this.loaded = this.load();
      // A failed load (network) may be retried by the next call.
      this.loaded.catch(() => (this.loaded = undefined));
    }
    return this.loaded;
  }
}
