/**
 * One typed source of truth per SharePoint list: internal field names, types, required
 * and indexed columns. Provisioning, the Graph and PnPjs mappings, the SQLite adapter
 * and the tests all read these definitions, so a field name is written down once.
 */
export type FieldType = 'text' | 'note' | 'number' | 'boolean' | 'dateTime' | 'choice';

export interface FieldSpec {
  type: FieldType;
  required?: boolean;
  /** Indexed columns are the only ones the organisation store may filter on. */
  indexed?: boolean;
  /** Allowed values for `choice` fields. */
  choices?: readonly string[];
  /** Maximum length for text fields (SharePoint single line of text: 255). */
  maxLength?: number;
  displayName: string;
}

export interface ListSpec<F extends Record<string, FieldSpec> = Record<string, FieldSpec>> {
  /** Logical name used in code and in the organisation-store port. */
  name: string;
  /** SharePoint list title (URL-safe, prefixed so it is recognisable in the site). */
  title: string;
  description: string;
  fields: F;
}

type ValueOf<S extends FieldSpec> = S['type'] extends 'number'
  ? number
  : S['type'] extends 'boolean'
    ? boolean
    : string;

type RequiredKeys<F extends Record<string, FieldSpec>> = {
  [K in keyof F]: F[K]['required'] extends true ? K : never;
}[keyof F];
type OptionalKeys<F extends Record<string, FieldSpec>> = Exclude<keyof F, RequiredKeys<F>>;

/** The TypeScript shape of one list item's fields, derived from the spec. */
export type FieldsOf<L extends ListSpec> = {
  [K in RequiredKeys<L['fields']>]: ValueOf<L['fields'][K]>;
} & {
  [K in OptionalKeys<L['fields']>]?: ValueOf<L['fields'][K]> | null;
};

/** Field names that may be used in a filter. */
export type IndexedFieldOf<L extends ListSpec> = {
  [K in keyof L['fields']]: L['fields'][K]['indexed'] extends true ? K : never;
}[keyof L['fields']] &
  string;

export function defineList<const F extends Record<string, FieldSpec>>(spec: ListSpec<F>): ListSpec<F> {
  return spec;
}

export function indexedFields(spec: ListSpec): string[] {
  return Object.entries(spec.fields)
    .filter(([, f]) => f.indexed)
    .map(([name]) => name);
}
