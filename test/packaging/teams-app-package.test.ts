// The Teams app zips an admin uploads: valid against the newest manifest schema that
// @microsoft/app-manifest ships (offline), icons Teams accepts, every placeholder filled,
// the bot and the tabs wired to the ids of that environment, and Dutch first.
import { AppManifestUtils } from '@microsoft/app-manifest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENVIRONMENTS, TEAMS_APP, ensureTeamsPackages, readEnvFile, runPackager, spfxWebPartManifests, teamsZip } from './packaging-support.js';
import { readZip, type ZipEntry } from './zip-reader.js';

interface StaticTab {
  entityId: string;
  name?: string;
  contentUrl?: string;
  scopes: string[];
}
interface TeamsManifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  version: string;
  icons: { color: string; outline: string };
  localizationInfo: { defaultLanguageTag: string; additionalLanguages: { languageTag: string; file: string }[] };
  bots: { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
  staticTabs: StaticTab[];
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
  name: { short: string };
}

const schemaDir = path.join(path.dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json')), 'build/json-schemas/teams');
const newestShippedVersion = readdirSync(schemaDir)
  .filter((d) => /^v\d+\.\d+$/.test(d))
  .map((d) => d.slice(1))
  .sort((a, b) => {
    const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
    const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
    return aMajor - bMajor || aMinor - bMinor;
  })
  .at(-1);

function entry(entries: ZipEntry[], name: string): Buffer {
  const found = entries.find((e) => e.name === name);
  if (!found) throw new Error(`${name} is missing from the package (it has ${entries.map((e) => e.name).join(', ')})`);
  return found.data;
}

const tabIds = ['conversations', 'signaaldashboard', 'afdelingsagenda', 'basisoporde', 'bewustwording', 'about'];
const tabWebPartVariable: Record<string, string> = {
  signaaldashboard: 'SPFX_DASHBOARD_WEBPART_ID',
  afdelingsagenda: 'SPFX_AGENDA_WEBPART_ID',
  basisoporde: 'SPFX_BASISOPORDE_WEBPART_ID',
  bewustwording: 'SPFX_BEWUSTWORDING_WEBPART_ID',
};

beforeAll(() => ensureTeamsPackages(), 120_000);

describe.each(ENVIRONMENTS)('Teams app package "%s"', (env) => {
  const load = () => {
    const entries = readZip(teamsZip(env));
    const manifest = JSON.parse(entry(entries, 'manifest.json').toString('utf8')) as TeamsManifest;
    return { entries, manifest, values: readEnvFile(env) };
  };

  it('holds exactly the manifest, both icons and the English language file', () => {
    const { entries } = load();
    expect(entries.map((e) => e.name).sort()).toEqual(['color.png', 'en-us.json', 'manifest.json', 'outline.png']);
  });

  it('validates against the newest schema the manifest package ships, offline', async () => {
    const { manifest } = load();
    expect(newestShippedVersion).toBeDefined();
    expect(manifest.manifestVersion).toBe(newestShippedVersion);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${newestShippedVersion}/MicrosoftTeams.schema.json`);
    await expect(AppManifestUtils.validateAgainstSchema(manifest as never)).resolves.toEqual([]);
  });

  it('leaves no placeholder unfilled in any file', () => {
    for (const { name, data } of load().entries.filter((e) => e.name.endsWith('.json'))) {
      expect(data.toString('utf8'), name).not.toMatch(/\$\{\{/);
    }
  });

  it('has a colour icon of 192x192 and a 32x32 outline that is white on transparent', () => {
    const { entries, manifest } = load();
    const color = PNG.sync.read(entry(entries, manifest.icons.color));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = PNG.sync.read(entry(entries, manifest.icons.outline));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    let visible = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      if (outline.data[i + 3] === 0) {
        transparent++;
        continue;
      }
      visible++;
      expect([outline.data[i], outline.data[i + 1], outline.data[i + 2]], `outline pixel ${i / 4}`).toEqual([255, 255, 255]);
    }
    expect(transparent).toBeGreaterThan(0);
    expect(visible).toBeGreaterThan(0);
    // The corners are background, so they must be see-through.
    for (const corner of [0, 31, 32 * 31, 32 * 32 - 1]) expect(outline.data[corner * 4 + 3]).toBe(0);
  });

  it('carries the app id and the bot id of this environment, the bot in personal scope with its four commands', () => {
    const { manifest, values } = load();
    expect(manifest.id).toBe(values['TEAMS_APP_ID']);
    expect(manifest.bots).toHaveLength(1);
    const bot = manifest.bots[0];
    expect(bot?.botId).toBe(values['BOT_ID']);
    expect(bot?.scopes).toEqual(['personal']);
    expect(bot?.commandLists[0]?.commands.map((c) => c.title)).toEqual(['melden', 'help', 'leren', 'status']);
  });

  it('has the bot chat, the four web part tabs and About as personal tabs, each web part opened in the Weerbaar site', () => {
    const { manifest, values } = load();
    expect(manifest.staticTabs.map((t) => t.entityId)).toEqual(tabIds);
    const site = `https://${values['SHAREPOINT_HOST']}${values['SHAREPOINT_SITE_PATH']}`;
    for (const [entityId, variable] of Object.entries(tabWebPartVariable)) {
      const tab = manifest.staticTabs.find((t) => t.entityId === entityId);
      expect(tab?.scopes).toEqual(['personal']);
      expect(tab?.contentUrl).toBe(
        `${site}/_layouts/15/TeamsLogon.aspx?SPFX=true&dest=${values['SHAREPOINT_SITE_PATH']}/_layouts/15/teamshostedapp.aspx` +
          `%3Fteams%26personal%26componentId=${values[variable]}%26forceLocale={locale}`,
      );
    }
    expect(manifest.validDomains).toEqual(expect.arrayContaining([values['SHAREPOINT_HOST'], values['APP_DOMAIN']]));
  });

  it('signs the tabs in to SharePoint (the web parts then reach the API through SharePoint)', () => {
    const { manifest, values } = load();
    expect(manifest.webApplicationInfo).toEqual({ id: '00000003-0000-0ff1-ce00-000000000000', resource: `https://${values['SHAREPOINT_HOST']}` });
  });

  it.each([
    ['signaaldashboard', 'SignaaldashboardWebPart'],
    ['afdelingsagenda', 'AfdelingsagendaWebPart'],
    ['basisoporde', 'BasisOpOrdeWebPart'],
    ['bewustwording', 'BewustwordingWebPart'],
  ])('opens the %s tab on the id its SPFx manifest (%s) declares, a part that may be a personal app', (entityId, alias) => {
    const { manifest } = load();
    const part = spfxWebPartManifests().find((m) => m.alias === alias);
    expect(part, `the ${alias} web part manifest`).toBeDefined();
    expect(part?.supportedHosts).toContain('TeamsPersonalApp');
    expect(manifest.staticTabs.find((t) => t.entityId === entityId)?.contentUrl).toContain(`componentId=${part?.id}%26`);
  });

  it('is Dutch by default with an English language file valid against the same schema version', async () => {
    const { entries, manifest } = load();
    expect(manifest.localizationInfo.defaultLanguageTag).toBe('nl-nl');
    expect(manifest.name.short).toBe('Weerbaar Twente');
    expect(manifest.staticTabs.find((t) => t.entityId === 'basisoporde')?.name).toBe('Basis op orde');
    expect(manifest.staticTabs.find((t) => t.entityId === 'bewustwording')?.name).toBe('Bewustwording');
    expect(manifest.localizationInfo.additionalLanguages).toEqual([{ languageTag: 'en-us', file: 'en-us.json' }]);
    const english = JSON.parse(entry(entries, 'en-us.json').toString('utf8')) as Record<string, string>;
    expect(english['$schema']).toBe(manifest.$schema.replace('MicrosoftTeams.schema.json', 'MicrosoftTeams.Localization.schema.json'));
    expect(english['staticTabs[3].name']).toBe('Basics in order');
    expect(english['staticTabs[4].name']).toBe('Awareness');
    // The shipped localisation schema has two keys with a lone "]" that unicode RegExps reject.
    const schema = JSON.parse(JSON.stringify(await AppManifestUtils.fetchSchema(english['$schema'] ?? '')).replaceAll('\\\\b]', '\\\\b\\\\]'));
    await expect(AppManifestUtils.validateAgainstSchema(english as never, schema)).resolves.toEqual([]);
  });
});

describe('the packaging script refuses what would not work', () => {
  const withEnvDir = (edit: (text: string) => string, run: (envDir: string, outDir: string) => void) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'teams-pkg-'));
    try {
      const envDir = path.join(dir, 'env');
      const outDir = path.join(dir, 'out');
      mkdirSync(envDir);
      copyFileSync(path.join(TEAMS_APP, 'env/.env.local'), path.join(envDir, '.env.local'));
      writeFileSync(path.join(envDir, '.env.production'), edit(readFileSync(path.join(TEAMS_APP, 'env/.env.production'), 'utf8')));
      run(envDir, outDir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('names the placeholder and the env file when a value is missing, and writes no package', () => {
    withEnvDir(
      (text) => text.replace(/^BOT_ID=.*$/m, ''),
      (envDir, outDir) => {
        const run = runPackager(['--env', 'production', '--env-dir', envDir, '--out', outDir]);
        expect(run.status).toBe(1);
        expect(run.stderr).toContain('${{BOT_ID}}');
        expect(run.stderr).toMatch(/\.env\.production gives no value for BOT_ID/);
        expect(() => readZip(teamsZip('production', outDir))).toThrow();
      },
    );
  });

  it('with --strict, refuses the example values of the production env file and names them', () => {
    withEnvDir(
      (text) => text,
      (envDir, outDir) => {
        const run = runPackager(['--env', 'production', '--strict', '--env-dir', envDir, '--out', outDir]);
        expect(run.status).toBe(1);
        expect(run.stderr).toMatch(/still holds example values for .*BOT_ID/);
        expect(run.stderr).toContain('SHAREPOINT_HOST');
      },
    );
  });

  it('builds a strict production package once the admin has filled in real values', () => {
    withEnvDir(
      (text) =>
        text
          .replace(/^BOT_ID=.*$/m, 'BOT_ID=5b6f2a9e-3f1c-4d7a-9b1e-2c8d4e6f8a10')
          .replaceAll('gemeente-voorbeeld', 'hengelo'),
      (envDir, outDir) => {
        const run = runPackager(['--env', 'production', '--strict', '--env-dir', envDir, '--out', outDir]);
        expect(run.stderr).not.toContain('example value');
        expect(run.status).toBe(0);
        const manifest = JSON.parse(entry(readZip(teamsZip('production', outDir)), 'manifest.json').toString('utf8')) as TeamsManifest;
        expect(manifest.bots[0]?.botId).toBe('5b6f2a9e-3f1c-4d7a-9b1e-2c8d4e6f8a10');
        expect(manifest.webApplicationInfo.resource).toBe('https://hengelo.sharepoint.com');
      },
    );
  });

  it('refuses a tab whose web part id differs from the SPFx manifest', () => {
    withEnvDir(
      (text) => text.replace(/^SPFX_DASHBOARD_WEBPART_ID=.*$/m, 'SPFX_DASHBOARD_WEBPART_ID=11111111-2222-3333-4444-555555555555'),
      (envDir, outDir) => {
        const run = runPackager(['--env', 'production', '--env-dir', envDir, '--out', outDir]);
        expect(run.status).toBe(1);
        expect(run.stderr).toMatch(/SPFX_DASHBOARD_WEBPART_ID is 11111111-2222-3333-4444-555555555555, but the web part SignaaldashboardWebPart/);
      },
    );
  });
});
