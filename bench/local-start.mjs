// bench/local-start: the `npm start` flow without the two Agents Playgrounds. Builds shared
// and bot as `npm start` does, starts the hub and one instance per tenant on a fresh data
// folder (first start: keys generated, organisations seeded), and prints the time from
// spawning the processes to every /api/health answering, and the resident memory (VmRSS)
// of every service process. Then it does the same once more on the same data (a restart),
// and stops everything. Figures only; it asserts nothing.
//
//   node bench/local-start.mjs            base port 47800 (PORT overrides), so it can run beside `npm start`
//   node bench/local-start.mjs --no-build use bot/dist as it is
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const basePort = Number(process.env.PORT ?? 47800);

const build = !process.argv.includes('--no-build');
const buildStarted = performance.now();
if (build) execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-b', 'shared', 'bot'], { cwd: root, stdio: 'inherit' });
const buildSeconds = (performance.now() - buildStarted) / 1000;

const { launchTopology } = await import(path.join(root, 'bot/dist/local/launch-topology.js'));
const { loadSeed } = await import(path.join(root, 'bot/dist/seed/load-seed.js'));
const seed = loadSeed(null);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'weerbaar-bench-start-'));

/** Resident set size of a process in kB, from /proc (Linux). */
function residentKb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return match ? Number(match[1]) : 0;
}

async function measure(label) {
  const started = performance.now();
  const topology = await launchTopology({
    basePort,
    dataDir,
    municipalities: seed.municipalities,
    people: seed.people,
    logLevel: 'warn',
    stdio: 'ignore',
  });
  const healthySeconds = (performance.now() - started) / 1000;
  try {
    // Let start-up garbage settle a moment so the figure is the idle footprint, not a peak.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const rows = topology.services.map((s) => ({ name: s.name, kb: residentKb(s.pid) }));
    const totalMb = rows.reduce((sum, r) => sum + r.kb, 0) / 1024;
    console.log(`\n${label}: ${topology.services.length} services (hub + ${topology.instances.length} instances)`);
    console.log(`  all /api/health OK after   ${healthySeconds.toFixed(1)} s`);
    console.log(`  total resident memory      ${totalMb.toFixed(0)} MB (VmRSS summed)`);
    for (const r of rows) console.log(`    ${r.name.padEnd(24)} ${(r.kb / 1024).toFixed(0).padStart(5)} MB`);
    return { healthySeconds, totalMb };
  } finally {
    await topology.stop();
  }
}

try {
  console.log(`bench/local-start on ${os.cpus().length} cores, Node ${process.version}, base port ${basePort}`);
  console.log(`  build (tsc -b shared bot)  ${build ? `${buildSeconds.toFixed(1)} s` : 'skipped (--no-build)'}`);
  await measure('first start (empty data folder)');
  await measure('restart (same data folder)');
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
