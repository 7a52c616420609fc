// `npm run bench`: builds, then runs every benchmark script in this folder one after
// another (not in parallel: they would measure each other). Each prints its own figures.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-b', 'shared', 'bot'], { cwd: root, stdio: 'inherit' });
const only = process.argv.slice(2);
const scripts = readdirSync(here)
  .filter((f) => f.endsWith('.mjs') && f !== 'run-all.mjs')
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();
for (const script of scripts) {
  console.log(`\n=== bench/${script} ===`);
  execFileSync(process.execPath, [path.join(here, script)], { cwd: root, stdio: 'inherit' });
}
