// Installs what the two commands need, and only when it is missing or stale:
// root dependencies (npm ci), the separate SPFx install, (with --browser) Chromium and
// (with --postgres) Debian's PostgreSQL server for the throwaway test cluster.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function stale(dir) {
  const lock = path.join(dir, 'package-lock.json');
  const marker = path.join(dir, 'node_modules', '.package-lock.json');
  if (!existsSync(lock)) return false;
  if (!existsSync(marker)) return true;
  return statSync(lock).mtimeMs > statSync(marker).mtimeMs;
}

function run(cmd, args, cwd) {
  console.log(`> ${cmd} ${args.join(' ')}${cwd !== root ? `   (in ${path.relative(root, cwd)})` : ''}`);
  execFileSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, SPFX_TELEMETRY_DISABLED: '1' } });
}

export function ensureRoot() {
  if (stale(root)) run('npm', ['ci', '--no-audit', '--no-fund'], root);
}

export function ensureSpfx() {
  const spfx = path.join(root, 'spfx');
  if (existsSync(path.join(spfx, 'package.json')) && stale(spfx)) run('npm', ['ci', '--no-audit', '--no-fund'], spfx);
}

export const CHROMIUM = '/usr/bin/chromium';

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`Chromium is missing. Install it once with:  sudo apt-get update && sudo apt-get install -y chromium`);
    process.exit(1);
  }
  run('apt-get', ['update', '-qq'], root);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], root);
}

/** Debian's server binaries (initdb, pg_ctl, postgres), newest major version first; null if absent. */
export function postgresBinDir() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const majors = readdirSync(base).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
  for (const major of majors) {
    const bin = path.join(base, major, 'bin');
    if (['initdb', 'pg_ctl', 'postgres'].every((tool) => existsSync(path.join(bin, tool)))) return bin;
  }
  return null;
}

// The PostgreSQL tests start a throwaway cluster from these binaries, unless DATABASE_URL
// names a server to use instead.
export function ensurePostgres() {
  if (process.env.DATABASE_URL || postgresBinDir()) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error('PostgreSQL is missing. Install it once with:  sudo apt-get update && sudo apt-get install -y postgresql\n' +
      'or set DATABASE_URL to a server where the tests may create and drop databases.');
    process.exit(1);
  }
  run('apt-get', ['update', '-qq'], root);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'postgresql'], root);
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv.includes('--postgres-only')) {
  ensurePostgres();
} else if (import.meta.url === `file://${process.argv[1]}`) {
  ensureRoot();
  if (process.argv.includes('--spfx')) ensureSpfx();
  if (process.argv.includes('--browser')) ensureChromium();
  if (process.argv.includes('--postgres')) ensurePostgres();
}
