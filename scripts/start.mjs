// `npm start`: the whole suite locally on the embedded store (no Microsoft 365, no Azure,
// no internet). Installs what is missing, builds, starts the hub, one instance per tenant
// and two Agents Playgrounds pointed at Hengelo, then prints where to go.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureRoot, ensureSpfx } from './ensure-install.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const asIndex = args.indexOf('--as');
const asUpn = asIndex >= 0 ? args[asIndex + 1] : undefined;
const basePort = Number(process.env.PORT ?? 3978);

ensureRoot();
console.log('> building shared and bot');
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-b', 'shared', 'bot'], { cwd: root, stdio: 'inherit' });

// The hub's /workbench renders the dashboard web part's components; they come from spfx/ (React 17,
// Fluent UI v9), bundled by esbuild. Without them the services still start, only the workbench is missing.
try {
  ensureSpfx();
  execFileSync(process.execPath, [path.join(root, 'spfx/scripts/build-workbench.mjs'), '--if-stale'], { cwd: root, stdio: 'inherit' });
} catch (error) {
  console.warn(`! the local workbench could not be built (${error.message}); the services start without it`);
}

const { startLocal } = await import(path.join(root, 'bot/dist/local/start-local.js'));
await startLocal({ root, basePort, asUpn });
