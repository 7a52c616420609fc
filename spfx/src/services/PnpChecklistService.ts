import type { SPFI } from '@pnp/sp';
import {
  ChecklistService,
  EDITOR_FIELD_NAME,
  ORGANISATION_LISTS,
  StandardChecklistDerivations,
  historyFromVersions,
  requirement1aFromLists,
  type ChecklistClient,
  type ChecklistDto,
  type ChecklistHistoryDto,
  type ChecklistHistoryEntryDto,
  type ChecklistHistoryLog,
  type ChecklistItemDto,
  type ChecklistUpdateRequest,
  type ChecklistVersion,
  type ItemOf,
  type RequirementId
} from '@weerbaar/shared';
import { PnpOrganisationStore } from './PnpOrganisationStore';

/**
 * The checklist's history in SharePoint is the list's version history: every save is a
 * version, so nothing extra is written; reading compares each version with the one before.
 */
export class PnpVersionHistory implements ChecklistHistoryLog {
  public constructor(private readonly store: PnpOrganisationStore) {}

  public async record(): Promise<void> {
    // SharePoint already keeps the version; a second copy could only disagree with it.
  }

  public async entriesOf(item: ItemOf<'checklist'>): Promise<ChecklistHistoryEntryDto[]> {
    const raw = await this.store.versions('checklist', item.id);
    return historyFromVersions(raw.map(versionOf));
  }
}

/**
 * A version's field value. The versions endpoint writes an underscore in an internal name
 * as `_x005f_` (WT_EditorUpn comes back as WT_x005f_EditorUpn), so both spellings are read.
 */
function versionValue(raw: Record<string, unknown>, name: string): unknown {
  return name in raw ? raw[name] : raw[name.replace(/_/g, '_x005f_')];
}

function versionOf(raw: Record<string, unknown>): ChecklistVersion {
  const fields: Record<string, unknown> = {};
  for (const name of [...Object.keys(ORGANISATION_LISTS.checklist.fields), EDITOR_FIELD_NAME]) {
    const value = versionValue(raw, name);
    fields[name] = value === undefined ? null : value;
  }
  const editor = raw.Editor as { LookupValue?: unknown; Title?: unknown } | undefined;
  const editorName = typeof editor?.LookupValue === 'string' ? editor.LookupValue : typeof editor?.Title === 'string' ? editor.Title : '';
  return { modifiedAt: String(raw.Modified ?? raw.Created ?? ''), modifiedBy: editorName, fields: fields as ChecklistVersion['fields'] };
}

export interface PnpChecklistOptions {
  /** The municipality whose checklist this site keeps (one site may serve two). */
  municipalityCode: string;
  /** The signed-in user, written to the editor column so the version history names them. */
  editorUpn: string;
  /** Whether the signal channel (bot and reporting form) is live: requirement 2b. */
  signalChannelLive(): Promise<boolean>;
  /** Requirement 1a's dates are local dates in this zone. */
  timeZone?: string;
  now?: () => Date;
}

/**
 * The working checklist straight on the municipality's SharePoint list, with the same
 * service (checks, derived requirements, history) as the instance. Who may edit is
 * SharePoint's list permission here; the UI asks it before offering to edit.
 */
export class PnpChecklistService implements ChecklistClient {
  private readonly store: PnpOrganisationStore;
  private readonly service: ChecklistService;

  public constructor(sp: SPFI, private readonly options: PnpChecklistOptions) {
    this.store = new PnpOrganisationStore(sp);
    const now = options.now ?? (() => new Date());
    this.service = new ChecklistService({
      organisation: this.store,
      history: new PnpVersionHistory(this.store),
      derivations: new StandardChecklistDerivations({
        organisation: this.store,
        requirement1a: (code) => requirement1aFromLists(this.store, code, now(), options.timeZone ?? 'Europe/Amsterdam'),
        signalChannelLive: () => options.signalChannelLive()
      })
    });
  }

  public async read(): Promise<ChecklistDto> {
    const canEdit = await this.store.canEdit('checklist').catch(() => false);
    return this.service.read(this.options.municipalityCode, canEdit);
  }

  public update(requirementId: RequirementId, etag: string, change: ChecklistUpdateRequest): Promise<ChecklistItemDto> {
    return this.service.update(this.options.municipalityCode, requirementId, etag, change, this.options.editorUpn.toLowerCase());
  }

  public history(requirementId: RequirementId): Promise<ChecklistHistoryDto> {
    return this.service.history(this.options.municipalityCode, requirementId);
  }
}
