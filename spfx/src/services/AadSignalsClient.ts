import { AadHttpClient, type AadHttpClientFactory } from '@microsoft/sp-http';
import { HttpSignalsClient, type ApiRequest, type ApiResponse } from './HttpSignalsClient';

/**
 * The signals API from SharePoint and Teams: AadHttpClient obtains an Entra ID access token for the
 * API's application id URI (granted to SharePoint through the package's webApiPermissionRequests),
 * and the service checks signature, audience, issuer, expiry and roles on every call.
 */
export class AadSignalsClient extends HttpSignalsClient {
  private clientPromise: Promise<AadHttpClient> | undefined;

  public constructor(
    private readonly factory: AadHttpClientFactory,
    private readonly apiBaseUrl: string,
    private readonly appIdUri: string,
    language: string
  ) {
    super(language);
  }

  protected async send(request: ApiRequest): Promise<ApiResponse> {
    if (!this.clientPromise) this.clientPromise = this.factory.getClient(this.appIdUri);
    const client = await this.clientPromise;
    const response = await client.fetch(this.apiBaseUrl.replace(/\/+$/, '') + request.path, AadHttpClient.configurations.v1, {
      method: request.method,
      headers: request.headers,
      body: request.body
    });
    return { status: response.status, text: () => response.text() };
  }
}
