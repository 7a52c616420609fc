// The SharePoint package an admin uploads to the tenant app catalog: a readable zip whose
// AppManifest.xml names this solution, with every web part of spfx/src inside, each usable
// as a Teams tab and personal app, and its script shipped in the package itself.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SPPKG, ensureTeamsPackages, spfxWebPartManifests, teamsZip } from './packaging-support.js';
import { readZip, type ZipEntry } from './zip-reader.js';

interface ComponentManifest {
  id: string;
  alias: string;
  supportedHosts?: string[];
  loaderConfig: { entryModuleId: string; scriptResources: Record<string, { type: string; path?: string }> };
}

const solution = (
  JSON.parse(readFileSync(path.join(ROOT, 'spfx/config/package-solution.json'), 'utf8')) as {
    solution: { id: string; version: string; name: string };
  }
).solution;

const unescapeXml = (text: string): string =>
  text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const attribute = (xml: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(xml)?.[1];

function text(entries: ZipEntry[], name: string): string {
  const found = entries.find((e) => e.name === name);
  if (!found) throw new Error(`${name} is missing from the .sppkg`);
  return found.data.toString('utf8');
}

let entries: ZipEntry[] = [];

beforeAll(() => {
  if (!existsSync(SPPKG)) {
    throw new Error(`${path.relative(ROOT, SPPKG)} is missing: build it with \`npm run package\` (npm test does this before vitest).`);
  }
  entries = readZip(SPPKG);
});

describe('the SharePoint package (.sppkg)', () => {
  it('is a readable zip with the Open Packaging parts SharePoint expects', () => {
    const names = entries.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['AppManifest.xml', '[Content_Types].xml', '_rels/.rels', '_rels/AppManifest.xml.rels']));
  });

  it('names this solution, its version, and is a client-side solution deployable to all sites', () => {
    const manifest = text(entries, 'AppManifest.xml');
    expect(attribute(manifest, 'ProductID')).toBe(solution.id);
    expect(attribute(manifest, 'Version')).toBe(solution.version);
    expect(attribute(manifest, 'Name')).toBe(solution.name);
    expect(attribute(manifest, 'IsClientSideSolution')).toBe('true');
    expect(attribute(manifest, 'SkipFeatureDeployment')).toBe('true');
  });

  const webParts = spfxWebPartManifests();

  it('has at least the signal dashboard among the web parts of the solution', () => {
    expect(webParts.map((w) => w.alias)).toContain('SignaaldashboardWebPart');
  });

  describe.each(webParts.map((w) => [w.alias, w] as const))('web part %s', (_alias, webPart) => {
    const componentManifest = (): ComponentManifest => {
      const xml = text(entries, `${webPart.id}/WebPart_${webPart.id}.xml`);
      const encoded = attribute(xml, 'ComponentManifest');
      if (!encoded) throw new Error(`WebPart_${webPart.id}.xml has no ComponentManifest`);
      return JSON.parse(unescapeXml(encoded)) as ComponentManifest;
    };

    it('is in the package under its own id', () => {
      expect(componentManifest()).toMatchObject({ id: webPart.id, alias: webPart.alias });
    });

    it('can be a Teams tab and a Teams personal app', () => {
      expect(componentManifest().supportedHosts).toEqual(expect.arrayContaining(['TeamsTab', 'TeamsPersonalApp']));
    });

    it('ships its script inside the package, so no CDN is needed', () => {
      const { loaderConfig } = componentManifest();
      const entryPath = loaderConfig.scriptResources[loaderConfig.entryModuleId]?.path;
      expect(entryPath).toBeDefined();
      expect(entries.map((e) => e.name)).toContain(`ClientSideAssets/${entryPath}`);
    });
  });

  it('ships the web part that the Teams app opens as the "Signalen" tab', () => {
    ensureTeamsPackages();
    const teamsManifest = JSON.parse(
      readZip(teamsZip('production'))
        .find((e) => e.name === 'manifest.json')
        ?.data.toString('utf8') ?? '{}',
    ) as { staticTabs: { entityId: string; contentUrl?: string }[] };
    const componentId = /componentId=([0-9a-f-]{36})/.exec(teamsManifest.staticTabs.find((t) => t.entityId === 'signaaldashboard')?.contentUrl ?? '')?.[1];
    expect(componentId).toBeDefined();
    expect(entries.map((e) => e.name)).toContain(`${componentId}/WebPart_${componentId}.xml`);
  });
});
