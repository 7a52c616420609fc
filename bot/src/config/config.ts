import { z } from 'zod';

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
  MicrosoftAppId: z.string().optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppType: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
  MicrosoftAppTenantId: z.string().optional(),
  ENTRA_API_AUDIENCE: z.string().optional(),
  ENTRA_JWKS_URL: z.string().url().optional(),
  ENTRA_ISSUER: z.string().optional(),
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
  bot: { appId: string | null; appPassword: string | null; appType: string; appTenantId: string | null };
  entra: { audience: string | null; jwksUrl: string | null; issuer: string | null };
}

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
    requireIn(e, 'MicrosoftAppId', 'production needs the bot registration (Microsoft App credentials)');
    if (e.MicrosoftAppType !== 'UserAssignedMSI') {
      requireIn(e, 'MicrosoftAppPassword', 'production needs the Microsoft App client secret or certificate');
    }
    requireIn(e, 'MicrosoftAppTenantId', 'a single-tenant bot needs its tenant id');
    requireIn(e, 'WEERBAAR_DATA_KEY', 'production needs the master data key (from Key Vault)');
    requireIn(e, 'ENTRA_API_AUDIENCE', 'production needs the API audience (application id URI)');
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
    bot: {
      appId: e.MicrosoftAppId || null,
      appPassword: e.MicrosoftAppPassword || null,
      appType: e.MicrosoftAppType,
      appTenantId: e.MicrosoftAppTenantId || null,
    },
    entra: { audience: e.ENTRA_API_AUDIENCE ?? null, jwksUrl: e.ENTRA_JWKS_URL ?? null, issuer: e.ENTRA_ISSUER ?? null },
  };
}

function requireIn(env: Record<string, unknown>, variable: string, why: string): void {
  const value = env[variable];
  if (typeof value !== 'string' || value.trim() === '') throw new ConfigError(variable, `missing: ${why}`);
}
