import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Certificates made fresh for each test server with the openssl CLI: a throwaway CA, a
 * server certificate it signs for 127.0.0.1 and localhost, and an RSA certificate the test
 * app registration authenticates with (msal signs its client assertion with that key).
 */
export interface TestCertificates {
  folder: string;
  caPem: string;
  /** Path of the CA file, for a child process's NODE_EXTRA_CA_CERTS. */
  caFile: string;
  serverKeyPem: string;
  serverCertPem: string;
  appKeyPem: string;
  appCertPem: string;
  /** One PEM file with the app certificate and key, as GRAPH_CERTIFICATE_PATH expects. */
  appPemFile: string;
  /** SHA-256 thumbprint of the app certificate, base64url (the x5t#S256 header). */
  appThumbprintS256: string;
  remove(): void;
}

export function makeTestCertificates(): TestCertificates {
  const folder = mkdtempSync(path.join(tmpdir(), 'weerbaar-graph-tls-'));
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: folder, stdio: ['ignore', 'ignore', 'pipe'] });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

  run('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Weerbaar Graph test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  run('req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost');
  writeFileSync(
    path.join(folder, 'server.ext'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n',
  );
  run('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem',
    '-days', '2', '-extfile', 'server.ext');
  run('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'app.key', '-out', 'app.pem', '-days', '2',
    '-subj', '/CN=Weerbaar Twente test app');

  const read = (file: string) => readFileSync(path.join(folder, file), 'utf8');
  const appCertPem = read('app.pem');
  const appKeyPem = read('app.key');
  const appPemFile = path.join(folder, 'app-with-key.pem');
  writeFileSync(appPemFile, `${appCertPem}${appKeyPem}`, { mode: 0o600 });
  return {
    folder,
    caPem: read('ca.pem'),
    caFile: path.join(folder, 'ca.pem'),
    serverKeyPem: read('server.key'),
    serverCertPem: read('server.pem'),
    appKeyPem,
    appCertPem,
    appPemFile,
    appThumbprintS256: Buffer.from(new X509Certificate(appCertPem).fingerprint256.replaceAll(':', ''), 'hex').toString('base64url'),
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}
