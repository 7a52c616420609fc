import { EDITOR_FIELD_NAME, indexedFields, type ListSpec } from '@weerbaar/shared';

/**
 * The lists of the local SharePoint REST stand-in, with SharePoint's rules: the list view
 * threshold (5,000 items), `$filter` only on indexed columns above it, `$top` at most 5,000,
 * per-item eTags ("1", "2", …) and a version kept for every save.
 */
export const LIST_VIEW_THRESHOLD = 5000;

/** SharePoint Online's own words when a query crosses the list view threshold. */
export const THRESHOLD_MESSAGE =
  'The attempted operation is prohibited because it exceeds the list view threshold.';

export class SharePointRuleError extends Error {
  constructor(
    readonly status: number,
    readonly spCode: string,
    message: string,
  ) {
    super(message);
  }
}

export interface StoredItem {
  id: number;
  version: number;
  fields: Record<string, unknown>;
  created: string;
  modified: string;
  editorTitle: string;
  versions: { version: number; fields: Record<string, unknown>; modified: string; editorTitle: string }[];
}

export class TestList {
  readonly items = new Map<number, StoredItem>();
  private lastId = 0;

  constructor(readonly spec: ListSpec) {}

  get allowedColumns(): Set<string> {
    return new Set(['Id', 'ID', 'Created', 'Modified', 'Editor/Title', EDITOR_FIELD_NAME, ...Object.keys(this.spec.fields)]);
  }

  add(fields: Record<string, unknown>, editorTitle: string, at: string): StoredItem {
    this.checkFields(fields);
    this.lastId += 1;
    const item: StoredItem = { id: this.lastId, version: 1, fields: { ...fields }, created: at, modified: at, editorTitle, versions: [] };
    item.versions.push({ version: 1, fields: { ...fields }, modified: at, editorTitle });
    this.items.set(item.id, item);
    return item;
  }

  merge(id: number, fields: Record<string, unknown>, ifMatch: string | undefined, editorTitle: string, at: string): StoredItem {
    const item = this.items.get(id);
    if (!item) throw new SharePointRuleError(404, '-2130575338, System.ArgumentException', 'Item does not exist. It may have been deleted by another user.');
    checkIfMatch(item, ifMatch);
    this.checkFields(fields);
    item.fields = { ...item.fields, ...fields };
    item.version += 1;
    item.modified = at;
    item.editorTitle = editorTitle;
    item.versions.push({ version: item.version, fields: { ...item.fields }, modified: at, editorTitle });
    return item;
  }

  remove(id: number, ifMatch: string | undefined): void {
    const item = this.items.get(id);
    if (!item) throw new SharePointRuleError(404, '-2130575338, System.ArgumentException', 'Item does not exist.');
    checkIfMatch(item, ifMatch);
    this.items.delete(id);
  }

  /** `Field eq 'x' and Other eq 1`: the only filters the store sends. */
  query(filter: string | undefined, top: number, afterId: number): { page: StoredItem[]; more: boolean } {
    if (top > LIST_VIEW_THRESHOLD) throw new SharePointRuleError(500, '-2147024860, Microsoft.SharePoint.SPQueryThrottledException', THRESHOLD_MESSAGE);
    const conditions = parseFilter(filter);
    const indexed = new Set(indexedFields(this.spec));
    const unindexed = conditions.filter((c) => !indexed.has(c.field));
    if (unindexed.length > 0 && this.items.size > LIST_VIEW_THRESHOLD) {
      throw new SharePointRuleError(500, '-2147024860, Microsoft.SharePoint.SPQueryThrottledException', THRESHOLD_MESSAGE);
    }
    const matching = [...this.items.values()]
      .filter((item) => item.id > afterId)
      .filter((item) => conditions.every((c) => String(normalise(item.fields[c.field])) === c.value));
    return { page: matching.slice(0, top), more: matching.length > top };
  }

  private checkFields(fields: Record<string, unknown>): void {
    for (const name of Object.keys(fields)) {
      if (name !== EDITOR_FIELD_NAME && !this.spec.fields[name]) {
        throw new SharePointRuleError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', `The property '${name}' does not exist on type 'SP.Data.ListItem'.`);
      }
    }
  }
}

export function etagOf(item: StoredItem): string {
  return `"${item.version}"`;
}

function checkIfMatch(item: StoredItem, ifMatch: string | undefined): void {
  // SharePoint itself accepts "*" and no header; this contract requires the item's eTag.
  if (!ifMatch || ifMatch === '*') {
    throw new SharePointRuleError(428, 'contract', 'IF-MATCH with the item\'s eTag is required by the organisation-store contract.');
  }
  if (ifMatch !== etagOf(item)) {
    throw new SharePointRuleError(
      412,
      '-1, Microsoft.SharePoint.Client.ClientServiceException',
      `The request ETag value '${ifMatch}' does not match the object's ETag value '${etagOf(item)}'.`,
    );
  }
}

function normalise(value: unknown): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  return value === null || value === undefined ? '' : String(value);
}

function parseFilter(filter: string | undefined): { field: string; value: string }[] {
  if (!filter) return [];
  return filter.split(/\s+and\s+/i).map((part) => {
    const match = /^\s*(\w+)\s+eq\s+(?:'((?:[^']|'')*)'|(\d+))\s*$/.exec(part);
    if (!match?.[1]) throw new SharePointRuleError(400, 'test-server', `Unsupported filter: ${part}`);
    return { field: match[1], value: match[2] !== undefined ? match[2].replace(/''/g, "'") : (match[3] ?? '') };
  });
}
