// Filling `${{NAME}}` placeholders from an env file. A placeholder left unfilled would ship
// a package Teams accepts but that cannot work (a tab pointing nowhere), so it is an error
// that names every missing variable and the file it should be in.
import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

const PLACEHOLDER = /\$\{\{([A-Z][A-Z0-9_]*)\}\}/g;
const NIL_GUID = '00000000-0000-0000-0000-000000000000';

export class PackagingError extends Error {
  constructor(message) {
    super(message);
    this.name = 'PackagingError';
  }
}

/** Reads KEY=VALUE lines (comments with #); variables in `overrides` win over the file. */
export function readEnvFile(file, overrides = {}) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new PackagingError(`Env file ${file} is missing.`);
  }
  const values = { ...parseEnv(text) };
  for (const name of Object.keys(values)) {
    const override = overrides[name];
    if (typeof override === 'string' && override.trim() !== '') values[name] = override.trim();
  }
  return values;
}

/** The placeholder names a text uses, each once, in order of appearance. */
export function placeholdersIn(text) {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

/**
 * Replaces every placeholder in a JSON text with its value, escaped for a JSON string so a
 * value can never break the document. Throws naming every placeholder without a value.
 */
export function fillJsonTemplate(text, values, { template, envFile }) {
  const missing = placeholdersIn(text).filter((name) => typeof values[name] !== 'string' || values[name].trim() === '');
  if (missing.length > 0) {
    throw new PackagingError(
      `${template} uses ${missing.map((n) => `\${{${n}}}`).join(', ')} but ${envFile} gives no value for ${missing.join(', ')}. ` +
        `Add ${missing.length === 1 ? 'it' : 'them'} to the env file (or set ${missing.length === 1 ? 'it' : 'them'} in the environment).`,
    );
  }
  return text.replace(PLACEHOLDER, (_match, name) => JSON.stringify(values[name].trim()).slice(1, -1));
}

/** Variables that still hold the documented example values of the production env file. */
export function exampleValuesIn(values) {
  return Object.entries(values)
    .filter(([, value]) => value === NIL_GUID || /voorbeeld/i.test(value))
    .map(([name]) => name);
}
