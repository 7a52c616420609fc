// `npm test`: every test. Installs what is missing (npm ci, the SPFx install, Chromium, PostgreSQL),
// type-checks and builds, builds the SharePoint package, then runs vitest, and closes with
// one plain summary line "N passed, N failed".
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium, ensurePostgres, ensureRoot, ensureSpfx } from './ensure-install.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
const step = (name) => console.log(`\n=== ${name} (${Math.round((Date.now() - started) / 1000)} s) ===`);

step('install');
ensureRoot();
ensureSpfx();
ensureChromium();
ensurePostgres();

step('type-check and build shared + bot');
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-b', 'shared', 'bot'], { cwd: root, stdio: 'inherit' });

if (existsSync(path.join(root, 'spfx/package.json'))) {
  step('SPFx build and package (.sppkg)');
  execFileSync(process.execPath, [path.join(root, 'node_modules/gulp/bin/gulp.js'), 'package'], { cwd: root, stdio: 'inherit' });
}

step('vitest');
mkdirSync(path.join(root, '.tmp'), { recursive: true });
const report = path.join(root, '.tmp/vitest-report.json');
const extra = process.argv.slice(2);
const result = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra],
  { cwd: root, stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: '/usr/bin/chromium' } },
);

let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const data = JSON.parse(readFileSync(report, 'utf8'));
  passed = data.numPassedTests ?? 0;
  failed = data.numFailedTests ?? 0;
  // A suite that failed to load has no failed test, but the run did fail.
  if (!data.success && failed === 0) failed = Math.max(data.numFailedTestSuites ?? 0, 1);
}
console.log(`\nTotal time ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(result.status === 0 && failed === 0 ? 0 : 1);
