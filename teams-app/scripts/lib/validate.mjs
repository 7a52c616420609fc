// Offline validation of a filled Teams manifest and its language files against the schemas
// that @microsoft/app-manifest ships, and of the tabs against the SPFx web part manifests.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';

/** Schema errors of the manifest; the schema comes from the package, never the network. */
export async function manifestSchemaErrors(manifest) {
  return AppManifestUtils.validateAgainstSchema(manifest);
}

/**
 * The v1.30 localisation schema has two patternProperties keys with a lone `]`, which a
 * unicode-mode RegExp (what ajv compiles) rejects. Escaping it keeps the meaning and lets
 * the shipped schema be used as is otherwise.
 */
function escapeLoneBrackets(pattern) {
  try {
    new RegExp(pattern, 'u');
    return pattern;
  } catch {
    let out = '';
    let inClass = false;
    for (let i = 0; i < pattern.length; i++) {
      const ch = pattern[i];
      if (ch === '\\') {
        out += ch + (pattern[i + 1] ?? '');
        i++;
      } else if (ch === '[') {
        inClass = true;
        out += ch;
      } else if (ch === ']') {
        out += inClass ? ch : '\\]';
        inClass = false;
      } else {
        out += ch;
      }
    }
    return out;
  }
}

function repairPatterns(node) {
  if (Array.isArray(node)) return node.map(repairPatterns);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'patternProperties' && value && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [escapeLoneBrackets(k), repairPatterns(v)]));
    } else if (key === 'pattern' && typeof value === 'string') {
      out[key] = escapeLoneBrackets(value);
    } else {
      out[key] = repairPatterns(value);
    }
  }
  return out;
}

const schemaVersion = (url) => /\/teams\/(v[^/]+)\//.exec(String(url ?? ''))?.[1] ?? null;

/** Schema errors of one language file, plus a version mismatch with the manifest (a Teams rule). */
export async function localizationErrors(localization, manifest) {
  const errors = [];
  if (schemaVersion(localization.$schema) !== schemaVersion(manifest.$schema)) {
    errors.push(`$schema ${localization.$schema} is not the manifest's version ${schemaVersion(manifest.$schema)}`);
  }
  const schema = repairPatterns(await AppManifestUtils.fetchSchema(localization.$schema));
  errors.push(...(await AppManifestUtils.validateAgainstSchema(localization, schema)));
  return errors;
}

/** Strips // and /* *\/ comments outside strings: SPFx component manifests are JSON with comments. */
export function parseJsonWithComments(text) {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
      out += ch;
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (ch === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2);
      if (i < 0) break;
      i++;
    } else {
      out += ch;
    }
  }
  return JSON.parse(out);
}

/** Every web part manifest of the SPFx solution: id, alias and supported hosts. */
export function spfxWebParts(spfxDir) {
  const webpartsDir = path.join(spfxDir, 'src', 'webparts');
  let folders;
  try {
    folders = readdirSync(webpartsDir, { withFileTypes: true }).filter((d) => d.isDirectory());
  } catch {
    return [];
  }
  const parts = [];
  for (const folder of folders) {
    for (const file of readdirSync(path.join(webpartsDir, folder.name))) {
      if (!file.endsWith('.manifest.json')) continue;
      const manifest = parseJsonWithComments(readFileSync(path.join(webpartsDir, folder.name, file), 'utf8'));
      if (manifest.componentType !== 'WebPart') continue;
      parts.push({ id: String(manifest.id), alias: String(manifest.alias), supportedHosts: manifest.supportedHosts ?? [], file: path.join(folder.name, file) });
    }
  }
  return parts;
}

/** Which env variable holds which web part's id, recognised by the web part's alias. */
export const TAB_WEBPARTS = [
  { variable: 'SPFX_DASHBOARD_WEBPART_ID', entityId: 'signaaldashboard', aliasIncludes: 'signaaldashboard' },
  { variable: 'SPFX_AGENDA_WEBPART_ID', entityId: 'afdelingsagenda', aliasIncludes: 'agenda' },
  { variable: 'SPFX_BASISOPORDE_WEBPART_ID', entityId: 'basisoporde', aliasIncludes: 'basisoporde' },
  { variable: 'SPFX_BEWUSTWORDING_WEBPART_ID', entityId: 'bewustwording', aliasIncludes: 'bewustwording' },
];

/**
 * Compares the tab ids in the env values with the web parts in the SPFx solution. A web part
 * whose id differs is an error (the tab would open nothing); a tab whose web part the
 * solution does not contain yet is a warning, so the package still builds while it grows.
 */
export function tabWebPartFindings(values, webParts) {
  const problems = [];
  const warnings = [];
  for (const tab of TAB_WEBPARTS) {
    const expected = values[tab.variable];
    const part = webParts.find((p) => p.alias.toLowerCase().replace(/[^a-z]/g, '').includes(tab.aliasIncludes));
    if (!part) {
      warnings.push(`tab "${tab.entityId}": the SPFx solution has no web part for it yet; its manifest must use id ${expected}`);
      continue;
    }
    if (part.id !== expected) {
      problems.push(`${tab.variable} is ${expected}, but the web part ${part.alias} (${part.file}) has id ${part.id}`);
    }
    if (!part.supportedHosts.includes('TeamsPersonalApp')) {
      problems.push(`web part ${part.alias} lacks "TeamsPersonalApp" in supportedHosts, so Teams cannot show it as a personal tab`);
    }
  }
  return { problems, warnings };
}
