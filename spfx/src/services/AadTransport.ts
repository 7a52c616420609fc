import { AadHttpClient, type AadHttpClientFactory } from '@microsoft/sp-http';
import type { Transport, TransportRequest, TransportResponse } from './ApiTransport';

/**
 * A Weerbaar Twente API from SharePoint and Teams: AadHttpClient obtains an Entra ID access
 * token for the API's application id URI, and the API checks it on every call.
 */
export class AadTransport implements Transport {
  private clientPromise: Promise<AadHttpClient> | undefined;

  public constructor(
    private readonly factory: AadHttpClientFactory,
    private readonly apiBaseUrl: string,
    private readonly appIdUri: string
  ) {}

  public async send(request: TransportRequest): Promise<TransportResponse> {
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
