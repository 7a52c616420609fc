#!/usr/bin/env node
// Prints the size of every web part bundle of the last ship build (`npm run build`), minified and gzipped,
// and checks the first-view budget.
//
// The SPFx 1.23 Heft build writes the bundles to release/assets/ and one manifest per component to
// release/manifests/. The manifest's loaderConfig names the component's entry bundle, so the script reads
// the manifests instead of guessing from file names (bundle names carry a content hash). The entry bundle
// is what the first view loads (beyond SPFx's own externals: React, ReactDOM and the sp-* libraries);
// every other JavaScript file that is not a localised strings file is an async chunk, loaded by a dynamic
// import() only when the user opens the part of the UI that needs it. The webpack runtime in the entry
// bundle says which chunks each import() loads together; those groups are printed as "lazy" rows.
//
// Usage: node scripts/bundle-size.mjs [--json]
// Exits 1 when a web part with a budget in FIRST_VIEW_BUDGETS_GZIP_BYTES reaches it.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants as zlibConstants } from 'node:zlib';

/** First-view budgets by web part alias. The signal dashboard's: under 100 KB gzip beyond SPFx's externals. */
const FIRST_VIEW_BUDGETS_GZIP_BYTES = { SignaaldashboardWebPart: 100_000 };

const projectFolder = join(dirname(fileURLToPath(import.meta.url)), '..');
const assetsFolder = join(projectFolder, 'release', 'assets');
const manifestsFolder = join(projectFolder, 'release', 'manifests');

if (!existsSync(assetsFolder) || !existsSync(manifestsFolder)) {
  console.error('No ship build found in release/. Run `npm run build` (heft build --clean --production) first.');
  process.exit(1);
}

/** @returns {{ minifiedBytes: number, gzipBytes: number }} */
function measure(fileName) {
  const content = readFileSync(join(assetsFolder, fileName));
  // Level 9 gives the smallest transfer size a server could send; zlib's default level 6 was ~0.3% larger here.
  const gzipped = gzipSync(content, { level: zlibConstants.Z_BEST_COMPRESSION });
  return { minifiedBytes: content.length, gzipBytes: gzipped.length };
}

const jsFiles = readdirSync(assetsFolder).filter((name) => name.endsWith('.js')).sort();

/**
 * The lazy groups of an entry bundle: webpack 5 emits `Promise.all([x.e(836),x.e(159)])` (or a single
 * `x.e(159)`) for each import(), and maps chunk ids to file names with `{159:"signal-detail"}[e]||e` and a
 * map of content hashes. Both maps are read from the runtime, so the names follow the build.
 */
function lazyGroups(entryFile) {
  const source = readFileSync(join(assetsFolder, entryFile), 'utf8');
  const chunkFile = (id) => {
    const file = fileForId(source, id);
    return file && jsFiles.includes(file) ? file : undefined;
  };
  const groups = new Map();
  for (const match of source.matchAll(/Promise\.all\(\[((?:[\w$]+\.e\(\d+\),?)+)\]\)|[\w$]+\.e\((\d+)\)\.then/g)) {
    const ids = match[1] ? [...match[1].matchAll(/\.e\((\d+)\)/g)].map((m) => m[1]) : [match[2]];
    const files = ids.map((id) => chunkFile(id)).filter(Boolean);
    if (files.length > 0) groups.set(ids.join('+'), { ids, files });
  }
  return [...groups.values()];
}

function fileForId(source, id) {
  const hash = new RegExp(`[{,]${id}:"([0-9a-f]{8,})"`).exec(source)?.[1];
  if (!hash) return undefined;
  const named = new RegExp(`[{,]${id}:"([\\w-]+)"(?=[,}][^\\[]*\\[e\\]\\|\\|e)`).exec(source)?.[1];
  return `chunk.${named ?? id}_${hash}.js`;
}

const rows = [];
const accountedFiles = new Set();
const webParts = [];

for (const manifestFile of readdirSync(manifestsFolder).filter((name) => name.endsWith('.manifest.json')).sort()) {
  const manifest = JSON.parse(readFileSync(join(manifestsFolder, manifestFile), 'utf8'));
  const loaderConfig = manifest.loaderConfig ?? {};
  const scriptResources = loaderConfig.scriptResources ?? {};
  for (const resource of Object.values(scriptResources)) {
    if (resource && resource.type === 'localizedPath') {
      for (const path of Object.values(resource.paths ?? {})) accountedFiles.add(path);
      if (resource.defaultPath) accountedFiles.add(resource.defaultPath);
    }
  }
  const entry = scriptResources[loaderConfig.entryModuleId];
  if (manifest.componentType !== 'WebPart' || !entry || entry.type !== 'path') continue;
  accountedFiles.add(entry.path);
  const firstView = { name: manifest.alias, kind: 'first view', file: entry.path, ...measure(entry.path) };
  rows.push(firstView);
  webParts.push(firstView);
  for (const group of lazyGroups(entry.path)) {
    const sizes = group.files.map((file) => measure(file));
    const label = group.files.map((file) => file.replace(/^chunk\./, '').replace(/_[0-9a-f]+\.js$/, '')).join(' + ');
    rows.push({
      name: manifest.alias,
      kind: 'lazy',
      file: label,
      minifiedBytes: sizes.reduce((sum, size) => sum + size.minifiedBytes, 0),
      gzipBytes: sizes.reduce((sum, size) => sum + size.gzipBytes, 0)
    });
  }
}

for (const fileName of jsFiles) {
  if (!accountedFiles.has(fileName)) {
    rows.push({ name: '(chunk)', kind: 'chunk', file: fileName, ...measure(fileName) });
  }
}

if (rows.length === 0) {
  console.error('No web part bundles found in release/assets/.');
  process.exit(1);
}

const budgeted = webParts.filter((row) => FIRST_VIEW_BUDGETS_GZIP_BYTES[row.name] !== undefined);
const overBudget = budgeted.filter((row) => row.gzipBytes >= FIRST_VIEW_BUDGETS_GZIP_BYTES[row.name]);

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ budgetsGzipBytes: FIRST_VIEW_BUDGETS_GZIP_BYTES, rows }, null, 2));
} else {
  const kilobytes = (bytes) => (bytes / 1024).toFixed(1) + ' KiB';
  const nameWidth = Math.max(4, ...rows.map((row) => row.name.length));
  console.log(`${'name'.padEnd(nameWidth)}  ${'kind'.padEnd(10)}  ${'minified'.padStart(20)}  ${'gzip'.padStart(20)}  file`);
  for (const row of rows) {
    const minified = `${row.minifiedBytes} B (${kilobytes(row.minifiedBytes)})`;
    const gzip = `${row.gzipBytes} B (${kilobytes(row.gzipBytes)})`;
    console.log(`${row.name.padEnd(nameWidth)}  ${row.kind.padEnd(10)}  ${minified.padStart(20)}  ${gzip.padStart(20)}  ${row.file}`);
  }
  for (const row of budgeted) {
    const budget = FIRST_VIEW_BUDGETS_GZIP_BYTES[row.name];
    const verdict = row.gzipBytes < budget ? 'within' : 'OVER';
    console.log(`${row.name}: first view ${row.gzipBytes} B gzip, ${verdict} its budget of ${budget} B gzip beyond SPFx's externals.`);
  }
}

if (overBudget.length > 0) process.exit(1);
