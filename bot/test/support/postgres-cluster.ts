import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FOLDER_PREFIX = 'weerbaar-pg-';
/** As root the cluster runs as `postgres`, which must reach the folder: /tmp is open to all. */
const clusterParent = (): string => (process.getuid?.() === 0 ? '/tmp' : os.tmpdir());
const OWNER_FILE = 'owner.pid';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface ThrowawayCluster {
  adminUrl: string;
  dataDirectory: string;
  stop(): void;
}

/**
 * A throwaway PostgreSQL cluster from Debian's `postgresql` binaries, for the tests:
 * initdb'd as the `postgres` user when running as root (initdb refuses root), on
 * 127.0.0.1 and a free port, its socket in its own temp folder, trust authentication.
 */
export function startThrowawayCluster(): ThrowawayCluster {
  const bin = findOrInstallServer();
  const asRoot = process.getuid?.() === 0;
  const runAsOwner = (tool: string, args: string[]) => {
    const command = asRoot ? 'runuser' : path.join(bin, tool);
    const commandArgs = asRoot ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : args;
    return execFileSync(command, commandArgs, { stdio: 'pipe', encoding: 'utf8', timeout: 60_000 });
  };
  removeAbandonedClusters(runAsOwner);

  const folder = mkdtempSync(path.join(clusterParent(), FOLDER_PREFIX));
  writeFileSync(path.join(folder, OWNER_FILE), String(process.pid));
  if (asRoot) {
    const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim()));
    chownSync(folder, uid!, gid!);
  }
  const dataDirectory = path.join(folder, 'data');
  let port = 0;
  let started = false;
  const stop = () => {
    if (started) {
      started = false;
      try {
        runAsOwner('pg_ctl', ['stop', '-D', dataDirectory, '-m', 'immediate', '-w']);
      } catch {
        // Already gone; the folder is removed all the same.
      }
    }
    rmSync(folder, { recursive: true, force: true });
    process.removeListener('exit', stop);
  };
  // A test file that crashes before its afterAll still takes its cluster with it.
  process.on('exit', stop);
  try {
    runAsOwner('initdb', ['-D', dataDirectory, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync', '--no-instructions']);
    // The free port may be taken by someone else before the server binds it: try another.
    for (let attempt = 1; ; attempt += 1) {
      port = freePortSync();
      const serverOptions = [
        `-c listen_addresses=127.0.0.1 -p ${port} -k ${folder}`,
        // A throwaway cluster need not survive a power cut: skip the flushes.
        '-c fsync=off -c full_page_writes=off -c max_connections=200',
        // Few WAL segments to keep (the canary tests read the recent ones).
        '-c min_wal_size=32MB -c max_wal_size=64MB',
      ].join(' ');
      started = true; // from here on, stop() must try to stop it
      try {
        runAsOwner('pg_ctl', ['start', '-D', dataDirectory, '-w', '-t', '30', '-l', path.join(folder, 'server.log'), '-o', serverOptions]);
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  } catch (error) {
    const log = existsSync(path.join(folder, 'server.log')) ? readFileSync(path.join(folder, 'server.log'), 'utf8') : '';
    stop();
    throw new Error(`Could not start a throwaway PostgreSQL cluster: ${describe(error)}\n${log}`);
  }
  return { adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`, dataDirectory, stop };
}

function findOrInstallServer(): string {
  const found = postgresBinDir();
  if (found) return found;
  if (process.getuid?.() === 0) {
    spawnSync(process.execPath, [path.join(repoRoot, 'scripts/ensure-install.mjs'), '--postgres-only'], { stdio: 'inherit' });
    const installed = postgresBinDir();
    if (installed) return installed;
  }
  throw new Error(
    'PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin). Install Debian\'s postgresql package ' +
      '(sudo apt-get install -y postgresql) or set DATABASE_URL to a server where the tests may create databases.',
  );
}

/** Same lookup as scripts/ensure-install.mjs: Debian's binaries, newest major first. */
function postgresBinDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const majors = readdirSync(base).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
  for (const major of majors) {
    const bin = path.join(base, major, 'bin');
    if (['initdb', 'pg_ctl', 'postgres'].every((tool) => existsSync(path.join(bin, tool)))) return bin;
  }
  return null;
}

/** Clusters left by test processes that were killed: stop them and free their folders. */
function removeAbandonedClusters(runAsOwner: (tool: string, args: string[]) => string): void {
  for (const name of readdirSync(clusterParent()).filter((entry) => entry.startsWith(FOLDER_PREFIX))) {
    const folder = path.join(clusterParent(), name);
    const ownerFile = path.join(folder, OWNER_FILE);
    let owner: number;
    try {
      owner = Number(readFileSync(ownerFile, 'utf8'));
    } catch {
      continue;
    }
    if (processIsAlive(owner)) continue;
    try {
      runAsOwner('pg_ctl', ['stop', '-D', path.join(folder, 'data'), '-m', 'immediate', '-w']);
    } catch {
      // Not running.
    }
    rmSync(folder, { recursive: true, force: true });
  }
}

function processIsAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A port that was free a moment ago (pg_ctl needs a number before it starts). */
function freePortSync(): number {
  const script =
    "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close();});";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim());
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'stderr' in error && typeof error.stderr === 'string' && error.stderr) return error.stderr;
  return error instanceof Error ? error.message : String(error);
}
