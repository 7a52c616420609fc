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

step('type-check the tests, lint sources and tests (ESLint: unawaited promises, any, unused code)');
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.test.json'], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--max-warnings', '0', 'shared', 'bot/src', 'bot/test', 'test'], { cwd: root, stdio: 'inherit' });

if (existsSync(path.join(root, 'spfx/package.json'))) {
  step('SPFx build and package (.sppkg)');
  execFileSync(process.execPath, [path.join(root, 'node_modules/gulp/bin/gulp.js'), 'package'], { cwd: root, stdio: 'inherit' });
}

mkdirSync(path.join(root, '.tmp'), { recursive: true });
const extra = process.argv.slice(2);
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');

/** Runs one vitest phase and returns its counts from the JSON report. */
function runPhase(name, args) {
  step(`vitest: ${name}`);
  const report = path.join(root, `.tmp/vitest-${name}.json`);
  const result = spawnSync(process.execPath, [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CHROMIUM_PATH: '/usr/bin/chromium' },
  });
  let passed = 0;
  let failed = 0;
  if (existsSync(report)) {
    const data = JSON.parse(readFileSync(report, 'utf8'));
    passed = data.numPassedTests ?? 0;
    failed = data.numFailedTests ?? 0;
    // A suite that failed to load has no failed test, but the run did fail.
    if (!data.success && failed === 0) failed = Math.max(data.numFailedTestSuites ?? 0, 1);
  } else if (result.status !== 0) {
    failed = 1;
  }
  return { passed, failed: result.status !== 0 && failed === 0 ? 1 : failed };
}

// Unit, integration and contract tests run in parallel; the end-to-end files each start a
// real multi-process topology and a browser, so they run one file at a time.
const phases =
  extra.length > 0
    ? [runPhase('selected', extra)]
    : [runPhase('unit-and-integration', ['--exclude', 'test/e2e/**']), runPhase('end-to-end', ['test/e2e', '--no-file-parallelism'])];
const passed = phases.reduce((n, p) => n + p.passed, 0);
const failed = phases.reduce((n, p) => n + p.failed, 0);
console.log(`\nTotal time ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
