// Root task runner: build and package everything. The npm scripts call these tasks.
//   gulp build    type-check and compile shared + bot; build the SPFx solution and the local workbench
//   gulp package  build, then the .sppkg (spfx/sharepoint/solution) and the Teams app zips
//   gulp clean    remove every build output
import gulp from 'gulp';
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const spfx = path.join(root, 'spfx');
const hasSpfx = existsSync(path.join(spfx, 'package.json'));

function run(cmd, args, cwd = root) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, SPFX_TELEMETRY_DISABLED: '1' } });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`))));
  });
}

export function buildService() {
  return run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-b', 'shared', 'bot']);
}

export function buildSpfx() {
  return hasSpfx ? run('npm', ['run', '--silent', 'build'], spfx) : Promise.resolve();
}

/** The hub's local workbench: the dashboard components bundled by esbuild into bot/static/workbench. */
export function buildWorkbench() {
  return hasSpfx ? run(process.execPath, [path.join(spfx, 'scripts/build-workbench.mjs')]) : Promise.resolve();
}

export function packageSpfx() {
  return hasSpfx ? run('npm', ['run', '--silent', 'package'], spfx).then(() => run(process.execPath, ['scripts/bundle-size.mjs'], spfx)) : Promise.resolve();
}

export function packageTeamsApp() {
  const script = path.join(root, 'teams-app/scripts/package.mjs');
  return existsSync(script) ? run(process.execPath, [script]) : Promise.resolve();
}

export async function clean() {
  for (const dir of ['shared/dist', 'bot/dist', 'bot/static/workbench', 'teams-app/build', 'spfx/lib', 'spfx/temp', 'spfx/release', 'spfx/dist', 'spfx/sharepoint/solution']) {
    rmSync(path.join(root, dir), { recursive: true, force: true });
  }
  for (const file of ['shared/tsconfig.tsbuildinfo', 'bot/tsconfig.tsbuildinfo']) rmSync(path.join(root, file), { force: true });
}

// The SPFx build and the workbench import @weerbaar/shared from its built output, so shared builds first.
export const build = gulp.series(buildService, gulp.parallel(buildSpfx, buildWorkbench));
export const packageAll = gulp.series(build, gulp.parallel(packageSpfx, packageTeamsApp));
export { packageAll as package };
export default build;
