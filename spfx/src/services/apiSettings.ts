import { SPHttpClient, type SPHttpClient as SPHttpClientType } from '@microsoft/sp-http';

/** Where the municipality's signals API lives and which Entra application id URI protects it. */
export interface SignalsApiSettings {
  readonly apiBaseUrl: string;
  readonly appIdUri: string;
}

/** Tenant properties (app catalog storage entities) an administrator sets once for every site. */
export const TENANT_PROPERTY_API_URL = 'WeerbaarTwenteApiUrl';
export const TENANT_PROPERTY_APP_ID_URI = 'WeerbaarTwenteApiAppIdUri';

/**
 * The web part's own properties win (a page can point at another instance while testing); otherwise
 * the tenant properties apply. Returns undefined when neither is set, so the dashboard can say so.
 */
export async function resolveApiSettings(
  properties: { apiBaseUrl?: string; apiAppIdUri?: string },
  spHttpClient: SPHttpClientType,
  webAbsoluteUrl: string
): Promise<SignalsApiSettings | undefined> {
  const apiBaseUrl = properties.apiBaseUrl?.trim() || (await readTenantProperty(spHttpClient, webAbsoluteUrl, TENANT_PROPERTY_API_URL));
  const appIdUri = properties.apiAppIdUri?.trim() || (await readTenantProperty(spHttpClient, webAbsoluteUrl, TENANT_PROPERTY_APP_ID_URI));
  if (!apiBaseUrl || !appIdUri || !/^https:\/\//i.test(apiBaseUrl)) return undefined;
  return { apiBaseUrl, appIdUri };
}

async function readTenantProperty(spHttpClient: SPHttpClientType, webAbsoluteUrl: string, key: string): Promise<string | undefined> {
  try {
    const response = await spHttpClient.get(
      `${webAbsoluteUrl}/_api/web/GetStorageEntity('${encodeURIComponent(key)}')`,
      SPHttpClient.configurations.v1
    );
    if (!response.ok) return undefined;
    const body = (await response.json()) as { Value?: unknown };
    return typeof body.Value === 'string' && body.Value.trim() !== '' ? body.Value.trim() : undefined;
  } catch {
    // No app catalog or no permission to read it: the properties pane is the way left.
    return undefined;
  }
}
