import {
  EDITOR_FIELD_NAME,
  provisionedFields,
  type FieldSpec,
  type FieldsFor,
  type ItemOf,
  type ListSpec,
  type OrganisationListName,
} from '@weerbaar/shared';
import type { FieldValue, StoredFields } from '../list-item-fields.js';
import { GraphRequestError, type GraphIdentitySet, type GraphListItem } from './graph-responses.js';

/**
 * Between Graph's list item JSON and the port's `ListItem<F>`. Only the spec's columns (and
 * the editor column) are read; SharePoint's own columns stay out of the domain.
 */
export function selectedColumns(spec: ListSpec): string[] {
  return Object.keys(provisionedFields(spec));
}

/** The fields to send: the validated values plus the editor column. */
export function toGraphFields(values: StoredFields, editor: string, omitNulls: boolean): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const [name, value] of Object.entries(values)) {
    // On create an empty optional column is simply not sent; on update null clears it.
    if (value === null && omitNulls) continue;
    out[name] = value;
  }
  out[EDITOR_FIELD_NAME] = editor;
  return out;
}

export function itemFromGraph<N extends OrganisationListName>(spec: ListSpec, item: GraphListItem): ItemOf<N> {
  return {
    id: item.id,
    etag: item.eTag,
    fields: fieldsFromGraph<N>(spec, item.fields),
    createdAt: isoInstant(item.createdDateTime, 'createdDateTime'),
    modifiedAt: isoInstant(item.lastModifiedDateTime, 'lastModifiedDateTime'),
    modifiedBy: editorOf(item.fields, item.lastModifiedBy),
  };
}

/**
 * The item after PATCH …/fields: the answer is the item's complete field set, which holds
 * its new eTag, Created and Modified. Undefined when Graph left those out.
 */
export function itemFromFieldValueSet<N extends OrganisationListName>(
  spec: ListSpec,
  id: string,
  fields: Readonly<Record<string, unknown>>,
  editor: string,
): ItemOf<N> | undefined {
  const etag = fields['@odata.etag'];
  const created = fields.Created;
  const modified = fields.Modified;
  if (typeof etag !== 'string' || typeof created !== 'string' || typeof modified !== 'string') return undefined;
  return {
    id,
    etag,
    fields: fieldsFromGraph<N>(spec, fields),
    createdAt: isoInstant(created, 'Created'),
    modifiedAt: isoInstant(modified, 'Modified'),
    modifiedBy: editor,
  };
}

function fieldsFromGraph<N extends OrganisationListName>(spec: ListSpec, raw: Readonly<Record<string, unknown>>): FieldsFor<N> {
  const fields: StoredFields = {};
  for (const [name, field] of Object.entries(spec.fields)) {
    const value = raw[name];
    // SharePoint leaves empty columns out of the field set.
    if (value === undefined || value === null) continue;
    fields[name] = fromGraphValue(name, field, value);
  }
  // Each value was checked against its column's type above, so these are the spec's fields.
  return fields as FieldsFor<N>;
}

function fromGraphValue(name: string, field: FieldSpec, value: unknown): FieldValue {
  const unexpected = () => new GraphRequestError(`Onverwachte waarde in kolom ${name} (unexpected column value)`, undefined, undefined);
  switch (field.type) {
    case 'number':
      if (typeof value !== 'number') throw unexpected();
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw unexpected();
      return value;
    case 'dateTime':
      if (typeof value !== 'string') throw unexpected();
      // SharePoint answers whole seconds ("…T08:00:00Z"); the domain writes toISOString().
      return isoInstant(value, name);
    case 'text':
    case 'note':
    case 'choice':
      if (typeof value !== 'string') throw unexpected();
      return value;
  }
}

function isoInstant(value: string, name: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new GraphRequestError(`Onverwachte datum in ${name} (unexpected date)`, undefined, undefined);
  return new Date(time).toISOString();
}

/**
 * Who made the last change. The service writes app-only, so SharePoint's Editor is the app
 * and the acting person is in the editor column. A person who changed the item in
 * SharePoint itself is the Editor there, and wins: the editor column is then stale.
 */
function editorOf(fields: Readonly<Record<string, unknown>>, lastModifiedBy: GraphIdentitySet | undefined): string {
  const person = lastModifiedBy?.user?.email;
  if (person && !lastModifiedBy?.application) return person;
  const recorded = fields[EDITOR_FIELD_NAME];
  if (typeof recorded === 'string' && recorded !== '') return recorded;
  return lastModifiedBy?.application?.id ?? lastModifiedBy?.user?.displayName ?? '';
}
