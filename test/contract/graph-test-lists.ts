import { randomUUID } from 'node:crypto';

/**
 * The SharePoint side of the Graph test server: sites, lists, columns and items, with the
 * rules the real service applies to them. Routes translate HTTP to these calls; a rule
 * broken here answers with the status and error code SharePoint answers with.
 */
export type ColumnKind = 'text' | 'note' | 'number' | 'boolean' | 'dateTime' | 'choice';
export type ItemValue = string | number | boolean;

export interface TestColumn {
  id: string;
  name: string;
  displayName: string;
  required: boolean;
  indexed: boolean;
  readOnly: boolean;
  kind: ColumnKind;
  maxLength?: number;
  choices?: string[];
}

export interface Identity {
  application?: { id: string; displayName: string };
  user?: { displayName: string; email?: string };
}

export interface TestItem {
  id: number;
  guid: string;
  version: number;
  fields: Map<string, ItemValue>;
  created: string;
  modified: string;
  createdBy: Identity;
  modifiedBy: Identity;
}

export interface TestList {
  id: string;
  displayName: string;
  description: string;
  created: string;
  columns: TestColumn[];
  items: Map<number, TestItem>;
  nextItemId: number;
  /** Graph cannot read or set this; SharePoint REST can. New lists start without it here. */
  versioning: boolean;
}

export class GraphRuleError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const etagOf = (item: TestItem): string => `"${item.guid},${item.version}"`;

/** SharePoint answers whole seconds. */
const instant = (date = new Date()): string => `${date.toISOString().slice(0, 19)}Z`;

export function newList(displayName: string, description: string): TestList {
  const created = instant();
  const system = (name: string, kind: ColumnKind): TestColumn => ({
    id: randomUUID(), name, displayName: name, required: false, indexed: false, readOnly: true, kind,
  });
  return {
    id: randomUUID(),
    displayName,
    description,
    created,
    // A generic list comes with Title (required) and SharePoint's own read-only columns.
    columns: [
      { id: randomUUID(), name: 'Title', displayName: 'Title', required: true, indexed: false, readOnly: false, kind: 'text', maxLength: 255 },
      system('ID', 'number'),
      system('Created', 'dateTime'),
      system('Modified', 'dateTime'),
    ],
    items: new Map(),
    nextItemId: 1,
    versioning: false,
  };
}

/** Column definition JSON in, TestColumn out; exactly one type facet, as Graph demands. */
export function columnFromDefinition(list: TestList, body: Record<string, unknown>): TestColumn {
  const name = body.name;
  if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]{0,31}$/.test(name)) {
    throw new GraphRuleError(400, 'invalidRequest', 'Invalid column name');
  }
  if (list.columns.some((c) => c.name.toLowerCase() === name.toLowerCase())) {
    throw new GraphRuleError(409, 'nameAlreadyExists', `A field with name ${name} already exists`);
  }
  const facets = (['text', 'number', 'boolean', 'dateTime', 'choice'] as const).filter((f) => isRecord(body[f]));
  const facet = facets[0];
  if (facets.length !== 1 || !facet) throw new GraphRuleError(400, 'invalidRequest', 'Exactly one column type facet is required');
  const detail = body[facet];
  const settings = isRecord(detail) ? detail : {};
  const column: TestColumn = {
    id: randomUUID(),
    name,
    displayName: typeof body.displayName === 'string' ? body.displayName : name,
    required: body.required === true,
    indexed: false,
    readOnly: false,
    kind: facet === 'text' && settings.allowMultipleLines === true ? 'note' : facet,
  };
  if (facet === 'text' && column.kind === 'text') column.maxLength = typeof settings.maxLength === 'number' ? settings.maxLength : 255;
  if (facet === 'choice') column.choices = stringArray(settings.choices);
  if (body.indexed === true) setIndexed(column, true);
  return column;
}

export function patchColumn(column: TestColumn, body: Record<string, unknown>): void {
  if (column.readOnly) throw new GraphRuleError(400, 'invalidRequest', 'The column is read-only');
  if (typeof body.required === 'boolean') column.required = body.required;
  if (typeof body.indexed === 'boolean') setIndexed(column, body.indexed);
  if (isRecord(body.text) && typeof body.text.maxLength === 'number' && column.kind === 'text') column.maxLength = body.text.maxLength;
  if (isRecord(body.choice) && column.kind === 'choice') column.choices = stringArray(body.choice.choices);
}

function setIndexed(column: TestColumn, indexed: boolean): void {
  // Multiple lines of text cannot be indexed in SharePoint.
  if (indexed && column.kind === 'note') throw new GraphRuleError(400, 'invalidRequest', 'This column type cannot be indexed');
  column.indexed = indexed;
}

/** Validates and stores written fields, as SharePoint does for a Graph write. */
export function writeFields(list: TestList, item: TestItem, fields: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(fields)) {
    const column = list.columns.find((c) => c.name === name);
    if (!column || column.readOnly) throw new GraphRuleError(400, 'invalidRequest', `Field '${name}' is not recognized`);
    if (value === null) {
      item.fields.delete(name);
      continue;
    }
    item.fields.set(name, checkedValue(column, value));
  }
}

