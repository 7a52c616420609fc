import { NonIndexedFilterError, ValidationError, type FieldSpec, type ListSpec } from '@weerbaar/shared';

/**
 * Checks list item fields against the list's spec the way SharePoint would: unknown
 * columns, wrong types, over-long text, values outside a choice column and missing
 * required columns are refused. Shared by every organisation-store adapter, so the
 * local adapter refuses exactly what a SharePoint list refuses. Messages name the field,
 * never the value (it may be personal data).
 */
export type FieldValue = string | number | boolean | null;
export type StoredFields = Record<string, FieldValue>;

export function validateFieldValues(spec: ListSpec, fields: Readonly<Record<string, unknown>>): StoredFields {
  const result: StoredFields = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const field = spec.fields[name];
    if (!field) throw new ValidationError(`Onbekend veld ${name} in lijst ${spec.name} (unknown field)`, name);
    result[name] = checkValue(name, field, value);
  }
  return result;
}

/** A complete item: every required field present and not empty. */
export function assertRequiredFields(spec: ListSpec, fields: StoredFields): void {
  for (const [name, field] of Object.entries(spec.fields)) {
    const value = fields[name];
    if (field.required && (value === undefined || value === null || value === '')) {
      throw new ValidationError(`Verplicht veld ${name} ontbreekt (required field missing)`, name);
    }
  }
}

/** The text form of an indexed value, as stored for and compared by equality filters. */
export function indexValue(value: string | number | boolean): string {
  return typeof value === 'string' ? value : String(value);
}

/** Equality filters are allowed on indexed columns only (SharePoint's list view threshold). */
export function checkFilter(spec: ListSpec, filter: Readonly<Record<string, unknown>>): [string, string][] {
  const checked: [string, string][] = [];
  for (const [name, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    const field = spec.fields[name];
    if (!field) throw new ValidationError(`Onbekend veld ${name} in filter (unknown field)`, name);
    if (!field.indexed) {
      throw new NonIndexedFilterError(`Filteren op ${name} kan niet: die kolom is niet geïndexeerd (column is not indexed)`);
    }
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new ValidationError(`Filterwaarde voor ${name} moet tekst, een getal of ja/nee zijn (invalid filter value)`, name);
    }
    checked.push([name, indexValue(value)]);
  }
  return checked;
}

function checkValue(name: string, field: FieldSpec, value: unknown): FieldValue {
  if (value === null) return null;
  const invalid = (expected: string) =>
    new ValidationError(`Veld ${name} moet ${expected} zijn (invalid value)`, name);
  switch (field.type) {
    case 'text':
    case 'note':
      if (typeof value !== 'string') throw invalid('tekst');
      if (field.maxLength !== undefined && value.length > field.maxLength) {
        throw new ValidationError(`Veld ${name} is langer dan ${field.maxLength} tekens (too long)`, name);
      }
      return value;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid('een getal');
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw invalid('ja of nee');
      return value;
    case 'dateTime':
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value))) {
        throw invalid('een datum (ISO 8601)');
      }
      return value;
    case 'choice':
      if (typeof value !== 'string' || !(field.choices ?? []).includes(value)) throw invalid('een van de keuzes');
      return value;
  }
}
