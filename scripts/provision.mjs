// `npm run provision -- --site <url> [--dry-run]`: builds shared and bot, then compares the
// list definitions in shared/src/lists/ with the SharePoint site and prints (and, without
// --dry-run, applies) the plan. Credentials come from the environment: see
// docs/deployment-permissions.md.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureRoot } from './ensure-install.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

ensureRoot();
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-b', 'shared', 'bot'], { cwd: root, stdio: 'inherit' });
const result = spawnSync(process.execPath, [path.join(root, 'bot/dist/provision/cli.js'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exitCode = result.status ?? 1;
