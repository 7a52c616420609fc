import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The domain core stays plain TypeScript: these SDKs and Node APIs belong in the adapters.
const FORBIDDEN = [
  /^botbuilder/,
  /^botframework-/,
  /^@microsoft\/sp-/,
  /^@microsoft\/microsoft-graph-client/,
  /^@microsoft\/teams/,
  /^@pnp\//,
  /^express$/,
  /^pg$/,
  /^better-sqlite3$/,
  /^kysely/,
  /^node:/,
  /^(fs|path|crypto|http|https|child_process|os)$/,
];

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const pattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of source.matchAll(pattern)) specifiers.push(match[1] ?? match[2] ?? match[3] ?? '');
  return specifiers;
}

describe('shared/ is the domain core without SDK imports', () => {
  const files = sourceFiles(srcDir);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [path.relative(srcDir, f), f]))('%s imports no SDK, store driver or Node API', (_name, file) => {
    const offending = importsOf(readFileSync(file, 'utf8')).filter((spec) => FORBIDDEN.some((re) => re.test(spec)));
    expect(offending).toEqual([]);
  });

  it('the check itself recognises a forbidden import', () => {
    expect(importsOf("import { CloudAdapter } from 'botbuilder';")).toEqual(['botbuilder']);
    expect(importsOf("export * from 'pg';")).toEqual(['pg']);
  });
});
