#!/usr/bin/env node
// Prints the size of every web part bundle of the last ship build (`npm run build`), minified and gzipped.
//
// The SPFx 1.23 Heft build writes the bundles to release/assets/ and one manifest per component to
// release/manifests/. The manifest's loaderConfig names the component's entry bundle, so the script reads
// the manifests instead of guessing from file names (bundle names carry a content hash). Any other
// JavaScript in release/assets/ that is neither an entry bundle nor a localised strings file is an
// async chunk and is listed under its own file name.
//
// Usage: node scripts/bundle-size.mjs [--json]
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants as zlibConstants } from 'node:zlib';

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

const rows = [];
const accountedFiles = new Set();

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
  rows.push({ name: manifest.alias, file: entry.path, ...measure(entry.path) });
}

for (const fileName of readdirSync(assetsFolder).filter((name) => name.endsWith('.js')).sort()) {
  if (!accountedFiles.has(fileName)) {
    rows.push({ name: '(chunk)', file: fileName, ...measure(fileName) });
  }
}

if (rows.length === 0) {
  console.error('No web part bundles found in release/assets/.');
  process.exit(1);
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const kilobytes = (bytes) => (bytes / 1024).toFixed(1) + ' KiB';
  const nameWidth = Math.max(4, ...rows.map((row) => row.name.length));
  console.log(`${'name'.padEnd(nameWidth)}  ${'minified'.padStart(20)}  ${'gzip'.padStart(20)}  file`);
  for (const row of rows) {
    const minified = `${row.minifiedBytes} B (${kilobytes(row.minifiedBytes)})`;
    const gzip = `${row.gzipBytes} B (${kilobytes(row.gzipBytes)})`;
    console.log(`${row.name.padEnd(nameWidth)}  ${minified.padStart(20)}  ${gzip.padStart(20)}  ${row.file}`);
  }
}
