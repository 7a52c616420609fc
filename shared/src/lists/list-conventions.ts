import type { FieldSpec, ListSpec } from './define-list.js';

/**
 * What every provisioned organisation list carries besides the fields of its spec.
 *
 * The service writes with an app-only token, so SharePoint records "SharePoint App" as the
 * Editor of every change it makes. The person on whose behalf the service acted is kept in
 * an extra column instead, so the organisation store can answer `modifiedBy` truthfully and
 * the list's version history shows who changed what. Web parts that write as the signed-in
 * user fill it too; a change made in the SharePoint UI is recognised by its human Editor.
 */
export const EDITOR_FIELD_NAME = 'WT_EditorUpn';

export const editorFieldSpec: FieldSpec = {
  type: 'text',
  maxLength: 255,
  displayName: 'Gewijzigd namens (UPN)',
};

/**
 * Version history stays on for every organisation list: who was department head, deputy
 * or MT contact on a given date must be reconstructable when a signal's routing is audited.
 */
export const LIST_VERSIONING = { enabled: true } as const;

/** The columns a list needs on the site: its spec's fields plus the editor column. */
export function provisionedFields(spec: ListSpec): Record<string, FieldSpec> {
  return { ...spec.fields, [EDITOR_FIELD_NAME]: editorFieldSpec };
}
