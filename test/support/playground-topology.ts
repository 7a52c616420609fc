import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface SeedPerson {
  upn: string;
  displayName: string;
  objectId: string;
  municipalityCode: string | null;
  roles: string[];
}

interface Launched {
  hubUrl: string;
  instances: { instanceId: string; baseUrl: string; municipalityCodes: string[]; tenantId: string }[];
  playgrounds: { label: string; url: string }[];
  stop(): Promise<void>;
}

/**
 * The real topology (built service) with Agents Playgrounds, each in a seeded person's
 * shoes, as `npm start` runs it; throwaway data folders and a port range of its own.
 */
export async function startTopologyWithPlaygrounds(options: {
  basePort: number;
  only: string[];
  playgrounds: { label: string; pick(people: SeedPerson[]): SeedPerson | undefined; port: number }[];
}): Promise<Launched & { dataDir: string; people: SeedPerson[] }> {
  const { launchTopology } = (await import(path.join(root, 'bot/dist/local/launch-topology.js'))) as {
    launchTopology(options: object): Promise<Launched>;
  };
  const { loadSeed } = (await import(path.join(root, 'bot/dist/seed/load-seed.js'))) as {
    loadSeed(dir: null): { municipalities: object[]; people: SeedPerson[] };
  };
  const seed = loadSeed(null);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'weerbaar-playgrounds-'));
  const playgrounds = options.playgrounds.map((p, i) => {
    const person = p.pick(seed.people);
    if (!person) throw new Error(`no seeded person for playground ${p.label}`);
    return { label: p.label, person, port: p.port, workDir: path.join(dataDir, `playground-${i + 1}`) };
  });
  const topology = await launchTopology({
    basePort: options.basePort,
    dataDir,
    municipalities: seed.municipalities,
    people: seed.people,
    only: options.only,
    logLevel: 'warn',
    stdio: 'ignore',
    playgrounds,
    playgroundBin: path.join(root, 'node_modules/.bin/agentsplayground'),
  });
  return {
    ...topology,
    dataDir,
    people: seed.people,
    async stop() {
      await topology.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the playground's own server answers (it starts after the services). */
export async function waitForPlayground(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/_internal/v1/config`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`playground ${url} did not start`);
}
