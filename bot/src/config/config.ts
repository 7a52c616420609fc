import { z } from 'zod';
import { DEFAULT_RETENTION_MONTHS, RETENTION_MONTHS_RANGE } from '@weerbaar/shared';

/**
 * Configuration comes from the environment only, validated at start. A bad value stops
 * the start with a message naming the variable, never a half-configured service.
 */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Configuration error in ${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

const csv = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const envSchema = z.object({
  MODE: z.enum(['local', 'production']).default('local'),
  SERVICE_ROLE: z.enum(['instance', 'hub']).default('instance'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3978),
  HOST: z.string().min(1).default('127.0.0.1'),
  INSTANCE_ID: z.string().regex(/^[a-z0-9-]{2,40}$/, 'lowercase letters, digits and dashes').optional(),
  TENANT_ID: z.string().uuid('a GUID').optional(),
  MUNICIPALITY_CODES: z.string().regex(/^\d{4}(,\d{4})*$/, 'comma-separated four-digit CBS codes').optional(),
  DATA_DIR: z.string().min(1).default('data'),
  SEED_DIR: z.string().min(1).optional(),
  PUBLIC_BASE_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEERBAAR_DATA_KEY: z.string().optional(),
  /** Earlier master keys (comma-separated base64), accepted until every data key is re-wrapped. */
  WEERBAAR_DATA_KEY_PREVIOUS: z.string().optional(),
  MicrosoftAppId: z.string().optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppType: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
  MicrosoftAppTenantId: z.string().optional(),
  ENTRA_API_AUDIENCE: z.string().optional(),
  ENTRA_JWKS_URL: z.string().url().optional(),
  ENTRA_ISSUER: z.string().optional(),
  /** Bot Framework OpenID metadata (sovereign clouds; tests point it at a local key server). */
  BOT_OPENID_METADATA_URL: z.string().url().optional(),
  /** The service store on PostgreSQL (production); unset: SQLite files in DATA_DIR (local). */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// connection string').optional(),
  /** The wrapped data keys in another database (docs/deployment-storage.md); unset: schema weerbaar_keys. */
  KEY_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// connection string').optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  /**
   * Retention of closed signals in months after closure: a default, optionally followed by
   * per-municipality terms, e.g. "12" or "12,0164=18,0153=24" (docs/privacy.md).
   */
  SIGNAL_RETENTION_MONTHS: z
    .string()
    .regex(/^\d{1,3}(,\d{4}=\d{1,3})*$/, 'months, optionally followed by ,CODE=months (e.g. 12,0164=18)')
    .optional(),
  /** Instance: the district hub's base URL (local default: the hub on port 3978). */
  HUB_URL: z.string().url().optional(),
  /** Instance, production: its Ed25519 private key towards the hub (PKCS#8 PEM, from Key Vault). */
  HUB_SIGNING_KEY: z.string().optional(),
  /** Hub, production: the registry file of instances, their municipalities and public keys. */
  HUB_INSTANCE_REGISTRY: z.string().optional(),
  /** Instance: the signal dashboard that notifications link to (production: the SharePoint page). */
  DASHBOARD_URL: z.string().url().optional(),
});

export interface ServiceConfig {
  mode: 'local' | 'production';
  role: 'instance' | 'hub';
  port: number;
  host: string;
  instanceId: string;
  tenantId: string | null;
  municipalityCodes: string[];
  dataDir: string;
  seedDir: string | null;
  publicBaseUrl: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  dataKey: string | null;
  /** WEERBAAR_DATA_KEY_PREVIOUS as given; decoded and checked by loadMasterKeyring. */
  previousDataKeys: string | null;
  bot: { appId: string | null; appPassword: string | null; appType: string; appTenantId: string | null; openIdMetadataUrl: string | null };
  entra: { audience: string | null; jwksUrl: string | null; issuer: string | null };
  /** PostgreSQL when `url` is set, else SQLite files (docs/deployment-storage.md). */
  database: { url: string | null; keyUrl: string | null; poolMax: number; statementTimeoutMs: number };
  /** Months after closure before the retention job deletes a signal: default and per municipality. */
  retention: { defaultMonths: number; perMunicipality: Record<string, number> };
  /** The instance-to-hub contract (docs/hub-contract.md). */
  hub: { url: string | null; signingKeyPem: string | null; registryFile: string | null };
  /** Where notifications about a signal link to; default the local workbench at the hub. */
  dashboardUrl: string;
}

/** Where a local instance finds the hub when HUB_URL is not set (`npm start` passes it). */
export const LOCAL_HUB_URL = 'http://localhost:3978';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(variable, issue?.message ?? 'invalid value');
  }
  const e = parsed.data;
  const municipalityCodes = csv(e.MUNICIPALITY_CODES);
  if (e.SERVICE_ROLE === 'instance' && municipalityCodes.length === 0) {
    throw new ConfigError('MUNICIPALITY_CODES', 'an instance must serve at least one municipality');
  }
  if (e.SERVICE_ROLE === 'instance' && !e.TENANT_ID) {
    throw new ConfigError('TENANT_ID', 'an instance needs the tenant id it serves');
  }
  if (e.MODE === 'production') {
    // The bot runs in the instances; the hub has no bot and needs no bot registration.
    if (e.SERVICE_ROLE === 'instance') {
      requireIn(e, 'MicrosoftAppId', 'production needs the bot registration (Microsoft App credentials)');
      if (e.MicrosoftAppType !== 'UserAssignedMSI') {
        requireIn(e, 'MicrosoftAppPassword', 'production needs the Microsoft App client secret or certificate');
      }
      requireIn(e, 'MicrosoftAppTenantId', 'a single-tenant bot needs its tenant id');
    }
    requireIn(e, 'WEERBAAR_DATA_KEY', 'production needs the master data key (from Key Vault)');
    requireIn(e, 'ENTRA_API_AUDIENCE', 'production needs the API audience (application id URI)');
    if (e.SERVICE_ROLE === 'instance' && e.HUB_URL) {
      requireIn(e, 'HUB_SIGNING_KEY', 'an instance that talks to the hub needs its own signing key (PKCS#8 PEM from Key Vault)');
    }
    if (e.SERVICE_ROLE === 'hub') {
      requireIn(e, 'TENANT_ID', "the hub needs its own tenant id (its district people's Entra tenant)");
      requireIn(e, 'HUB_INSTANCE_REGISTRY', 'the hub needs the registry of instances and their public keys');
    }
    requireIn(e, 'DATABASE_URL', 'production needs PostgreSQL (Azure Database for PostgreSQL); SQLite files are for local use');
    requireIn(e, 'KEY_DATABASE_URL', 'production keeps the wrapped data keys in a separate database, so backups of the data hold no keys');
  }
  const instanceId = e.INSTANCE_ID ?? (e.SERVICE_ROLE === 'hub' ? 'hub' : `tenant-${municipalityCodes.join('-')}`);
  return {
    mode: e.MODE,
    role: e.SERVICE_ROLE,
    port: e.PORT,
    host: e.HOST,
    instanceId,
    tenantId: e.TENANT_ID ?? null,
    municipalityCodes,
    dataDir: e.DATA_DIR,
    seedDir: e.SEED_DIR ?? null,
    publicBaseUrl: e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`,
    logLevel: e.LOG_LEVEL,
    dataKey: e.WEERBAAR_DATA_KEY ?? null,
    previousDataKeys: e.WEERBAAR_DATA_KEY_PREVIOUS ?? null,
    bot: {
      appId: e.MicrosoftAppId || null,
      appPassword: e.MicrosoftAppPassword || null,
      appType: e.MicrosoftAppType,
      appTenantId: e.MicrosoftAppTenantId || null,
      openIdMetadataUrl: e.BOT_OPENID_METADATA_URL ?? null,
    },
    entra: { audience: e.ENTRA_API_AUDIENCE ?? null, jwksUrl: e.ENTRA_JWKS_URL ?? null, issuer: e.ENTRA_ISSUER ?? null },
    database: databaseSettings(e),
    retention: parseRetentionMonths(e.SIGNAL_RETENTION_MONTHS),
    hub: {
      url: (e.HUB_URL ?? (e.MODE === 'local' ? LOCAL_HUB_URL : null))?.replace(/\/+$/, '') ?? null,
      // Key Vault secrets set as app settings often carry the PEM's newlines escaped.
      signingKeyPem: e.HUB_SIGNING_KEY?.replace(/\\n/g, '\n').trim() || null,
      registryFile: e.HUB_INSTANCE_REGISTRY?.trim() || null,
    },
    dashboardUrl: e.DASHBOARD_URL ?? `${(e.HUB_URL ?? (e.MODE === 'local' ? LOCAL_HUB_URL : (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`))).replace(/\/+$/, '')}/workbench`,
  };
}

function parseRetentionMonths(value: string | undefined): ServiceConfig['retention'] {
  // Default 12 months after closure; docs/privacy.md explains why.
  if (!value) return { defaultMonths: DEFAULT_RETENTION_MONTHS, perMunicipality: {} };
  const [first, ...overrides] = value.split(',');
  const months = (text: string | undefined): number => {
    const parsed = Number(text);
    if (!Number.isInteger(parsed) || parsed < RETENTION_MONTHS_RANGE.min || parsed > RETENTION_MONTHS_RANGE.max) {
      throw new ConfigError('SIGNAL_RETENTION_MONTHS', `a term must be ${RETENTION_MONTHS_RANGE.min} to ${RETENTION_MONTHS_RANGE.max} months`);
    }
    return parsed;
  };
  const perMunicipality: Record<string, number> = {};
  for (const override of overrides) {
    const [code, term] = override.split('=');
    if (code) perMunicipality[code] = months(term);
  }
  return { defaultMonths: months(first), perMunicipality };
}

function requireIn(env: Record<string, unknown>, variable: string, why: string): void {
  const value = env[variable];
  if (typeof value !== 'string' || value.trim() === '') throw new ConfigError(variable, `missing: ${why}`);
}

function databaseSettings(e: z.infer<typeof envSchema>): ServiceConfig['database'] {
  if (e.KEY_DATABASE_URL && !e.DATABASE_URL) {
    throw new ConfigError('KEY_DATABASE_URL', 'is only used with DATABASE_URL (PostgreSQL); set DATABASE_URL too or remove it');
  }
  if (e.KEY_DATABASE_URL && sameDatabase(e.KEY_DATABASE_URL, e.DATABASE_URL)) {
    throw new ConfigError('KEY_DATABASE_URL', 'names the same database as DATABASE_URL; the keys must live apart from the data they seal');
  }
  return {
    url: e.DATABASE_URL ?? null,
    keyUrl: e.KEY_DATABASE_URL ?? null,
    poolMax: e.DATABASE_POOL_MAX,
    statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
  };
}

/** Same host, port and database name (user, password and options aside). */
function sameDatabase(a: string, b: string | undefined): boolean {
  if (b === undefined) return false;
  const target = (value: string) => {
    const url = new URL(value);
    return `${url.hostname.toLowerCase()}:${url.port || '5432'}${url.pathname}`;
  };
  try {
    return target(a) === target(b);
  } catch {
    return a === b;
  }
}
