#!/usr/bin/env node
// Builds the local workbench: the dashboard's React components (React 17 and Fluent UI v9 from this
// folder's node_modules) with the fetch SignalsClient, bundled by esbuild into bot/static/workbench/,
// which the hub serves at /workbench in local mode. esbuild comes with the root install (vitest uses it),
// so this needs no package of its own; Heft and webpack stay for the SharePoint package.
//
// Usage: node scripts/build-workbench.mjs [--outdir <folder>] [--if-stale]
//   --if-stale  skip the build when the bundle is newer than every source it is made of (npm start)
import { existsSync, readFileSync, rmSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const spfxFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(spfxFolder, '..');
const outdirIndex = process.argv.indexOf('--outdir');
const outdir = outdirIndex > 0 ? path.resolve(process.argv[outdirIndex + 1]) : path.join(repoRoot, 'bot/static/workbench');
const locFolder = path.join(spfxFolder, 'src/webparts/signaaldashboard/loc');

/**
 * The loc files are AMD modules (`define([], function () { return {...}; })`) that SPFx loads per
 * language. The workbench needs both languages at once, so this virtual module runs each file with a
 * tiny `define` and exports the objects.
 */
const dashboardStringsPlugin = {
  name: 'workbench-dashboard-strings',
  setup(pluginBuild) {
    // workbench:dashboard-strings is the signal dashboard's; workbench:<folder>-strings any other web part's loc folder.
    pluginBuild.onResolve({ filter: /^workbench:[a-z]+-strings$/ }, (args) => ({ path: args.path.slice('workbench:'.length), namespace: 'workbench' }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'workbench' }, (args) => {
      const folder = args.path === 'dashboard-strings' ? locFolder : path.join(spfxFolder, 'src/webparts', args.path.replace(/-strings$/, ''), 'loc');
      const amd = (file) => `(function () { let strings; const define = (_deps, factory) => { strings = factory(); };\n${readFileSync(path.join(folder, file), 'utf8')}\nreturn strings; })()`;
      return {
        contents: `export default { nl: ${amd('nl-nl.js')}, en: ${amd('en-us.js')} };`,
        loader: 'js',
        watchFiles: [path.join(folder, 'nl-nl.js'), path.join(folder, 'en-us.js')]
      };
    });
  }
};

/** Newest modification time of the files under a folder (0 when it does not exist). */
function newestMtime(folder) {
  if (!existsSync(folder)) return 0;
  const stat = statSync(folder);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(folder).reduce((newest, name) => Math.max(newest, newestMtime(path.join(folder, name))), 0);
}

const bundleFile = path.join(outdir, 'workbench.js');
if (process.argv.includes('--if-stale') && existsSync(bundleFile)) {
  const sources = [path.join(spfxFolder, 'src'), path.join(spfxFolder, 'package-lock.json'), path.join(repoRoot, 'shared/dist'), import.meta.filename];
  if (Math.max(...sources.map((source) => newestMtime(source))) < statSync(bundleFile).mtimeMs) {
    console.log(`workbench: up to date in ${path.relative(repoRoot, outdir)}`);
    process.exit(0);
  }
}

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

const started = Date.now();
await build({
  entryPoints: { workbench: path.join(spfxFolder, 'src/workbench/main.tsx') },
  outdir,
  bundle: true,
  // Lazy chunks as in SharePoint: the detail panel and the charts load on demand here too.
  splitting: true,
  format: 'esm',
  chunkNames: 'chunks/[name]-[hash]',
  minify: true,
  sourcemap: 'linked',
  target: 'es2020',
  platform: 'browser',
  jsx: 'transform',
  // React, ReactDOM and Fluent UI resolve from spfx/node_modules (one React 17, as in SharePoint);
  // @weerbaar/shared is the file: link to shared/, built by `tsc -b shared` first.
  nodePaths: [path.join(spfxFolder, 'node_modules')],
  tsconfig: path.join(spfxFolder, 'tsconfig.json'),
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [dashboardStringsPlugin],
  logLevel: 'warning',
  legalComments: 'none'
});

const files = [];
const walk = (folder) => {
  for (const name of readdirSync(folder)) {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) walk(file);
    else if (name.endsWith('.js')) files.push(file);
  }
};
walk(outdir);
const total = files.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0);
console.log(`workbench: ${files.length} files, ${(total / 1024).toFixed(1)} KiB gzip, in ${path.relative(repoRoot, outdir)} (${Date.now() - started} ms)`);