function checkedValue(column: TestColumn, value: unknown): ItemValue {
  const refuse = () => new GraphRuleError(400, 'invalidRequest', `Invalid value for field '${column.name}'`);
  switch (column.kind) {
    case 'text':
    case 'note':
      if (typeof value !== 'string' || (column.maxLength !== undefined && value.length > column.maxLength)) throw refuse();
      return value;
    case 'choice':
      if (typeof value !== 'string' || !(column.choices ?? []).includes(value)) throw refuse();
      return value;
    case 'number':
      if (typeof value !== 'number') throw refuse();
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw refuse();
      return value;
    case 'dateTime':
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw refuse();
      return instant(new Date(value));
  }
}

export function newItem(list: TestList, by: Identity): TestItem {
  const now = instant();
  const id = list.nextItemId++;
  return { id, guid: randomUUID(), version: 1, fields: new Map(), created: now, modified: now, createdBy: by, modifiedBy: by };
}

export function touch(item: TestItem, by: Identity): void {
  item.version += 1;
  item.modified = instant();
  item.modifiedBy = by;
}

/** Every field of an item, SharePoint's own included, as an unselected `fields` shows them. */
export function allFields(item: TestItem): Record<string, unknown> {
  return {
    '@odata.etag': etagOf(item),
    id: String(item.id),
    ContentType: 'Item',
    ...Object.fromEntries(item.fields),
    Created: item.created,
    Modified: item.modified,
    AuthorLookupId: '12',
    EditorLookupId: '12',
    _UIVersionString: `${item.version}.0`,
    Attachments: false,
  };
}

type Clause = { column: TestColumn; matches: (value: ItemValue | undefined) => boolean };

/**
 * `fields/X eq literal [and …]`. A column that is not indexed is refused unless the caller
 * sent `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`, with SharePoint's message.
 */
export function parseFilter(list: TestList, filter: string, honourNonIndexed: boolean): Clause[] {
  const clauses: Clause[] = [];
  const pattern = /^fields\/([A-Za-z_][A-Za-z0-9_]*) eq ('(?:[^']|'')*'|-?\d+(?:\.\d+)?|true|false)(?: and |$)/;
  let rest = filter.trim();
  while (rest.length > 0) {
    const match = pattern.exec(rest);
    if (!match?.[1] || !match[2]) throw new GraphRuleError(400, 'invalidRequest', 'Invalid filter clause');
    const [whole, name, literal] = match;
    const column = list.columns.find((c) => c.name === name);
    if (!column) throw new GraphRuleError(400, 'invalidRequest', `Field '${name}' is not recognized`);
    if (!column.indexed && !honourNonIndexed) {
      throw new GraphRuleError(
        400,
        'invalidRequest',
        `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
      );
    }
    clauses.push({ column, matches: matcher(column, literal) });
    rest = rest.slice(whole.length);
  }
  return clauses;
}

function matcher(column: TestColumn, literal: string): (value: ItemValue | undefined) => boolean {
  if (literal.startsWith("'")) {
    const text = literal.slice(1, -1).replaceAll("''", "'");
    // A quoted 'true' on a Yes/No column behaves like the bare literal (sp-dev-docs#5594).
    if (column.kind === 'boolean' && (text === 'true' || text === 'false')) return matcher(column, text);
    return (value) => value === text;
  }
  if (column.kind === 'boolean') {
    // SharePoint compares Yes/No as 0/1; the literals true/false match the opposite items.
    if (literal === 'true' || literal === 'false') return (value) => (value === true) !== (literal === 'true');
    return (value) => (value === true) === (Number(literal) !== 0);
  }
  return (value) => value === Number(literal);
}

export function matchesAll(item: TestItem, clauses: readonly Clause[]): boolean {
  return clauses.every((clause) => clause.matches(item.fields.get(clause.column.name)));
}

/** `$skiptoken` as SharePoint writes it: base64 of `Paged=TRUE&p_ID=<last id>`. */
export const skipTokenAfter = (id: number): string => Buffer.from(`Paged=TRUE&p_ID=${id}`).toString('base64url');

export function idAfterSkipToken(token: string): number {
  const match = /^Paged=TRUE&p_ID=(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!match?.[1]) throw new GraphRuleError(400, 'invalidRequest', 'Invalid skip token');
  return Number(match[1]);
}

export function columnJson(column: TestColumn): Record<string, unknown> {
  const facet =
    column.kind === 'text' ? { text: { allowMultipleLines: false, maxLength: column.maxLength ?? 255 } }
    : column.kind === 'note' ? { text: { allowMultipleLines: true } }
    : column.kind === 'choice' ? { choice: { choices: column.choices ?? [], displayAs: 'dropDownMenu', allowTextEntry: false } }
    : column.kind === 'dateTime' ? { dateTime: { format: 'dateTime' } }
    : { [column.kind]: {} };
  return {
    id: column.id,
    name: column.name,
    displayName: column.displayName,
    required: column.required,
    indexed: column.indexed,
    readOnly: column.readOnly,
    hidden: false,
    ...facet,
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
