import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  ValidationError,
  parseLearningModule,
  parseLocalLearningScenario,
  type LearningContent,
  type LearningModule,
  type LocalLearningScenario,
} from '@weerbaar/shared';
import type { Logger } from '../logging.js';

/** A municipality's own scenarios come on top of the standard eight; more would stretch the ten minutes too far. */
export const MAX_LOCAL_SCENARIOS_PER_MUNICIPALITY = 4;

export interface RefusedLearningFile {
  file: string;
  field: string;
  message: string;
}

export interface LoadedLearningContent extends LearningContent {
  /** Local files that were not taken, with the file and the field that was wrong. */
  refused: RefusedLearningFile[];
}

/** shared/learning, found next to the seed the shared package exports. */
export function defaultLearningDir(): string {
  const require = createRequire(import.meta.url);
  return path.resolve(path.dirname(require.resolve('@weerbaar/shared/seed/municipalities.json')), '..', 'learning');
}

/** The newest standard module (`module-v<N>.json` with the highest N); a bad file stops the start. */
export function loadStandardModule(dir: string = defaultLearningDir()): LearningModule {
  const files = readdirSync(dir)
    .map((name) => ({ name, version: /^module-v(\d+)\.json$/.exec(name)?.[1] }))
    .filter((entry): entry is { name: string; version: string } => entry.version !== undefined)
    .sort((a, b) => Number(b.version) - Number(a.version));
  const newest = files[0];
  if (!newest) throw new Error(`no learning module (module-v<N>.json) in ${dir}`);
  return parseLearningModule(readJson(path.join(dir, newest.name), newest.name), newest.name);
}

function readJson(file: string, name: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) throw new ValidationError(`Leerinhoud ${name} geweigerd, veld (root) (geen geldige JSON)`, '(root)');
    throw error;
  }
}

/**
 * Reads a municipality's own scenarios: every `*.json` in `localDir`, one scenario per
 * file, checked with the same schema as the standard module. A file that fails is
 * refused with its name and the field, and logged without content; the instance starts
 * with the standard module and every local file that is fine.
 */
export function loadLearningContent(options: { standardDir?: string; localDir: string | null; municipalityCodes: readonly string[]; logger: Pick<Logger, 'info' | 'warn'> }): LoadedLearningContent {
  const module = loadStandardModule(options.standardDir);
  const local: LocalLearningScenario[] = [];
  const refused: RefusedLearningFile[] = [];
  const dir = options.localDir;
  if (dir && existsSync(dir)) {
    const ids = new Set(module.scenarios.map((scenario) => scenario.id));
    const perMunicipality = new Map<string, number>();
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.json')).sort()) {
      try {
        const scenario = parseLocalLearningScenario(readJson(path.join(dir, name), name), name);
        if (ids.has(scenario.id)) throw new ValidationError(`Leerinhoud ${name} geweigerd, veld id (dit id bestaat al)`, 'id');
        const codes = scenario.municipalityCodes ?? options.municipalityCodes;
        const unknown = codes.find((code) => !options.municipalityCodes.includes(code));
        if (unknown !== undefined) {
          throw new ValidationError(`Leerinhoud ${name} geweigerd, veld municipalityCodes (deze instantie bedient ${unknown} niet)`, 'municipalityCodes');
        }
        if (codes.some((code) => (perMunicipality.get(code) ?? 0) >= MAX_LOCAL_SCENARIOS_PER_MUNICIPALITY)) {
          throw new ValidationError(`Leerinhoud ${name} geweigerd, veld (root) (ten hoogste ${MAX_LOCAL_SCENARIOS_PER_MUNICIPALITY} lokale scenario's per gemeente)`, '(root)');
        }
        for (const code of codes) perMunicipality.set(code, (perMunicipality.get(code) ?? 0) + 1);
        ids.add(scenario.id);
        local.push(scenario);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        refused.push({ file: name, field: error.field, message: error.message });
        // File and field only: a message could quote what the file says.
        options.logger.warn({ event: 'learning-local-refused', file: name, field: error.field }, 'local learning scenario refused');
      }
    }
  }
  options.logger.info({ event: 'learning-content', version: module.version, scenarios: module.scenarios.length, local: local.length, refused: refused.length }, 'learning module loaded');
  return { module, local, refused };
}
