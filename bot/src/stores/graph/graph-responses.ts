import { GraphError } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';

/**
 * The parts of Graph's JSON the adapters read, checked at the boundary: the SDK hands out
 * untyped bodies, and a response that does not look like this is an error, not data.
 */
const identitySchema = z.object({
  id: z.string().optional(),
  displayName: z.string().optional(),
  email: z.string().optional(),
});

export const identitySetSchema = z.object({
  user: identitySchema.optional(),
  application: identitySchema.optional(),
});
export type GraphIdentitySet = z.infer<typeof identitySetSchema>;

export const listItemSchema = z.object({
  id: z.string(),
  eTag: z.string(),
  createdDateTime: z.string(),
  lastModifiedDateTime: z.string(),
  lastModifiedBy: identitySetSchema.optional(),
  fields: z.record(z.string(), z.unknown()),
});
export type GraphListItem = z.infer<typeof listItemSchema>;

/** What PATCH …/items/{id}/fields answers: every column of the item, its eTag alongside. */
export const fieldValueSetSchema = z.record(z.string(), z.unknown());

export const siteSchema = z.object({ id: z.string(), webUrl: z.string().optional() });

export const listSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  description: z.string().optional(),
});

export const columnSchema = z.object({
  id: z.string(),
  name: z.string(),
  displayName: z.string().optional(),
  required: z.boolean().optional(),
  indexed: z.boolean().optional(),
  readOnly: z.boolean().optional(),
  text: z.object({ allowMultipleLines: z.boolean().optional(), maxLength: z.number().optional() }).optional(),
  number: z.object({}).optional(),
  boolean: z.object({}).optional(),
  dateTime: z.object({ format: z.string().optional() }).optional(),
  choice: z.object({ choices: z.array(z.string()).optional() }).optional(),
});
export type GraphColumn = z.infer<typeof columnSchema>;

export function collectionSchema<T extends z.ZodType>(item: T) {
  return z.object({ value: z.array(item), '@odata.nextLink': z.string().optional() });
}

/** A Graph call that failed, or answered something the adapter cannot read. */
export class GraphRequestError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly graphCode: string | undefined,
  ) {
    super(message);
    this.name = 'GraphRequestError';
  }
}

export function parseGraph<T extends z.ZodType>(schema: T, body: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new GraphRequestError(`Onverwacht antwoord van Graph voor ${what} (unexpected response shape)`, undefined, undefined);
  }
  return parsed.data;
}

export function statusOf(error: unknown): number | undefined {
  return error instanceof GraphError ? error.statusCode : undefined;
}

/**
 * A failure as the operator needs to see it: HTTP status, Graph's error code and what to
 * check. Graph's message is left out: it may quote item values.
 */
export function describeFailure(error: unknown, action: string): Error {
  if (!(error instanceof GraphError)) return error instanceof Error ? error : new Error(String(error));
  // No HTTP response: the token could not be obtained (msal) or the connection failed.
  if (error.statusCode === -1) {
    return new GraphRequestError(
      `Geen verbinding of geen token om ${action}${error.code ? ` (${error.code})` : ''}: ` +
        'controleer certificaat, tenant en netwerk (no token or no connection).',
      undefined,
      error.code ?? undefined,
    );
  }
  const hint =
    error.statusCode === 401
      ? ' Controleer de app-registratie en het certificaat (check the app credentials).'
      : error.statusCode === 403
        ? ' Controleer de Sites.Selected-toekenning voor deze site (check the site permission grant).'
        : '';
  return new GraphRequestError(
    `Graph weigerde ${action}: HTTP ${error.statusCode}${error.code ? ` ${error.code}` : ''}.${hint}`,
    error.statusCode,
    error.code ?? undefined,
  );
}
