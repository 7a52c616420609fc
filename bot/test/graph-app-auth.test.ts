import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GraphAuthConfigError,
  certificateFromPemFile,
  createGraphAppAuth,
  graphAppCredentialsFromEnv,
} from '../src/auth/graph-app-auth.js';
import { makeTestCertificates, type TestCertificates } from '../../test/contract/graph-test-tls.js';

describe('Graph app credentials from the environment', () => {
  let certificates: TestCertificates;
  beforeAll(() => {
    certificates = makeTestCertificates();
  });
  afterAll(() => certificates.remove());

  const base = { GRAPH_TENANT_ID: '6f1c2d3e-0000-4000-8000-000000000001', GRAPH_CLIENT_ID: '6f1c2d3e-0000-4000-8000-000000000002' };

  it('prefers the certificate file over a client secret, and derives its thumbprint', () => {
    const credentials = graphAppCredentialsFromEnv({ ...base, GRAPH_CERTIFICATE_PATH: certificates.appPemFile, GRAPH_CLIENT_SECRET: 'geheim' });
    expect(credentials.certificate?.certificatePem).toContain('BEGIN CERTIFICATE');
    expect(credentials.certificate?.privateKeyPem).toContain('PRIVATE KEY');
    expect(credentials.clientSecret).toBeUndefined();
    expect(createGraphAppAuth(credentials).credentialKind).toBe('certificate');
  });

  it('falls back to the client secret when no certificate is configured', () => {
    const credentials = graphAppCredentialsFromEnv({ ...base, GRAPH_CLIENT_SECRET: 'geheim' });
    expect(createGraphAppAuth(credentials).credentialKind).toBe('secret');
  });

  it.each([
    { missing: 'GRAPH_TENANT_ID', env: { GRAPH_CLIENT_ID: base.GRAPH_CLIENT_ID, GRAPH_CLIENT_SECRET: 'x' } },
    { missing: 'GRAPH_CLIENT_ID', env: { GRAPH_TENANT_ID: base.GRAPH_TENANT_ID, GRAPH_CLIENT_SECRET: 'x' } },
    { missing: 'GRAPH_CERTIFICATE_PATH', env: base },
  ])('refuses to start without $missing, naming it', ({ missing, env }) => {
    expect(() => graphAppCredentialsFromEnv(env)).toThrow(GraphAuthConfigError);
    expect(() => graphAppCredentialsFromEnv(env)).toThrow(missing);
  });

  it.each([
    { content: 'certificate only', pem: () => certificates.appCertPem },
    { content: 'key only', pem: () => certificates.appKeyPem },
  ])('refuses a PEM file holding the $content', ({ pem }) => {
    const file = path.join(certificates.folder, 'partial.pem');
    writeFileSync(file, pem());
    expect(() => certificateFromPemFile(file)).toThrow(/certificaat én de private key/);
  });

  it('says which variable points at an unreadable file, without its content', () => {
    expect(() => certificateFromPemFile(path.join(certificates.folder, 'bestaat-niet.pem'))).toThrow(/GRAPH_CERTIFICATE_PATH/);
  });
});
