import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Launched {
  hubUrl: string;
  instances: { instanceId: string; baseUrl: string; municipalityCodes: string[]; tenantId: string }[];
  stop(): Promise<void>;
}

/**
 * Starts the real local topology from the built service (bot/dist), as `npm start` does,
 * on a port range of its own and with throwaway data folders.
 */
export async function startTopology(basePort: number, only?: string[]): Promise<Launched & { dataDir: string }> {
  const { launchTopology } = (await import(path.join(root, 'bot/dist/local/launch-topology.js'))) as {
    launchTopology(options: object): Promise<Launched>;
  };
  const { loadSeed } = (await import(path.join(root, 'bot/dist/seed/load-seed.js'))) as { loadSeed(dir: null): { municipalities: object[]; people: object[] } };
  const seed = loadSeed(null);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'weerbaar-topology-'));
  const topology = await launchTopology({ basePort, dataDir, municipalities: seed.municipalities, people: seed.people, only, logLevel: 'warn', stdio: 'ignore' });
  return {
    ...topology,
    dataDir,
    async stop() {
      await topology.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
