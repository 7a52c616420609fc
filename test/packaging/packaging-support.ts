// Shared helpers of the packaging tests: where the packages are, building the Teams app
// packages when they are missing or older than their inputs, and reading the inputs.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const TEAMS_APP = path.join(ROOT, 'teams-app');
export const PACKAGER = path.join(TEAMS_APP, 'scripts/package.mjs');
export const SPPKG = path.join(ROOT, 'spfx/sharepoint/solution/weerbaar-twente.sppkg');
export const ENVIRONMENTS = ['local', 'production'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const teamsZip = (env: Environment, dir = path.join(TEAMS_APP, 'build')): string => path.join(dir, `appPackage.${env}.zip`);

export interface PackagerRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the packaging script with only PATH from this process plus the given variables. */
export function runPackager(args: string[], extraEnv: Record<string, string> = {}): PackagerRun {
  const result = spawnSync(process.execPath, [PACKAGER, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', ...extraEnv },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function newestInput(): number {
  const inputs = [
    path.join(TEAMS_APP, 'manifest.template.json'),
    ...['locales', 'env', 'scripts', 'scripts/lib'].flatMap((dir) =>
      readdirSync(path.join(TEAMS_APP, dir), { withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => path.join(TEAMS_APP, dir, d.name)),
    ),
  ];
  return Math.max(...inputs.map((file) => statSync(file).mtimeMs));
}

/** Builds the Teams app zips unless both exist and are newer than every input. */
export function ensureTeamsPackages(): void {
  const fresh = ENVIRONMENTS.every((env) => existsSync(teamsZip(env)) && statSync(teamsZip(env)).mtimeMs >= newestInput());
  if (fresh) return;
  const run = runPackager([]);
  if (run.status !== 0) throw new Error(`teams-app/scripts/package.mjs failed:\n${run.stderr}${run.stdout}`);
}

export function readEnvFile(env: Environment): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(parseEnv(readFileSync(path.join(TEAMS_APP, 'env', `.env.${env}`), 'utf8')))) {
    if (typeof value === 'string') values[name] = value;
  }
  return values;
}

export interface WebPartManifest {
  id: string;
  alias: string;
  supportedHosts: string[];
}

/** The SPFx web part manifests (JSON with line comments) under spfx/src/webparts. */
export function spfxWebPartManifests(): WebPartManifest[] {
  const dir = path.join(ROOT, 'spfx/src/webparts');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(path.join(dir, d.name))
        .filter((f) => f.endsWith('.manifest.json'))
        .map((f) => readFileSync(path.join(dir, d.name, f), 'utf8')),
    )
    .map((text) => JSON.parse(text.replace(/^\s*\/\/.*$/gm, '')) as WebPartManifest & { componentType?: string })
    .filter((m) => m.componentType === 'WebPart');
}
