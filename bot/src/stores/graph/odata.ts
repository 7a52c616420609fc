import type { FieldSpec, ListSpec } from '@weerbaar/shared';
import { checkFilter } from '../list-item-fields.js';

/**
 * OData fragments for SharePoint list items through Graph. Filters are built only from
 * fields that `checkFilter` accepted (indexed columns of the spec), so a request never
 * needs `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`, which makes large lists
 * fail at random.
 */
export function itemsFilter(spec: ListSpec, filter: Readonly<Record<string, unknown>>): string | undefined {
  const clauses = checkFilter(spec, filter).map(([name]) => {
    const field = spec.fields[name];
    const value = filter[name];
    // checkFilter accepted both: a known, indexed field with a string, number or boolean.
    if (!field || (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')) {
      throw new Error(`Filter on ${name} passed validation without a usable value`);
    }
    return `fields/${name} eq ${literal(field, value)}`;
  });
  return clauses.length > 0 ? clauses.join(' and ') : undefined;
}

function literal(field: FieldSpec, value: string | number | boolean): string {
  // SharePoint compares Yes/No columns as 0/1; the literal `true` is known to match the
  // items that are false (SharePoint/sp-dev-docs#5594).
  if (field.type === 'boolean') return value === true || value === 'true' ? '1' : '0';
  if (field.type === 'number') return String(Number(value));
  return `'${String(value).replaceAll("'", "''")}'`;
}

/** `$expand=fields($select=…)` with exactly these columns: Graph then sends nothing else. */
export function expandFields(columns: readonly string[]): string {
  return `fields($select=${columns.join(',')})`;
}

/** The listItem properties the mapping reads; everything else stays on the server. */
export const ITEM_PROPERTIES = 'id,eTag,createdDateTime,lastModifiedDateTime,lastModifiedBy';

/** A query string with each value percent-encoded (the Graph SDK passes values through as given). */
export function queryString(params: Readonly<Record<string, string | undefined>>): string {
  const parts = Object.entries(params).flatMap(([key, value]) =>
    value === undefined ? [] : [`${key}=${encodeURIComponent(value)}`],
  );
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}
