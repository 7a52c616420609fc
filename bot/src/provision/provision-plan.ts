import { LIST_VERSIONING, provisionedFields, type FieldSpec, type FieldType, type ListSpec } from '@weerbaar/shared';
import type { GraphColumn } from '../stores/graph/graph-responses.js';

/**
 * What a site needs to match the list specs, as an ordered list of steps. Pure: the site's
 * current state goes in, the plan comes out, so the dry run prints exactly what the apply
 * would do, and a second run over a matching site yields no steps.
 */
export interface ExistingList {
  id: string;
  title: string;
  columns: GraphColumn[];
  /** From SharePoint REST; 'unknown' when it could not be read (e.g. a client secret). */
  versioning: boolean | 'unknown';
}

export type ColumnChange = { required?: boolean; maxLength?: number; choices?: readonly string[] };

export type ProvisionStep =
  | { kind: 'create-list'; list: string; description: string }
  | { kind: 'add-column'; list: string; column: string; field: FieldSpec }
  | { kind: 'update-column'; list: string; column: string; change: ColumnChange }
  | { kind: 'index-column'; list: string; column: string }
  | { kind: 'enable-versioning'; list: string };

export interface ProvisionFinding {
  kind: 'conflict' | 'warning';
  list: string;
  message: string;
}

export interface ProvisionPlan {
  steps: ProvisionStep[];
  /** Conflicts stop an apply (a column of another type cannot be converted safely). */
  findings: ProvisionFinding[];
}

export function planProvisioning(specs: readonly ListSpec[], existing: ReadonlyMap<string, ExistingList>): ProvisionPlan {
  const steps: ProvisionStep[] = [];
  const findings: ProvisionFinding[] = [];
  for (const spec of specs) {
    const list = existing.get(spec.title);
    if (!list) steps.push({ kind: 'create-list', list: spec.title, description: spec.description });
    const indexSteps: ProvisionStep[] = [];
    for (const [name, field] of Object.entries(provisionedFields(spec))) {
      const column = (list?.columns ?? NEW_LIST_COLUMNS).find((c) => c.name === name);
      if (!column) {
        steps.push({ kind: 'add-column', list: spec.title, column: name, field });
        if (field.indexed) indexSteps.push({ kind: 'index-column', list: spec.title, column: name });
        continue;
      }
      const actual = columnType(column);
      if (actual !== field.type) {
        findings.push({
          kind: 'conflict',
          list: spec.title,
          message: `kolom ${name} is ${actual ?? 'onbekend'} op de site, de definitie zegt ${field.type} (column type differs; change it by hand)`,
        });
        continue;
      }
      const change = columnChange(column, field);
      if (change) steps.push({ kind: 'update-column', list: spec.title, column: name, change });
      if (field.indexed && !column.indexed) indexSteps.push({ kind: 'index-column', list: spec.title, column: name });
    }
    steps.push(...indexSteps);
    if (LIST_VERSIONING.enabled && list?.versioning === 'unknown') {
      findings.push({
        kind: 'warning',
        list: spec.title,
        message: `versiebeheer niet te controleren (versioning unreadable): zet het aan met Set-PnPList -Identity ${spec.title} -EnableVersioning $true`,
      });
    } else if (LIST_VERSIONING.enabled && list?.versioning !== true) {
      steps.push({ kind: 'enable-versioning', list: spec.title });
    }
  }
  return { steps, findings };
}

/** A new generic list already has a required Title column (single line, 255). */
const NEW_LIST_COLUMNS: GraphColumn[] = [
  { id: '', name: 'Title', required: true, indexed: false, text: { allowMultipleLines: false, maxLength: 255 } },
];

/** The FieldType a Graph column definition has, from its type facet. */
export function columnType(column: GraphColumn): FieldType | undefined {
  if (column.text) return column.text.allowMultipleLines ? 'note' : 'text';
  if (column.number) return 'number';
  if (column.boolean) return 'boolean';
  if (column.dateTime) return 'dateTime';
  if (column.choice) return 'choice';
  return undefined;
}

function columnChange(column: GraphColumn, field: FieldSpec): ColumnChange | undefined {
  const change: ColumnChange = {};
  if ((column.required ?? false) !== (field.required ?? false)) change.required = field.required ?? false;
  if (field.type === 'text' && field.maxLength !== undefined && column.text?.maxLength !== field.maxLength) {
    change.maxLength = field.maxLength;
  }
  if (field.type === 'choice') {
    const wanted = [...(field.choices ?? [])].sort();
    const present = [...(column.choice?.choices ?? [])].sort();
    if (wanted.join('\n') !== present.join('\n')) change.choices = field.choices ?? [];
  }
  return Object.keys(change).length > 0 ? change : undefined;
}

/** The column definition Graph creates a column from (never `indexed`: that is a separate step). */
export function columnDefinition(name: string, field: FieldSpec): Record<string, unknown> {
  const base = { name, displayName: field.displayName, required: field.required ?? false };
  switch (field.type) {
    case 'text':
      return { ...base, text: { allowMultipleLines: false, maxLength: field.maxLength ?? 255 } };
    case 'note':
      return { ...base, text: { allowMultipleLines: true, linesForEditing: 6, textType: 'plain' } };
    case 'number':
      return { ...base, number: {} };
    case 'boolean':
      return { ...base, boolean: {} };
    case 'dateTime':
      return { ...base, dateTime: { format: 'dateTime', displayAs: 'standard' } };
    case 'choice':
      return { ...base, choice: { choices: [...(field.choices ?? [])], displayAs: 'dropDownMenu', allowTextEntry: false } };
  }
}

/** The PATCH body for a column change. */
export function columnPatch(change: ColumnChange): Record<string, unknown> {
  return {
    ...(change.required !== undefined ? { required: change.required } : {}),
    ...(change.maxLength !== undefined ? { text: { maxLength: change.maxLength } } : {}),
    ...(change.choices !== undefined ? { choice: { choices: [...change.choices] } } : {}),
  };
}

export function describeStep(step: ProvisionStep): string {
  switch (step.kind) {
    case 'create-list':
      return `+ lijst ${step.list} aanmaken (create list)`;
    case 'add-column':
      return `+ kolom ${step.list}.${step.column} toevoegen: ${step.field.type}${step.field.required ? ', verplicht' : ''} (add column)`;
    case 'update-column':
      return `~ kolom ${step.list}.${step.column} bijwerken: ${describeChange(step.change)} (update column)`;
    case 'index-column':
      return `* index op ${step.list}.${step.column} (index column)`;
    case 'enable-versioning':
      return `v versiebeheer aan voor ${step.list} (enable versioning)`;
  }
}

function describeChange(change: ColumnChange): string {
  const parts: string[] = [];
  if (change.required !== undefined) parts.push(`verplicht=${change.required ? 'ja' : 'nee'}`);
  if (change.maxLength !== undefined) parts.push(`max. lengte=${change.maxLength}`);
  if (change.choices !== undefined) parts.push(`keuzes=${change.choices.join('|')}`);
  return parts.join(', ');
}
