import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/config.js';

const LOCAL_INSTANCE = { MODE: 'local', TENANT_ID: '11111111-1111-4111-8111-111111111111', MUNICIPALITY_CODES: '0164' };
const PRODUCTION = {
  ...LOCAL_INSTANCE,
  MODE: 'production',
  MicrosoftAppId: '22222222-2222-4222-8222-222222222222',
  MicrosoftAppPassword: 'secret-from-key-vault',
  MicrosoftAppTenantId: '11111111-1111-4111-8111-111111111111',
  WEERBAAR_DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
  ENTRA_API_AUDIENCE: 'api://weerbaar-twente',
  DATABASE_URL: 'postgres://weerbaar@psql-weerbaar.postgres.database.azure.com:5432/tenant_0164?sslmode=verify-full',
  KEY_DATABASE_URL: 'postgres://weerbaar_keys@psql-weerbaar-keys.postgres.database.azure.com:5432/keys_0164?sslmode=verify-full',
};

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a configuration error');
}

describe('configuration from the environment', () => {
  it('starts a local instance with defaults', () => {
    const config = loadConfig(LOCAL_INSTANCE);
    expect(config).toMatchObject({ mode: 'local', role: 'instance', port: 3978, municipalityCodes: ['0164'] });
  });

  it('accepts a complete production configuration', () => {
    expect(loadConfig(PRODUCTION).mode).toBe('production');
  });

  it.each([
    ['MicrosoftAppId'],
    ['MicrosoftAppPassword'],
    ['MicrosoftAppTenantId'],
    ['WEERBAAR_DATA_KEY'],
    ['ENTRA_API_AUDIENCE'],
    ['DATABASE_URL'],
    ['KEY_DATABASE_URL'],
  ])('refuses production without %s and names it', (variable) => {
    const env: Record<string, string> = { ...PRODUCTION };
    delete env[variable];
    const error = errorOf(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
  });

  it.each([
    [{ ...LOCAL_INSTANCE, PORT: 'eighty' }, 'PORT'],
    [{ ...LOCAL_INSTANCE, MODE: 'staging' }, 'MODE'],
    [{ ...LOCAL_INSTANCE, TENANT_ID: 'not-a-guid' }, 'TENANT_ID'],
    [{ ...LOCAL_INSTANCE, MUNICIPALITY_CODES: 'Hengelo' }, 'MUNICIPALITY_CODES'],
    [{ MODE: 'local', TENANT_ID: LOCAL_INSTANCE.TENANT_ID }, 'MUNICIPALITY_CODES'],
  ])('names the variable of an invalid value (%#)', (env, variable) => {
    expect(errorOf(env as Record<string, string>).variable).toBe(variable);
  });

  it('uses PostgreSQL when DATABASE_URL is set, with the pool settings, and SQLite otherwise', () => {
    expect(loadConfig(LOCAL_INSTANCE).database).toEqual({ url: null, keyUrl: null, poolMax: 10, statementTimeoutMs: 15_000 });
    expect(loadConfig({ ...PRODUCTION, DATABASE_POOL_MAX: '20', DATABASE_STATEMENT_TIMEOUT_MS: '5000' }).database).toEqual({
      url: PRODUCTION.DATABASE_URL,
      keyUrl: PRODUCTION.KEY_DATABASE_URL,
      poolMax: 20,
      statementTimeoutMs: 5000,
    });
  });

  it.each([
    [{ ...PRODUCTION, DATABASE_URL: 'mysql://weerbaar@db/tenant' }, 'DATABASE_URL'],
    [{ ...PRODUCTION, KEY_DATABASE_URL: 'postgres://other-user:pw@PSQL-weerbaar.postgres.database.azure.com/tenant_0164' }, 'KEY_DATABASE_URL'],
    [{ ...LOCAL_INSTANCE, KEY_DATABASE_URL: 'postgres://localhost/keys' }, 'KEY_DATABASE_URL'],
    [{ ...PRODUCTION, DATABASE_POOL_MAX: '0' }, 'DATABASE_POOL_MAX'],
  ])('refuses a database setting that cannot work, naming it (%#)', (env, variable) => {
    expect(errorOf(env as Record<string, string>).variable).toBe(variable);
  });

  it('a hub needs no municipality', () => {
    expect(loadConfig({ MODE: 'local', SERVICE_ROLE: 'hub' }).role).toBe('hub');
  });
});
