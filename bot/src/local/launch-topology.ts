import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Municipality, Person } from '@weerbaar/shared';
import { localInstances, type InstanceDescriptor } from '../hub/instances.js';
import { playgroundConfigYaml } from './playground-config.js';

const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../main.js');

export interface LaunchOptions {
  basePort: number;
  dataDir: string;
  municipalities: readonly Municipality[];
  people: readonly Person[];
  /** Restrict to the instances serving these municipality codes (tests); default all. */
  only?: readonly string[];
  playgrounds?: PlaygroundSpec[];
  playgroundBin?: string;
  logLevel?: string;
  /** Where child output goes: 'inherit' for npm start, 'ignore' or a file for tests. */
  stdio?: 'inherit' | 'ignore' | 'pipe';
}

export interface PlaygroundSpec {
  label: string;
  person: Person;
  port: number;
  workDir: string;
}

export interface RunningTopology {
  hubUrl: string;
  instances: InstanceDescriptor[];
  playgrounds: { label: string; url: string }[];
  /** The service processes (hub first, then the instances), e.g. for bench/local-start to measure. */
  services: { name: string; pid: number }[];
  stop(): Promise<void>;
}

/**
 * Starts the local topology: the district hub on `basePort` and one instance per tenant on
 * basePort + localPortOffset, each a separate process with its own database files, tenant id
 * and keys. They exchange data only over HTTP, as in production.
 */
export async function launchTopology(options: LaunchOptions): Promise<RunningTopology> {
  const children: ChildProcess[] = [];
  const all = localInstances(options.municipalities, options.basePort);
  const instances = options.only ? all.filter((i) => i.municipalityCodes.some((c) => options.only!.includes(c))) : all;
  const playgrounds = (options.playgrounds ?? []).map((p) => ({ label: p.label, url: `http://localhost:${p.port}` }));
  const stdio = options.stdio ?? 'ignore';
  // Each local process keeps its own SQLite files: a DATABASE_URL left in the shell (e.g.
  // for the tests) would otherwise put every instance's signals in one database.
  const { DATABASE_URL: _data, KEY_DATABASE_URL: _keys, ...inherited } = process.env;
  const common = { ...inherited, MODE: 'local', DATA_DIR: options.dataDir, LOG_LEVEL: options.logLevel ?? 'info' };

  children.push(
    spawn(process.execPath, [MAIN], {
      env: { ...common, SERVICE_ROLE: 'hub', PORT: String(options.basePort), PLAYGROUND_URLS: JSON.stringify(playgrounds) },
      stdio,
    }),
  );
  for (const instance of instances) {
    children.push(
      spawn(process.execPath, [MAIN], {
        env: {
          ...common,
          SERVICE_ROLE: 'instance',
          PORT: String(instance.port),
          INSTANCE_ID: instance.instanceId,
          TENANT_ID: instance.tenantId,
          MUNICIPALITY_CODES: instance.municipalityCodes.join(','),
          PUBLIC_BASE_URL: instance.baseUrl,
          // The instance talks to the hub only over HTTP, with its own signed credential.
          HUB_URL: `http://localhost:${options.basePort}`,
        },
        stdio,
      }),
    );
  }
  for (const spec of options.playgrounds ?? []) {
    const instance = all.find((i) => i.municipalityCodes.includes(spec.person.municipalityCode ?? ''));
    if (!instance || !options.playgroundBin) continue;
    mkdirSync(spec.workDir, { recursive: true });
    writeFileSync(path.join(spec.workDir, '.m365agentsplayground.yml'), playgroundConfigYaml(spec.person, instance.tenantId, options.people));
    children.push(
      spawn(
        options.playgroundBin,
        ['-e', `${instance.baseUrl}/api/messages`, '-c', 'msteams', '-p', String(spec.port), '--disable-telemetry'],
        // The playground exits when its stdin closes, so it gets a pipe that stays open.
        { cwd: spec.workDir, stdio: ['pipe', 'ignore', 'ignore'], env: { ...process.env, BROWSER: 'none' } },
      ),
    );
  }
  const hubUrl = `http://localhost:${options.basePort}`;
  try {
    await waitHealthy([hubUrl, ...instances.map((i) => i.baseUrl)], 90_000, children);
  } catch (error) {
    await Promise.all(children.map((child) => stopChild(child)));
    throw error;
  }
  const serviceNames = ['hub', ...instances.map((i) => i.instanceId)];
  return {
    hubUrl,
    instances,
    playgrounds,
    services: serviceNames.flatMap((name, index) => {
      const pid = children[index]?.pid;
      return pid === undefined ? [] : [{ name, pid }];
    }),
    async stop() {
      await Promise.all(children.map((child) => stopChild(child)));
    },
  };
}

async function waitHealthy(urls: string[], timeoutMs: number, children: ChildProcess[]): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const pending = new Set(urls);
  while (pending.size > 0) {
    const dead = children.find((c) => c.exitCode !== null && c.exitCode !== 0);
    if (dead) throw new Error(`${dead.spawnargs.slice(1).join(' ')} exited with code ${dead.exitCode} during start`);
    if (Date.now() > deadline) throw new Error(`not healthy within ${timeoutMs} ms: ${[...pending].join(', ')}`);
    await Promise.all(
      [...pending].map(async (url) => {
        try {
          const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1000) });
          if (res.ok) pending.delete(url);
        } catch {
          /* not up yet */
        }
      }),
    );
    if (pending.size > 0) await new Promise((r) => setTimeout(r, 250));
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 12_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
