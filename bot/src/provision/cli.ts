import { pathToFileURL } from 'node:url';
import { ORGANISATION_LISTS } from '@weerbaar/shared';
import { createGraphAppAuth, graphAppCredentialsFromEnv } from '../auth/graph-app-auth.js';
import { createGraphConnection } from '../stores/graph/graph-client.js';
import { GraphSite } from '../stores/graph/graph-site.js';
import { provisionSite } from './provision.js';

/**
 * npm run provision -- --site https://{tenant}.sharepoint.com/sites/{site} [--dry-run]
 *
 * Credentials come from the environment (GRAPH_TENANT_ID, GRAPH_CLIENT_ID and
 * GRAPH_CERTIFICATE_PATH or GRAPH_CLIENT_SECRET; GRAPH_BASE_URL and GRAPH_AUTHORITY_HOST
 * for national clouds). Exit code 0: done or nothing to do; 1: failure; 2: usage or conflicts.
 */
export interface CliArguments {
  siteUrl: string;
  dryRun: boolean;
}

export function parseArguments(argv: readonly string[]): CliArguments {
  let siteUrl: string | undefined;
  let dryRun = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--site') siteUrl = argv[++i];
    else if (arg?.startsWith('--site=')) siteUrl = arg.slice('--site='.length);
    else throw new UsageError(`onbekend argument (unknown argument): ${arg ?? ''}`);
  }
  if (!siteUrl) throw new UsageError('--site <url> ontbreekt (missing)');
  return { siteUrl, dryRun };
}

class UsageError extends Error {}

export async function runProvisionCli(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  print: (line: string) => void,
): Promise<number> {
  let args: CliArguments;
  try {
    args = parseArguments(argv);
  } catch (error) {
    print(`${error instanceof Error ? error.message : String(error)}`);
    print('Gebruik (usage): npm run provision -- --site https://<tenant>.sharepoint.com/sites/<site> [--dry-run]');
    return 2;
  }
  try {
    const auth = createGraphAppAuth(graphAppCredentialsFromEnv(env));
    const siteOrigin = new URL(args.siteUrl).origin;
    const graph = createGraphConnection({
      authProvider: auth.authProvider(),
      ...(env.GRAPH_BASE_URL ? { baseUrl: env.GRAPH_BASE_URL } : {}),
      extraTokenHosts: [new URL(args.siteUrl).hostname],
    });
    const outcome = await provisionSite(
      {
        graph,
        site: new GraphSite(graph, { siteUrl: args.siteUrl }),
        siteUrl: args.siteUrl,
        sharePointAuth: auth.authProvider(`${siteOrigin}/.default`),
      },
      { specs: Object.values(ORGANISATION_LISTS), dryRun: args.dryRun, print },
    );
    if (outcome.plan.findings.some((f) => f.kind === 'conflict')) return 2;
    return outcome.remaining && outcome.remaining.steps.length > 0 ? 1 : 0;
  } catch (error) {
    print(`Provisioning mislukt (failed): ${error instanceof Error ? error.message : String(error)}`);
    return error instanceof Error && error.name === 'ProvisionConflictError' ? 2 : 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await runProvisionCli(process.argv.slice(2), process.env, (line) => console.log(line));
}
