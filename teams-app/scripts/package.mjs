// Builds the Teams app package per environment: fills teams-app/manifest.template.json and
// the language files from teams-app/env/.env.<env>, validates them offline against the
// schema @microsoft/app-manifest ships, checks the icons and the tabs' SPFx web parts, and
// writes teams-app/build/appPackage.<env>.zip. Called by `gulp package` (npm run package).
//
//   node teams-app/scripts/package.mjs [--env local|production ...] [--strict]
//                                      [--env-dir <dir>] [--out <dir>]
//
// --strict refuses the example values of the production env file (for the admin's build).
import { createWriteStream, mkdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import yazl from 'yazl';
import { drawColorIcon, drawOutlineIcon, iconProblems } from './lib/icons.mjs';
import { PackagingError, exampleValuesIn, fillJsonTemplate, placeholdersIn, readEnvFile } from './lib/env-template.mjs';
import { localizationErrors, manifestSchemaErrors, spfxWebParts, tabWebPartFindings } from './lib/validate.mjs';

const teamsAppDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.dirname(teamsAppDir);
const rel = (file) => path.relative(root, file) || file;
// A fixed timestamp makes the same inputs give byte-identical zips.
const ZIP_MTIME = new Date('2020-01-01T00:00:00Z');

function parseCommandLine(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      env: { type: 'string', multiple: true },
      'env-dir': { type: 'string' },
      out: { type: 'string' },
      strict: { type: 'boolean', default: false },
    },
  });
  return {
    envs: values.env ?? ['local', 'production'],
    envDir: path.resolve(values['env-dir'] ?? path.join(teamsAppDir, 'env')),
    outDir: path.resolve(values.out ?? path.join(teamsAppDir, 'build')),
    strict: values.strict ?? false,
  };
}

/** Values for one environment: the env file, then the process environment over it. */
function valuesFor(envFile, names) {
  const values = readEnvFile(envFile);
  for (const name of new Set([...Object.keys(values), ...names])) {
    const fromProcess = process.env[name];
    if (typeof fromProcess === 'string' && fromProcess.trim() !== '') values[name] = fromProcess.trim();
  }
  if (!values.APP_VERSION) values.APP_VERSION = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  return values;
}

const fail = (what, errors) => {
  throw new PackagingError(`${what} is not valid:\n  - ${errors.join('\n  - ')}`);
};

async function buildOne(env, { envDir, outDir, strict }) {
  const envFile = path.join(envDir, `.env.${env}`);
  const templateFile = path.join(teamsAppDir, 'manifest.template.json');
  const template = readFileSync(templateFile, 'utf8');
  const templateManifest = JSON.parse(template);
  const languages = templateManifest.localizationInfo?.additionalLanguages ?? [];
  const languageTexts = languages.map((lang) => ({ lang, text: readFileSync(path.join(teamsAppDir, 'locales', lang.file), 'utf8') }));
  const names = [template, ...languageTexts.map((l) => l.text)].flatMap(placeholdersIn);
  const values = valuesFor(envFile, names);

  const examples = exampleValuesIn(values);
  if (examples.length > 0 && strict) {
    throw new PackagingError(`${rel(envFile)} still holds example values for ${examples.join(', ')}; fill them in before building for upload.`);
  }

  const manifest = JSON.parse(fillJsonTemplate(template, values, { template: rel(templateFile), envFile: rel(envFile) }));
  const schemaErrors = await manifestSchemaErrors(manifest);
  if (schemaErrors.length > 0) fail(`manifest.json for "${env}"`, schemaErrors);

  const files = [];
  for (const { lang, text } of languageTexts) {
    const filled = fillJsonTemplate(text, values, { template: rel(path.join(teamsAppDir, 'locales', lang.file)), envFile: rel(envFile) });
    const errors = await localizationErrors(JSON.parse(filled), manifest);
    if (errors.length > 0) fail(`${lang.file} for "${env}"`, errors);
    files.push({ name: lang.file, data: Buffer.from(filled) });
  }

  const { problems, warnings } = tabWebPartFindings(values, spfxWebParts(path.join(root, 'spfx')));
  if (problems.length > 0) fail(`The tabs of "${env}"`, problems);

  const color = drawColorIcon();
  const outline = drawOutlineIcon();
  const iconErrors = iconProblems(color, outline);
  if (iconErrors.length > 0) fail('The icons', iconErrors);

  files.unshift(
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    { name: manifest.icons.color, data: color },
    { name: manifest.icons.outline, data: outline },
  );
  mkdirSync(outDir, { recursive: true });
  const zipFile = path.join(outDir, `appPackage.${env}.zip`);
  await writeZip(zipFile, files);
  if (examples.length > 0) {
    warnings.push(`${examples.join(', ')} still hold the example values of ${rel(envFile)}: fill them in before uploading (--strict refuses them)`);
  }
  return { zipFile, warnings };
}

/** Writes next to the target and renames, so a reader never sees a half-written zip. */
function writeZip(file, files) {
  const temporary = `${file}.${process.pid}.tmp`;
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const { name, data } of files) zip.addBuffer(data, name, { mtime: ZIP_MTIME, mode: 0o100644 });
    const out = createWriteStream(temporary);
    out.on('close', () => {
      renameSync(temporary, file);
      resolve();
    });
    out.on('error', reject);
    zip.outputStream.on('error', reject).pipe(out);
    zip.end();
  });
}

async function main() {
  const options = parseCommandLine(process.argv.slice(2));
  for (const env of options.envs) {
    const { zipFile, warnings } = await buildOne(env, options);
    console.log(`Teams app package (${env}): ${rel(zipFile)}`);
    for (const warning of warnings) console.warn(`  warning: ${warning}`);
  }
}

main().catch((error) => {
  console.error(error instanceof PackagingError ? `Teams app packaging failed: ${error.message}` : error);
  process.exit(1);
});
