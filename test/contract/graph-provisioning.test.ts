import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EDITOR_FIELD_NAME, ORGANISATION_LISTS, provisionedFields } from '@weerbaar/shared';
import { createGraphAppAuth } from '../../bot/src/auth/graph-app-auth.js';
import { ProvisionConflictError, provisionSite } from '../../bot/src/provision/provision.js';
import { startGraphHarness, type GraphHarness } from './graph-harness.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const specs = Object.values(ORGANISATION_LISTS);

describe('npm run provision against the HTTPS Graph test server', () => {
  let harness: GraphHarness;
  let output: string[];
  const provision = (dryRun: boolean, target = harness.target()) =>
    provisionSite(target, { specs, dryRun, print: (line) => output.push(line) });
  const writes = () => harness.server.requests.filter((r) => r.method !== 'GET' && !r.path.endsWith('/oauth2/v2.0/token'));
  const listOnSite = (title: string) => harness.server.site.lists.find((l) => l.displayName === title);

  beforeEach(async () => {
    harness = await startGraphHarness();
    output = [];
  });
  afterEach(async () => {
    await harness.close();
  });

  it('prints the whole plan for an empty site in a dry run and changes nothing', async () => {
    const outcome = await provision(true);

    const printed = output.join('\n');
    for (const spec of specs) {
      expect(printed).toContain(`+ lijst ${spec.title} aanmaken`);
      expect(printed).toContain(`v versiebeheer aan voor ${spec.title}`);
      expect(printed).toContain(`+ kolom ${spec.title}.${EDITOR_FIELD_NAME} toevoegen`);
    }
    expect(printed).toContain('* index op WT_Afdelingen.MunicipalityCode');
    expect(printed).toContain('+ kolom WT_Rollen.Role toevoegen: choice, verplicht');
    // Title comes with every new list, so it is not added.
    expect(printed).not.toContain('.Title toevoegen');
    expect(outcome.applied).toBe(0);
    expect(writes()).toEqual([]);
    expect(harness.server.site.lists).toEqual([]);
  });

  it('creates lists, columns, indexes and versioning, and a second run is a no-op', async () => {
    const first = await provision(false);
    expect(first.applied).toBe(first.plan.steps.length);
    expect(first.remaining?.steps).toEqual([]);

    for (const spec of specs) {
      const list = listOnSite(spec.title);
      expect(list?.versioning, spec.title).toBe(true);
      for (const [name, field] of Object.entries(provisionedFields(spec))) {
        const column = list?.columns.find((c) => c.name === name);
        expect(column, `${spec.title}.${name}`).toMatchObject({
          kind: field.type,
          required: field.required ?? false,
          indexed: field.indexed ?? false,
        });
      }
    }
    expect(listOnSite('WT_Rollen')?.columns.find((c) => c.name === 'Role')?.choices).toEqual(ORGANISATION_LISTS.roleAssignments.fields.Role.choices);

    const writesAfterFirst = writes().length;
    output = [];
    const second = await provision(false);
    expect(second.plan.steps).toEqual([]);
    expect(second.applied).toBe(0);
    expect(output.join('\n')).toContain('Niets te doen');
    expect(writes()).toHaveLength(writesAfterFirst);
  });

  it('repairs only what drifted: a dropped index and a column made optional', async () => {
    await provision(false);
    const afdelingen = listOnSite('WT_Afdelingen');
    const head = afdelingen?.columns.find((c) => c.name === 'HeadUpn');
    const code = afdelingen?.columns.find((c) => c.name === 'MunicipalityCode');
    if (!head || !code) throw new Error('columns missing after provisioning');
    head.indexed = false;
    code.required = false;

    output = [];
    const dry = await provision(true);
    expect(dry.plan.steps).toEqual([
      { kind: 'update-column', list: 'WT_Afdelingen', column: 'MunicipalityCode', change: { required: true } },
      { kind: 'index-column', list: 'WT_Afdelingen', column: 'HeadUpn' },
    ]);
    const applied = await provision(false);
    expect(applied.applied).toBe(2);
    expect(head.indexed && code.required).toBe(true);
  });

  it('reports a column of another type as a conflict and then changes nothing at all', async () => {
    await provision(false);
    const active = listOnSite('WT_Afdelingen')?.columns.find((c) => c.name === 'Active');
    if (!active) throw new Error('column missing');
    active.kind = 'text';
    // Another list needs a fix too: a conflict anywhere must stop every change.
    const person = listOnSite('WT_Rollen')?.columns.find((c) => c.name === 'PersonUpn');
    if (person) person.indexed = false;
    const writesBefore = writes().length;

    output = [];
    await expect(provision(false)).rejects.toBeInstanceOf(ProvisionConflictError);
    expect(output.join('\n')).toMatch(/! conflict WT_Afdelingen: kolom Active is text op de site, de definitie zegt boolean/);
    expect(writes()).toHaveLength(writesBefore);
  });

  it('needs the manage grant to provision; with write it stops at the first change, naming the grant', async () => {
    harness.server.grant(harness.server.app.clientId, 'write');
    const dry = await provision(true);
    expect(dry.plan.steps.length).toBeGreaterThan(0);
    await expect(provision(false)).rejects.toThrow(/HTTP 403.*Sites\.Selected/);
  });

  it('with a client secret, provisions through Graph and reports versioning as unverifiable', async () => {
    await provision(false);
    const secretAuth = createGraphAppAuth({
      tenantId: harness.server.app.tenantId,
      clientId: harness.server.app.clientId,
      clientSecret: harness.server.app.clientSecret,
      authorityHost: harness.server.origin,
      agentOptions: { ca: harness.server.certificates.caPem },
    });
    expect(secretAuth.credentialKind).toBe('secret');
    const graph = harness.connect(secretAuth.authProvider());

    output = [];
    const outcome = await provision(true, harness.target({ graph, auth: secretAuth }));
    expect(outcome.plan.steps).toEqual([]);
    expect(outcome.plan.findings.map((f) => f.kind)).toEqual(specs.map(() => 'warning'));
    expect(output.join('\n')).toContain('Set-PnPList -Identity WT_Afdelingen -EnableVersioning $true');
  });

  describe('the built command line', () => {
    const cli = path.join(root, 'bot/dist/provision/cli.js');
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
        if (!existsSync(cli)) {
          reject(new Error('bot/dist/provision/cli.js is missing: build first with npx tsc -b shared bot'));
          return;
        }
        const child = spawn(process.execPath, [cli, ...args], {
          cwd: root,
          env: {
            PATH: process.env.PATH ?? '',
            // A child process can trust the test CA the standard way, for fetch and msal alike.
            NODE_EXTRA_CA_CERTS: harness.server.certificates.caFile,
            GRAPH_TENANT_ID: harness.server.app.tenantId,
            GRAPH_CLIENT_ID: harness.server.app.clientId,
            GRAPH_CERTIFICATE_PATH: harness.server.app.pemFile,
            GRAPH_AUTHORITY_HOST: harness.server.origin,
            GRAPH_BASE_URL: harness.server.origin,
          },
        });
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout }));
      });

    it('prints the plan for --dry-run, exits 0 and writes nothing', { timeout: 30_000 }, async () => {
      const { code, stdout } = await run(['--site', harness.server.siteUrl, '--dry-run']);
      expect(stdout).toContain(`Plan voor ${harness.server.siteUrl} (dry run`);
      expect(stdout).toContain('+ lijst WT_Afdelingen aanmaken');
      expect(code).toBe(0);
      expect(writes()).toEqual([]);
    });

    it('applies, and a second run finds nothing to do', { timeout: 30_000 }, async () => {
      expect((await run(['--site', harness.server.siteUrl])).code).toBe(0);
      const again = await run([`--site=${harness.server.siteUrl}`]);
      expect(again.stdout).toContain('Niets te doen');
      expect(again.code).toBe(0);
    });

    it('explains its usage and exits 2 without --site', { timeout: 30_000 }, async () => {
      const { code, stdout } = await run(['--dry-run']);
      expect(stdout).toContain('--site <url> ontbreekt');
      expect(code).toBe(2);
    });
  });
});
